package tcpflowlab.ui;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Room for the lesson panel: in presentation mode, or on a window narrower than
 * {@value #ROOM_FOR_KNOBS} px, the knob panel steps aside while a lesson is open, or the charts
 * between the two panels would be too narrow to read (on a projector both panels grow with the
 * text); the lesson turns its knobs itself. Closing the lesson brings the knobs back.
 */
final class LessonLayout {
    static final double ROOM_FOR_KNOBS = 1500;

    private final Region window;
    private final Node knobs;
    private final Node lesson;
    private final javafx.beans.value.ObservableBooleanValue presentation;

    LessonLayout(Region window, Node knobs, Node lesson, javafx.beans.value.ObservableBooleanValue presentation) {
        this.window = window;
        this.knobs = knobs;
        this.lesson = lesson;
        this.presentation = presentation;
        window.widthProperty().addListener((obs, old, w) -> update());
        presentation.addListener((obs, old, on) -> update());
        lesson.visibleProperty().addListener((obs, old, v) -> update());
        update();
    }

    private void update() {
        boolean roomy = !presentation.get() && (window.getWidth() <= 0 || window.getWidth() >= ROOM_FOR_KNOBS);
        boolean show = !lesson.isVisible() || roomy;
        knobs.setVisible(show);
        knobs.setManaged(show);
    }
}
