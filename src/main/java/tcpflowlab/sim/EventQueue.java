package tcpflowlab.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, insertion order), in parallel primitive arrays.
 * Written by hand instead of using {@link java.util.PriorityQueue} because the model's target
 * is millions of events per second: this avoids one wrapper object and one comparator call
 * chain per event, and the insertion counter makes ties deterministic, which a
 * PriorityQueue does not promise.
 */
final class EventQueue {
    private long[] times = new long[1024];
    private long[] orders = new long[1024];
    private Object[] actions = new Object[1024];
    private long[] tags = new long[1024];
    private int size;
    private long nextOrder;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    void add(long time, Object action, long tag) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            orders = Arrays.copyOf(orders, n);
            actions = Arrays.copyOf(actions, n);
            tags = Arrays.copyOf(tags, n);
        }
        long order = nextOrder++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, order, times[parent], orders[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, time, order, action, tag);
    }

    /** Removes the head; {@link #polledAction()} and {@link #polledTag()} tell what it was. */
    long poll() {
        long time = times[0];
        polledAction = actions[0];
        polledTag = tags[0];
        int last = --size;
        long t = times[last];
        long o = orders[last];
        Object a = actions[last];
        long g = tags[last];
        actions[last] = null;
        if (last > 0) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= last) {
                    break;
                }
                int right = child + 1;
                if (right < last && before(times[right], orders[right], times[child], orders[child])) {
                    child = right;
                }
                if (!before(times[child], orders[child], t, o)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            set(i, t, o, a, g);
        }
        return time;
    }

    private Object polledAction;
    private long polledTag;

    Object polledAction() {
        Object a = polledAction;
        polledAction = null;
        return a;
    }

    long polledTag() {
        return polledTag;
    }

    private static boolean before(long t1, long o1, long t2, long o2) {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        orders[to] = orders[from];
        actions[to] = actions[from];
        tags[to] = tags[from];
    }

    private void set(int i, long time, long order, Object action, long tag) {
        times[i] = time;
        orders[i] = order;
        actions[i] = action;
        tags[i] = tag;
    }
}
