package tcpflowlab.scenario;

import java.util.Objects;

/**
 * Everything a run needs, immutable. Build one from JSON with {@link ScenarioCodec}, change one
 * field with {@link ScenarioCodec#with}; every field's unit and range is in {@link ScenarioField}.
 */
public record Scenario(String name, String description, ServerConfig server, ClientConfig client,
                       SocketConfig sockets, LinkConfig link, RunConfig run) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(sockets, "sockets");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(run, "run");
    }

    /**
     * The defaults a scenario file's missing fields take: the story's programs as measured on
     * Linux, with pinned buffers of Linux's default sizes.
     */
    public static Scenario defaults() {
        return new Scenario("default", "",
                new ServerConfig(13, 0, 1_000, false, OverflowPolicy.CLOSE, true, false, 64L << 20),
                new ClientConfig(10, 1.0, 0.0, 17, 1_000, ReadStrategy.FIXED_READ, true, true,
                        100.0, 5_000.0, 0.0),
                new SocketConfig(16_384, 131_072, 16_384, 131_072, true, false, 4_194_304,
                        33_554_432, 65_483, true, AckMode.LINUX, 40.0, 200.0),
                new LinkConfig(30.0, 10_000.0),
                new RunConfig(60.0, 1, 1.0));
    }
}
