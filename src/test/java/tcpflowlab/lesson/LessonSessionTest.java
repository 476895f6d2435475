package tcpflowlab.lesson;

import org.junit.jupiter.api.Test;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;
import tcpflowlab.telemetry.EventKind;
import tcpflowlab.telemetry.Side;
import tcpflowlab.telemetry.TcpEvent;
import tcpflowlab.telemetry.TelemetrySink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session's answers against the run's own events, found independently in a plain run of the
 * same scenario (the Model is deterministic, so stepping must not change a single event).
 */
class LessonSessionTest {
    private final ScenarioCodec scenarios = new ScenarioCodec();
    private final LessonCodec codec = new LessonCodec(scenarios);

    /** Every event, in order. */
    static final class Events implements TelemetrySink {
        final List<TcpEvent> list = new ArrayList<>();

        @Override
        public void onEvent(TcpEvent event) {
            list.add(event);
        }
    }

    private Lesson lesson(String steps) {
        String json = "{\"format\":\"tcpflowlab-lesson\",\"version\":1,\"title\":\"T\",\"goal\":\"G\","
                + "\"scenario\":\"seed-buggy\",\"set\":{\"run.durationS\":20},\"steps\":[" + steps + "]}";
        return codec.parse(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private record Played(LessonSession session, ModelEngine engine, Events events) {
    }

    private Played play(Lesson lesson) {
        LessonSession s = new LessonSession(lesson);
        Events events = new Events();
        ModelEngine engine = new ModelEngine(lesson.scenario(), List.of(events, s.sink()), scenarios);
        s.attach(new EngineLessonRun(engine));
        return new Played(s, engine, events);
    }

    private List<TcpEvent> plainRun(Lesson lesson) {
        Events events = new Events();
        new ModelEngine(lesson.scenario(), List.of(events), scenarios).runToEnd();
        return events.list;
    }

    private static int indexOf(List<TcpEvent> events, int from, EventKind kind, Side side) {
        for (int i = from; i < events.size(); i++) {
            if (events.get(i).kind() == kind && (side == null || events.get(i).side() == side)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void answersAreTheRunsOwnEventsAfterTheStop() {
        Lesson l = lesson("{\"title\":\"a\",\"text\":\"x\",\"stop\":{\"event\":\"RST_RECEIVED\",\"side\":\"client\"},"
                + "\"question\":{\"prompt\":\"p\",\"choices\":[\"EAGAIN\",\"ECONNRESET\",\"EPIPE\",\"ENOTCONN\"],"
                + "\"answer\":{\"quantity\":\"firstErrno\",\"side\":\"client\"}}},"
                + "{\"title\":\"b\",\"text\":\"x\",\"stop\":{\"event\":\"ZERO_WINDOW\",\"side\":\"client\"},"
                + "\"question\":{\"prompt\":\"p\",\"answer\":{\"quantity\":\"count\",\"event\":\"ZERO_WINDOW_PROBE\","
                + "\"side\":\"server\",\"before\":{\"event\":\"RST_RECEIVED\",\"side\":\"client\"}}}},"
                + "{\"title\":\"c\",\"text\":\"x\",\"stop\":{\"atSeconds\":15},"
                + "\"question\":{\"prompt\":\"p\",\"answer\":{\"quantity\":\"eventTime\",\"event\":\"RST_SENT\",\"from\":\"start\"}}}");
        List<TcpEvent> all = plainRun(l);
        Played p = play(l);

        LessonSession.Reached r1 = p.session().next();
        int rst = indexOf(all, 0, EventKind.RST_RECEIVED, Side.CLIENT);
        assertThat(r1.met()).isTrue();
        assertThat(r1.timeNanos()).isEqualTo(all.get(rst).timeNanos());
        LessonSession.Revealed v1 = p.session().reveal("ECONNRESET");
        TcpEvent errno = all.stream().skip(rst + 1).filter(e -> e.errno() != null && e.side() == Side.CLIENT)
                .findFirst().orElseThrow();
        assertThat(v1.answer().text()).isEqualTo(errno.errno().name());
        assertThat(v1.answer().evidence()).isEqualTo(errno);
        assertThat(v1.correct()).isEqualTo(errno.errno().name().equals("ECONNRESET"));

        int afterReveal = all.indexOf(errno) + 1;
        LessonSession.Reached r2 = p.session().next();
        int zw = indexOf(all, afterReveal, EventKind.ZERO_WINDOW, Side.CLIENT);
        assertThat(r2.timeNanos()).isEqualTo(all.get(zw).timeNanos());
        LessonSession.Revealed v2 = p.session().reveal("0");
        int nextRst = indexOf(all, zw + 1, EventKind.RST_RECEIVED, Side.CLIENT);
        long probes = all.subList(zw + 1, nextRst).stream()
                .filter(e -> e.kind() == EventKind.ZERO_WINDOW_PROBE && e.side() == Side.SERVER).count();
        assertThat(probes).isPositive();
        assertThat(v2.answer().number()).isEqualTo((double) probes);
        assertThat(v2.answer().evidence()).isEqualTo(all.get(nextRst));
        assertThat(v2.correct()).isFalse();

        p.session().next();
        LessonSession.Revealed v3 = p.session().reveal(null);
        TcpEvent firstRst = all.get(indexOf(all, 0, EventKind.RST_SENT, null));
        assertThat(v3.answer().number()).isEqualTo(firstRst.timeNanos() / 1e9);
        assertThat(v3.correct()).isNull();
        assertThat(p.session().hasNext()).isFalse();

        p.engine().runToEnd();
        assertThat(p.events().list).as("stepping a lesson changes nothing in the run").isEqualTo(all);
    }

    @Test
    void anEventTimeAfterTheStopIsCalledTheNextEventNotTheRunsFirst() {
        // asked at the first probe, "when does the second go?": the answer is not the first probe
        Lesson l = lesson("{\"title\":\"a\",\"text\":\"x\",\"stop\":{\"event\":\"ZERO_WINDOW_PROBE\",\"side\":\"server\"},"
                + "\"question\":{\"prompt\":\"p\",\"answer\":{\"quantity\":\"eventTime\",\"event\":\"ZERO_WINDOW_PROBE\","
                + "\"side\":\"server\"}}},"
                + "{\"title\":\"b\",\"text\":\"x\",\"stop\":{\"atSeconds\":15},"
                + "\"question\":{\"prompt\":\"p\",\"answer\":{\"quantity\":\"eventTime\",\"event\":\"ZERO_WINDOW_PROBE\","
                + "\"side\":\"server\",\"from\":\"start\"}}}");
        List<TcpEvent> all = plainRun(l);
        int first = indexOf(all, 0, EventKind.ZERO_WINDOW_PROBE, Side.SERVER);
        TcpEvent second = all.get(indexOf(all, first + 1, EventKind.ZERO_WINDOW_PROBE, Side.SERVER));
        Played p = play(l);

        p.session().next();
        LessonSession.Revealed next = p.session().reveal(null);
        assertThat(next.answer().evidence()).isEqualTo(second);
        assertThat(next.answer().because()).startsWith("the next ZERO_WINDOW_PROBE (server) after the stop (t = ")
                .doesNotContain("the first");

        p.session().next();
        LessonSession.Revealed fromStart = p.session().reveal(null);
        assertThat(fromStart.answer().evidence()).isEqualTo(all.get(first));
        assertThat(fromStart.answer().because()).startsWith("the first ZERO_WINDOW_PROBE (server) happened");
    }

    @Test
    void nextRevealsASkippedQuestionSoEveryPlayTakesTheSamePath() {
        String steps = "{\"title\":\"a\",\"text\":\"x\",\"stop\":{\"event\":\"ZERO_WINDOW\"},\"question\":{\"prompt\":\"p\","
                + "\"answer\":{\"quantity\":\"eventTime\",\"event\":\"RST_RECEIVED\"}}},"
                + "{\"title\":\"b\",\"text\":\"x\",\"stop\":{\"event\":\"ZERO_WINDOW\"}},"
                + "{\"title\":\"c\",\"text\":\"x\",\"set\":{\"client.readSize\":4096},\"stop\":{\"event\":\"KNOB_CHANGED\"}},"
                + "{\"title\":\"d\",\"text\":\"x\",\"stop\":{\"end\":true}}";
        Played revealing = play(lesson(steps));
        Played skipping = play(lesson(steps));
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            a.add(revealing.session().next().timeNanos());
            if (revealing.session().awaitingReveal()) {
                revealing.session().reveal("1");
            }
            b.add(skipping.session().next().timeNanos());
        }
        assertThat(b).isEqualTo(a);
        assertThat(skipping.events().list).isEqualTo(revealing.events().list);
        assertThat(skipping.session().records().get(0).answer()).isNotNull();
        assertThat(skipping.session().records().get(0).prediction()).isNull();
        assertThat(revealing.events().list).anyMatch(e -> e.kind() == EventKind.KNOB_CHANGED
                && e.detail().contains("4096"));
        assertThat(revealing.engine().currentScenario().client().readSize()).isEqualTo(4096);
    }

    @Test
    void valuesAtTheStopAndTheOutcomeComeFromTheRun() {
        Lesson l = lesson("{\"title\":\"a\",\"text\":\"x\",\"stop\":{\"atSeconds\":3},\"question\":{\"prompt\":\"p\","
                + "\"answer\":{\"quantity\":\"valueAtStop\",\"value\":\"bytesRead\"}}},"
                + "{\"title\":\"b\",\"text\":\"x\",\"stop\":{\"atSeconds\":4},\"question\":{\"prompt\":\"p\","
                + "\"choices\":[\"RESET\",\"LOSSY\",\"STALLED\",\"CLEAN\"],\"answer\":{\"quantity\":\"outcome\"}}},"
                + "{\"title\":\"c\",\"text\":\"x\",\"stop\":{\"atSeconds\":5},\"question\":{\"prompt\":\"p\","
                + "\"answer\":{\"quantity\":\"count\",\"event\":\"EAGAIN\"}}}");
        Played p = play(l);
        p.session().next();
        assertThat(p.session().reveal("1").answer().number()).isEqualTo((double) p.engine().summary().bytesRead());
        p.session().next();
        LessonSession.Revealed outcome = p.session().reveal("RESET");
        assertThat(p.engine().isFinished()).as("the outcome is known at the end").isTrue();
        assertThat(outcome.answer().text()).isEqualTo(p.engine().summary().outcome().name());
        assertThat(outcome.correct()).isEqualTo(outcome.answer().text().equals("RESET"));
        LessonSession.Reached last = p.session().next();
        assertThat(last.met()).as("the run is past 5 s already: a time stop is met at once").isTrue();
    }

    @Test
    void aStopTheRunNeverReachesIsReported() {
        Lesson l = lesson("{\"title\":\"a\",\"text\":\"x\",\"stop\":{\"event\":\"SPILL\"}}");
        Played p = play(l);
        LessonSession.Reached r = p.session().next();
        assertThat(r.met()).isFalse();
        assertThat(r.problem()).isEqualTo("the run ended at t = 20 s before the next SPILL");
        LessonCheck.Report report = new LessonCheck(scenarios).check(l);
        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.step()).isZero();
            assertThat(f.describe()).isEqualTo("step 1 \"a\": does not stop at the next SPILL: "
                    + "the run ended at t = 20 s before the next SPILL");
        });
    }

    @Test
    void checkComparesExpectAndChoicesWithTheRun() {
        String stop = "{\"title\":\"ok\",\"text\":\"x\",\"stop\":{\"atSeconds\":1}},";
        LessonCheck check = new LessonCheck(scenarios);
        LessonCheck.Report wrong = check.check(lesson(stop + "{\"title\":\"q\",\"text\":\"x\",\"stop\":{\"atSeconds\":2},"
                + "\"question\":{\"prompt\":\"p\",\"choices\":[\"EAGAIN\",\"ENOTCONN\",\"EPIPE\"],"
                + "\"answer\":{\"quantity\":\"firstErrno\",\"side\":\"client\"},\"expect\":\"EPIPE\"}}"));
        assertThat(wrong.failure().orElseThrow().describe())
                .startsWith("step 2 \"q\": the text expects EPIPE but the run gives ENOTCONN");
        LessonCheck.Report missing = check.check(lesson("{\"title\":\"q\",\"text\":\"x\",\"stop\":{\"atSeconds\":2},"
                + "\"question\":{\"prompt\":\"p\",\"choices\":[\"EAGAIN\",\"EPIPE\"],"
                + "\"answer\":{\"quantity\":\"firstErrno\",\"side\":\"client\"}}}"));
        assertThat(missing.failure().orElseThrow().reason()).startsWith("the run's answer ENOTCONN is not among the choices");
        LessonCheck.Report none = check.check(lesson("{\"title\":\"q\",\"text\":\"x\",\"stop\":{\"atSeconds\":2},"
                + "\"question\":{\"prompt\":\"p\",\"answer\":{\"quantity\":\"eventTime\",\"event\":\"SPILL\"}}}"));
        assertThat(none.failure().orElseThrow().reason())
                .isEqualTo("the question has no answer: the run ended at t = 20 s before the run time of the first SPILL"
                        + " after the stop was seen");
        LessonCheck.Report close = check.check(lesson("{\"title\":\"q\",\"text\":\"x\",\"stop\":{\"atSeconds\":2},"
                + "\"question\":{\"prompt\":\"p\",\"tolerance\":1000000,\"answer\":{\"quantity\":\"valueAtStop\","
                + "\"value\":\"bytesWritten\"},\"expect\":1}}"));
        assertThat(close.passed()).as("within the tolerance").isTrue();
    }

    @Test
    void predictionsAreJudgedAsTheClassTypesThem() {
        Answer three = new Answer("3", 3, 0, null, "b");
        Question n = new Question("p", List.of(), 0.5, new Quantity.EventCount(EventKind.EAGAIN, null, null, null,
                Scope.START), null, "");
        assertThat(n.judge("3", three)).isTrue();
        assertThat(n.judge(" 3,4 ", three)).isTrue();
        assertThat(n.judge("3.6", three)).isFalse();
        assertThat(n.judge("three", three)).isFalse();
        assertThat(n.judge("NaN", three)).isFalse();
        assertThat(n.judge("1e999", three)).isFalse();
        // thousands written as the lessons write them ("8,192 bytes") or with spaces
        Answer bytes = new Answer("5680", 5680, 0, null, "b");
        Question q = new Question("p", List.of(), 600, new Quantity.ValueAtStop(Gauge.RECEIVE_QUEUE), null, "");
        assertThat(q.judge("5,680", bytes)).isTrue();
        assertThat(q.judge("5 680", bytes)).isTrue();
        assertThat(q.judge("5\u202f680", bytes)).isTrue();
        assertThat(q.judge("1,310,72", bytes)).isFalse();
        assertThat(q.judge("5,68", bytes)).as("a decimal comma stays one").isFalse();
        assertThat(n.judge("3,000", three)).as("or a decimal comma with three decimals").isTrue();
        Question c = new Question("p", List.of("EAGAIN", "EPIPE"), 0, new Quantity.FirstErrno(Side.CLIENT, Scope.STOP),
                null, "");
        Answer epipe = new Answer("EPIPE", Double.NaN, 0, null, "b");
        assertThat(c.judge("EPIPE", epipe)).isTrue();
        assertThat(c.judge("EAGAIN", epipe)).isFalse();
        assertThat(Question.format(0.1700249999)).isEqualTo("0.170025");
        assertThat(Question.format(12)).isEqualTo("12");
    }

    @Test
    void theSummaryNamesEveryVerdict() {
        Lesson l = lesson("{\"title\":\"first\",\"text\":\"x\",\"stop\":{\"atSeconds\":2},\"question\":{\"prompt\":\"Which?\","
                + "\"choices\":[\"EAGAIN\",\"ECONNRESET\"],\"answer\":{\"quantity\":\"firstErrno\",\"side\":\"client\"}}},"
                + "{\"title\":\"second\",\"text\":\"x\",\"stop\":{\"atSeconds\":3}}");
        Played p = play(l);
        p.session().next();
        p.session().reveal("EAGAIN");
        p.session().next();
        LessonSummary summary = new LessonSummary(l, p.session().records());
        assertThat(summary.right()).isZero();
        assertThat(summary.judged()).isEqualTo(1);
        assertThat(summary.markdown()).contains("# T", "**Learning goal.** G", "## 1. first", "- Prediction: EAGAIN",
                "- Answer from the run: ENOTCONN", "- Verdict: wrong", "## 2. second", "Stopped at t = ",
                "Predictions right: 0 of 1 judged");
    }
}
