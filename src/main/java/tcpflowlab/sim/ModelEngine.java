package tcpflowlab.sim;

import tcpflowlab.scenario.Scenario;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.scenario.SocketConfig;
import tcpflowlab.engine.ScenarioKnobs;
import tcpflowlab.sim.app.ClientApp;
import tcpflowlab.sim.app.ConnectionSampler;
import tcpflowlab.sim.app.KernelQueues;
import tcpflowlab.sim.app.ServerApp;
import tcpflowlab.sim.app.ServerSide;
import tcpflowlab.sim.app.SpillServerApp;
import tcpflowlab.spill.MemoryOverflowQueue;
import tcpflowlab.sim.app.StreamTap;
import tcpflowlab.sim.tcp.EndpointSettings;
import tcpflowlab.sim.tcp.Host;
import tcpflowlab.sim.tcp.SimSocket;
import tcpflowlab.sim.tcp.TcpEndpoint;
import tcpflowlab.telemetry.Errno;
import tcpflowlab.telemetry.FlowLimit;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.engine.KnobChangeAt;
import tcpflowlab.engine.Knobs;
import tcpflowlab.engine.RunSummary;
import tcpflowlab.engine.StopCondition;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.SummaryCollector;
import tcpflowlab.telemetry.TelemetrySink;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.SegmentRecord;
import tcpflowlab.telemetry.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Model engine: one scenario, two hosts joined by a link each way, the C-style server
 * and the Python-style client, a sampler, all on one virtual clock. Single-threaded; drive it
 * with {@link #runUntil}/{@link #step} directly (CLI, tests) or through
 * {@code tcpflowlab.run.ModelRun}, which paces it to the wall clock on its own thread.
 * The same scenario and seed always give the same events, byte for byte.
 */
public final class ModelEngine implements ModelAppContext {
    public static final int SERVER_PORT = 5000;
    private static final int FIRST_CLIENT_PORT = 40_000;

    private final Simulator sim = new Simulator();
    private final ScenarioCodec codec;
    private final Telemetry telemetry;
    private final SummaryCollector collector = new SummaryCollector();
    private final StreamLosses losses = new StreamLosses();
    private final ScenarioKnobs knobs;
    private final KnobHistory knobHistory = new KnobHistory();
    /** Replaced (not changed) from another thread when a rewound run reaches its branch point. */
    private volatile KnobSchedule knobSchedule = KnobSchedule.NONE;
    private final Scenario initial;
    private final SplittableRandom random;
    private final SplittableRandom sequenceNumbers;
    private final Host serverHost;
    private final Host clientHost;
    private final ServerSide server;
    private final ClientApp client;
    private final ConnectionSampler sampler;
    private final FlowLimitMeter flowLimit = new FlowLimitMeter(this::senderLimit);
    private final long endTime;
    private final long samplePeriod;
    private StreamTap tap = StreamTap.NONE;
    private Scenario current;
    private int connections;
    private int nextClientPort = FIRST_CLIENT_PORT;
    private TcpEndpoint serverEndpoint;
    private TcpEndpoint clientEndpoint;
    /** The instant of the last application-level socket call, and how many calls it has seen. */
    private long callInstant = -1;
    private int callsAtInstant;
    private boolean started;
    private boolean finished;
    /** See {@link #inlineLimit()}: lowered while a run is stepped to a condition. */
    private long inlineLimit = Long.MAX_VALUE;

    public ModelEngine(Scenario scenario, List<TelemetrySink> sinks) {
        this(scenario, sinks, new ScenarioCodec());
    }

    public ModelEngine(Scenario scenario, List<TelemetrySink> sinks, ScenarioCodec codec) {
        this(scenario, sinks, codec, List.of());
    }

    /**
     * An engine that applies {@code replay} (knob changes of an earlier run of the same
     * scenario, see {@link #knobHistory}) at the same socket calls as that run did, so it
     * reports the same telemetry byte for byte; {@link #dropKnobSchedule()} ends the replay.
     */
    public ModelEngine(Scenario scenario, List<TelemetrySink> sinks, ScenarioCodec codec, List<KnobChangeAt> replay) {
        this.codec = codec;
        codec.validate(scenario);
        this.current = scenario;
        this.initial = scenario;
        this.knobSchedule = replay.isEmpty() ? KnobSchedule.NONE : new KnobSchedule(replay);
        List<TelemetrySink> all = new ArrayList<>(sinks);
        all.add(collector);
        this.telemetry = new Telemetry(sim, all);
        this.knobs = new ScenarioKnobs(codec, scenario);
        this.random = new SplittableRandom(scenario.run().seed());
        this.sequenceNumbers = random.split();
        this.serverHost = new Host(sim, Side.SERVER, telemetry, () -> sequenceNumbers.nextLong() & 0xFFFF_FFFFL);
        this.clientHost = new Host(sim, Side.CLIENT, telemetry, () -> sequenceNumbers.nextLong() & 0xFFFF_FFFFL);
        Host.connect(sim, serverHost, clientHost, () -> current.link());
        this.server = scenario.server().overflowPolicy() == tcpflowlab.scenario.OverflowPolicy.SPILL
                ? new SpillServerApp(this, new MemoryOverflowQueue(scenario.server().spillCapacityBytes()))
                : new ServerApp(this);
        this.client = new ClientApp(this);
        this.sampler = new ConnectionSampler(server, client, ConnectionSampler.of(server), this::messagesLost);
        this.endTime = Math.round(scenario.run().durationS() * 1e9);
        this.samplePeriod = Math.max(1, Math.round(scenario.run().samplePeriodMs() * 1e6));
        sim.watchClock(flowLimit);
    }

    /** Installs an observer of the application byte streams; call before {@link #start()}. */
    public void setStreamTap(StreamTap tap) {
        this.tap = tap;
    }

    /** Schedules the server's listen and the client's connect at time 0. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        server.start();
        sim.schedule(0, client::start);
        sim.schedule(0, this::sampleAndReschedule);
    }

    /** Processes events up to virtual time {@code t} (or the end of the run). */
    public void runUntil(long t) {
        start();
        long limit = Math.min(t, endTime);
        if (!finished) {
            sim.runUntil(limit);
        }
        if (t >= endTime) {
            finish();
        }
    }

    /** How a bounded {@link #runUntil(StopCondition, long)} ended. */
    public enum StopResult {
        /** The condition was met (the run may have ended in the same instant). */
        MET,
        /** The run ended first. */
        RUN_ENDED,
        /** The engine-event budget ran out first: call again to go on. */
        BUDGET_SPENT
    }

    /**
     * Runs until {@code condition} is met or the run ends, exactly as {@code Run.runUntil} says.
     *
     * @return true when the condition was met
     */
    public boolean runUntil(StopCondition condition) {
        StopCondition target = condition.anchoredAt(now());
        StopResult r;
        do {
            r = runUntil(target, Long.MAX_VALUE);
        } while (r == StopResult.BUDGET_SPENT);
        return r == StopResult.MET;
    }

    /**
     * Like {@link #runUntil(StopCondition)}, processing at most {@code maxEngineEvents} engine
     * events, so a caller can release its lock now and then. A relative condition counts from
     * this call: anchor it ({@link StopCondition#anchoredAt}) once before calling again.
     */
    public StopResult runUntil(StopCondition condition, long maxEngineEvents) {
        if (finished) {
            return StopResult.RUN_ENDED;
        }
        StopCondition target = condition.anchoredAt(now());
        ConditionWatch watch = new ConditionWatch(target);
        long deadline = target.deadline();
        inlineLimit = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline + 1;
        telemetry.watch(watch);
        try {
            start(); // the server's LISTEN is the first thing the class sees
            for (long n = 0; n < maxEngineEvents && !watch.met; n++) {
                long next = sim.nextEventTime();
                if (next > deadline || next > endTime) {
                    runUntil(Math.min(deadline, endTime));
                    return watch.met || deadline <= endTime ? StopResult.MET : StopResult.RUN_ENDED;
                }
                sim.runNext();
            }
            if (!watch.met) {
                return StopResult.BUDGET_SPENT;
            }
            // the rest of this instant, so the views see it whole and the next step moves on
            while (sim.nextEventTime() == sim.now()) {
                sim.runNext();
            }
            return StopResult.MET;
        } finally {
            telemetry.watch(null);
            inlineLimit = Long.MAX_VALUE;
        }
    }

    /** Sees the telemetry during a stepped run; once met, no application loop runs on inline. */
    private final class ConditionWatch implements TelemetrySink {
        private final StopCondition condition;
        private boolean met;

        ConditionWatch(StopCondition condition) {
            this.condition = condition;
        }

        @Override
        public void onEvent(TcpEvent event) {
            if (!met && condition.matches(event)) {
                stop();
            }
        }

        @Override
        public void onSegment(SegmentRecord segment) {
            if (!met && condition.matches(segment)) {
                stop();
            }
        }

        private void stop() {
            met = true;
            inlineLimit = sim.now();
        }
    }

    /** Runs the whole scenario. */
    public void runToEnd() {
        runUntil(endTime);
    }

    /** Processes the next event; false when the run is over. */
    public boolean step() {
        start();
        if (finished) {
            return false;
        }
        if (sim.nextEventTime() > endTime) {
            finish();
            return false;
        }
        return sim.runNext();
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (sim.now() < endTime) {
            sim.runUntil(endTime);
        }
        sample();
        telemetry.event(Side.SERVER, EventKind.RUN_END, null, 0, 0,
                "end of the run after " + current.run().durationS() + " s of virtual time");
    }

    private void sampleAndReschedule() {
        sample();
        long next = sim.now() + samplePeriod;
        if (next <= endTime) {
            sim.schedule(next, this::sampleAndReschedule);
        }
    }

    private void sample() {
        telemetry.sample(sampler.sample(sim.now(), kernelQueues(), flowLimit.endPeriod()));
    }

    /**
     * The queues and counters at this instant, as a sample that is not reported: what a lesson
     * asks about at a step's stop, exact to the event (the sampler's samples may be a period old).
     * Its flow limit is the cause holding the sender now.
     */
    public Sample snapshot() {
        return sampler.sample(sim.now(), kernelQueues(), senderLimit());
    }

    private KernelQueues kernelQueues() {
        TcpEndpoint s = serverEndpoint;
        TcpEndpoint c = clientEndpoint;
        long sendQueue = s == null ? 0 : s.sendBuffer().used();
        long sendCap = s == null ? EndpointSettings.of(current.sockets(), Side.SERVER, current::sockets).sendCapacity()
                : s.sendBuffer().capacity();
        long recvQueue = c == null ? 0 : c.receiveBuffer().used();
        long recvCap = c == null ? EndpointSettings.of(current.sockets(), Side.CLIENT, current::sockets).receiveBuffer()
                : c.receiveBuffer().capacity();
        long window = c == null ? 0 : c.lastAdvertisedWindow();
        long inFlight = s == null ? 0 : s.sendBuffer().inFlight();
        return new KernelQueues(sendQueue, sendCap, recvQueue, recvCap, window, inFlight);
    }

    /** What holds the server's sending back at this instant (see {@link SenderLimit}). */
    private FlowLimit senderLimit() {
        TcpEndpoint s = serverEndpoint;
        boolean waiting = s != null && s.state() != tcpflowlab.sim.tcp.TcpState.CLOSED && s.sendBuffer().unsent() > 0;
        return SenderLimit.of(s != null && s.windowLimited(), server.waitingForRoom(),
                waiting || serverHost.outgoingLink().serializing(sim.now()));
    }

    // ------------------------------------------------------------------ ModelAppContext

    @Override
    public Simulator sim() {
        return sim;
    }

    @Override
    public Scenario scenario() {
        return current;
    }

    @Override
    public void beforeCall() {
        long now = sim.now();
        if (now != callInstant) {
            callInstant = now;
            callsAtInstant = 0;
        }
        int call = callsAtInstant++;
        KnobSchedule schedule = knobSchedule;
        if (schedule.nextTime() <= now) {
            for (KnobChangeAt c : schedule.takeDue(now, call)) {
                knobs.set(c.field(), c.value());
            }
        }
        if (knobs.hasPending()) {
            applyKnobs(call);
        }
    }

    private void applyKnobs(int call) {
        current = knobs.applyEach(current, change -> {
            knobHistory.add(new KnobChangeAt(sim.now(), call, change.field(), change.value()));
            telemetry.event(change.field().group().equals("client") ? Side.CLIENT : Side.SERVER,
                    EventKind.KNOB_CHANGED, null, 0, connections, change.description());
        });
    }

    @Override
    public long inlineLimit() {
        return Math.min(Math.min(sim.nextEventTime(), inlineLimit), knobSchedule.nextTime());
    }

    @Override
    public SplittableRandom random() {
        return random;
    }

    @Override
    public StreamTap tap() {
        return tap;
    }

    @Override
    public void event(Side side, EventKind kind, Errno errno, long bytes, int connection, String detail) {
        telemetry.event(side, kind, errno, bytes, connection, detail);
    }

    /**
     * The socket settings a knob may change on an open connection (Nagle, ACK mode), read from
     * the scenario as it is now: {@code current::sockets} would bind the scenario of the moment
     * the connection opened, and a change made during the run would never reach it.
     */
    private SocketConfig liveSockets() {
        return current.sockets();
    }

    @Override
    public void listen() {
        serverHost.listen(SERVER_PORT, () -> EndpointSettings.of(current.sockets(), Side.SERVER, this::liveSockets));
    }

    @Override
    public void stopListening() {
        serverHost.stopListening();
    }

    @Override
    public SimSocket accept() {
        TcpEndpoint e = serverHost.accept();
        if (e != null) {
            serverEndpoint = e;
            losses.accepted(e);
        }
        return e;
    }

    @Override
    public void onAcceptable(SimEvent event) {
        serverHost.onAcceptable(event);
    }

    @Override
    public SimSocket connect(SimEvent onDone) {
        connections++;
        int port = nextClientPort;
        nextClientPort = nextClientPort == 60_999 ? FIRST_CLIENT_PORT : nextClientPort + 1;
        TcpEndpoint e = clientHost.connect(connections, port, SERVER_PORT,
                EndpointSettings.of(current.sockets(), Side.CLIENT, this::liveSockets), onDone);
        clientEndpoint = e;
        losses.connected(e);
        return e;
    }

    // ------------------------------------------------------------------ observation

    public Knobs knobs() {
        return knobs;
    }

    /** The knob changes applied so far that took effect at or before run time {@code t}; any thread. */
    public List<KnobChangeAt> knobHistory(long t) {
        return knobHistory.upTo(t);
    }

    /** Ends the replay of an earlier run's knob changes: from now on only the knobs' own changes apply. */
    public void dropKnobSchedule() {
        knobSchedule = KnobSchedule.NONE;
    }

    /** The scenario as it was built, before any knob change. */
    public Scenario initialScenario() {
        return initial;
    }

    public long now() {
        return sim.now();
    }

    public long endTime() {
        return endTime;
    }

    public boolean isFinished() {
        return finished;
    }

    public long eventsProcessed() {
        return sim.eventsProcessed();
    }

    public ServerSide server() {
        return server;
    }

    public ClientApp client() {
        return client;
    }

    public TcpEndpoint serverEndpoint() {
        return serverEndpoint;
    }

    public TcpEndpoint clientEndpoint() {
        return clientEndpoint;
    }

    public int connections() {
        return connections;
    }

    public Scenario currentScenario() {
        return current;
    }

    public RunSummary summary() {
        SummaryCollector c = collector;
        // SPILL keeps what a broken connection lost and sends it again: only the client's gaps are lost.
        long lostBytes = server instanceof SpillServerApp ? -1 : losses.lostBytes(finished);
        return new RunSummary(current.name(), "model", current.run().seed(), sim.now(),
                c.firstZeroWindow(), c.firstEagain(), c.firstRst(), c.firstClientError(),
                server.errors(), client.errors(), server.bytesWritten(), client.bytesRead(),
                server.messagesSent(), server.messagesDropped(), connections, c.zeroWindowEvents(),
                c.zeroWindowSegments(), c.probes(), c.resets(), c.segments(), c.events(),
                sim.eventsProcessed(), c.peakSendQueue(), c.peakReceiveQueue(), lostBytes, messagesLost());
    }

    /** Messages written and never read on connections that ended, so far (with SPILL: the client's gaps). */
    private long messagesLost() {
        return server instanceof SpillServerApp ? client.gaps()
                : ceilDiv(losses.lostBytes(finished), current.server().messageSize());
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
