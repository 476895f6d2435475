package tcpflowlab.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import tcpflowlab.scenario.ScenarioCodec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Plays a lesson in the real window on an X display and captures the screen (ImageMagick's
 * import) at each stage: the goal, the first stop, its reveal, a choice question, its reveal,
 * the ladder, the summary. For looking at Lesson mode as a class would; run with
 * scripts/lesson-screenshots.sh. The lesson's first question must ask for a number, its last
 * step must ask a multiple-choice question.
 */
public final class LessonScreenshots {
    private LessonScreenshots() {
    }

    /** Arguments: output folder, lesson (name or file), width, height, and "presentation" for presentation mode. */
    public static void main(String[] args) {
        Application.launch(Player.class, args);
    }

    /** The window and the script that drives it. */
    public static final class Player extends Application {
        private MainController main;
        private Path out;
        private String prefix;
        private int width;
        private int height;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> a = getParameters().getRaw();
            out = Path.of(a.get(0));
            width = Integer.parseInt(a.get(2));
            height = Integer.parseInt(a.get(3));
            boolean presentation = a.size() > 4 && a.get(4).equals("presentation");
            prefix = width + "x" + height + (presentation ? "-presentation" : "");
            Parent root = TcpFlowLabApp.load(null, new ScenarioCodec(),
                    Files.createTempDirectory("tcpflowlab-shots").resolve("recent.txt"));
            main = (MainController) root.getProperties().get(MainController.class);
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().add(TcpFlowLabApp.resource("/assets/css/app.css").toExternalForm());
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            main.attach(stage);
            stage.show();
            List<String> options = new ArrayList<>(List.of("--lesson", a.get(1)));
            if (presentation) {
                options.add("--presentation");
            }
            main.applyOptions(options);
            Thread t = new Thread(this::play, "lesson-screenshots");
            t.setDaemon(true);
            t.start();
        }

        private void play() {
            int status = 0;
            try {
                Thread.sleep(2500);
                shot("1-goal");
                fx(() -> main.lessonPlayer().next());
                settle();
                shot("2-first-stop");
                fx(() -> ((TextField) main.lessonPanel().content().lookup("#predictionField")).setText("13000"));
                fx(() -> main.lessonPanel().onReveal());
                settle();
                shot("3-first-reveal");
                int steps = main.lessonPlayer().lesson().steps().size();
                for (int i = 1; i < steps; i++) {
                    fx(() -> main.lessonPlayer().next());
                    settle();
                }
                fx(() -> main.lessonPanel().content().lookupAll(".lesson-choice").stream().findFirst()
                        .ifPresent(n -> ((ToggleButton) n).setSelected(true)));
                shot("4-last-stop");
                fx(() -> main.lessonPanel().onReveal());
                settle();
                shot("5-last-reveal");
                fx(() -> main.lessonPanel().content().lookupAll(".hyperlink").stream()
                        .filter(n -> ((Hyperlink) n).getText().contains("ladder")).forEach(n -> ((Hyperlink) n).fire()));
                Thread.sleep(1500);
                shot("6-ladder");
                fx(() -> main.lessonPlayer().next());
                settle();
                shot("7-summary");
            } catch (Exception e) {
                e.printStackTrace();
                status = 1;
            }
            Platform.exit();
            System.exit(status);
        }

        private void fx(Runnable r) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    r.run();
                } finally {
                    done.countDown();
                }
            });
            done.await();
        }

        /** Until the lesson got there, then a moment for the frames to draw it. */
        private void settle() throws InterruptedException {
            Thread.sleep(300);
            boolean[] busy = {true};
            while (busy[0]) {
                fx(() -> busy[0] = main.lessonPlayer().isBusy());
                Thread.sleep(100);
            }
            Thread.sleep(1500);
        }

        private void shot(String name) throws Exception {
            Path file = out.resolve(prefix + "-" + name + ".png");
            int rc = new ProcessBuilder("import", "-window", "root", "-crop", width + "x" + height + "+0+0",
                    file.toString()).inheritIO().start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException("import failed (" + rc + ") for " + file);
            }
            System.out.println("saved " + file);
        }
    }
}
