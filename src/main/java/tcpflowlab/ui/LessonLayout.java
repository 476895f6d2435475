package tcpflowlab.ui;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Room for the lesson panel: on a window narrower than {@value #ROOM_FOR_KNOBS} px (a 1280 x 720
 * projector) the knob panel steps aside while a lesson is open, or the charts between the two
 * panels would be too narrow to read; the lesson turns its knobs itself. Closing the lesson, or
 * a wider window, brings the knobs back.
 */
final class LessonLayout {
    static final double ROOM_FOR_KNOBS = 1500;

    private final Region window;
    private final Node knobs;
    private final Node lesson;

    LessonLayout(Region window, Node knobs, Node lesson) {
        this.window = window;
        this.knobs = knobs;
        this.lesson = lesson;
        window.widthProperty().addListener((obs, old, w) -> update());
        lesson.visibleProperty().addListener((obs, old, v) -> update());
        update();
    }

    private void update() {
        boolean show = !lesson.isVisible() || window.getWidth() <= 0 || window.getWidth() >= ROOM_FOR_KNOBS;
        knobs.setVisible(show);
        knobs.setManaged(show);
    }
}
