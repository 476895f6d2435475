package tcpflowlab.run;

import org.junit.jupiter.api.Test;
import tcpflowlab.engine.RunState;
import tcpflowlab.lesson.EngineLessonRun;
import tcpflowlab.lesson.Lesson;
import tcpflowlab.lesson.LessonCodec;
import tcpflowlab.lesson.LessonSession;
import tcpflowlab.lesson.StepRecord;
import tcpflowlab.scenario.ScenarioCodec;
import tcpflowlab.sim.ModelEngine;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson on the app's paused Model run takes the path the headless check takes: the same stops
 * and the same answers (a value at the stop read from the run's snapshot included).
 */
class ModelLessonRunTest {
    private final ScenarioCodec scenarios = new ScenarioCodec();

    private Lesson lesson() throws Exception {
        return new LessonCodec(scenarios).read(Path.of(getClass().getResource("/lessons/window-and-reset.json").toURI()));
    }

    private static List<StepRecord> play(LessonSession s) {
        while (s.hasNext()) {
            s.next();
            if (s.awaitingReveal()) {
                s.reveal("13026");
            }
        }
        return s.records();
    }

    @Test
    void theAppsRunGivesTheStopsAndAnswersOfTheHeadlessCheck() throws Exception {
        Lesson lesson = lesson();
        LessonSession headless = new LessonSession(lesson);
        headless.attach(new EngineLessonRun(new ModelEngine(lesson.scenario(), List.of(headless.sink()), scenarios)));
        List<StepRecord> expected = play(headless);

        LessonSession app = new LessonSession(lesson);
        ModelRun run = ModelRun.withSystemClock(new ModelEngine(lesson.scenario(), List.of(app.sink()), scenarios));
        app.attach(new ModelLessonRun(run));
        try {
            List<StepRecord> actual = play(app);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).stopNanos()).isEqualTo(expected.get(i).stopNanos());
                assertThat(actual.get(i).answer()).isEqualTo(expected.get(i).answer());
                assertThat(actual.get(i).correct()).isEqualTo(expected.get(i).correct());
            }
            assertThat(actual.get(0).answer().text()).isEqualTo("13026");
            assertThat(run.state()).isEqualTo(RunState.PAUSED);
        } finally {
            run.stop();
        }
    }

    @Test
    void aRunThatWasResumedIsPausedAgainAtTheNextStop() throws Exception {
        Lesson lesson = lesson();
        LessonSession s = new LessonSession(lesson);
        ModelRun run = ModelRun.withSystemClock(new ModelEngine(lesson.scenario(), List.of(s.sink()), scenarios));
        s.attach(new ModelLessonRun(run));
        try {
            run.setSpeed(0.01);
            run.start(); // Run pressed during the lesson
            LessonSession.Reached r = s.next();
            assertThat(r.met()).isTrue();
            assertThat(run.state()).isEqualTo(RunState.PAUSED);
            assertThat(run.timeNanos()).isEqualTo(r.timeNanos());
            assertThat(run.snapshot().timeNanos()).isEqualTo(r.timeNanos());
        } finally {
            run.stop();
        }
    }
}
