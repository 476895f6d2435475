package tcpflowlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

@Command(name = "notes", mixinStandardHelpOptions = true,
        description = "Explains how the Model engine works and where it simplifies Linux TCP.")
final class NotesCommand implements Runnable {
    static final String RESOURCE = "/assets/help/model-notes.md";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        try (InputStream in = NotesCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
