package tcpflowlab.sim.tcp;

import java.util.ArrayDeque;

/**
 * What the receive queue costs in kernel memory ({@code sk_rmem_alloc}): every socket buffer
 * (skb) is charged its true size, payload plus bookkeeping, until the application has read
 * the last byte of it. This, not the number of unread bytes, is what Linux's receive window
 * is computed from ({@code tcp_space()}), so it is why a reader of small pieces keeps the
 * window shut longer than its unread bytes suggest.
 *
 * <p>Rules, as Linux 6.x applies them on loopback (measured with {@code ss -tm} on 6.18):
 * <ul>
 *   <li>A segment that arrives as a new skb costs its payload plus {@link #SKB_HEAD_TRUESIZE}.
 *   <li>A segment that continues the last skb is coalesced into it ({@code tcp_try_coalesce()}):
 *       its page fragments are moved over and only its payload is charged, up to
 *       {@link #MAX_SKB_FRAGS} fragments (one per segment here) in one skb.
 *   <li>An skb is freed only once it has been read to its end ({@code tcp_eat_recv_skb()}).
 *   <li>When the memory charged exceeds the buffer, the queue is collapsed into compact skbs
 *       ({@code tcp_prune_queue()} / {@code tcp_collapse()}).
 * </ul>
 * Without Linux's buffer doubling the model is a textbook receiver: memory is the payload.
 */
final class ReceiveMemory {
    /**
     * Bookkeeping charged to an skb on top of its payload: struct sk_buff, the linear head
     * and skb_shared_info. 832 B was measured on Linux 6.18 over loopback (a 16384 B segment
     * charged 17216 B); it depends on the kernel build and the device.
     */
    static final int SKB_HEAD_TRUESIZE = 832;
    /** MAX_SKB_FRAGS: the page fragments one skb can hold, so the most segments coalesced into it. */
    static final int MAX_SKB_FRAGS = 17;
    /** tcp_collapse() copies into skbs of SKB_MAX_ORDER(0, 0) payload: a page minus skb_shared_info. */
    static final int COLLAPSED_PAYLOAD = 3776;
    /** What such a collapsed skb costs beyond its payload (struct sk_buff and skb_shared_info). */
    static final int COLLAPSED_OVERHEAD = 576;

    /** One skb of the receive queue: it holds stream bytes up to {@code end}. */
    private static final class Skb {
        long end;
        long truesize;
        int frags;

        Skb(long end, long truesize, int frags) {
            this.end = end;
            this.truesize = truesize;
            this.frags = frags;
        }
    }

    private final boolean overhead;
    /**
     * The skbs that arrived after the last collapse. The collapsed skbs before them are not
     * objects: they are {@code [collapsedStart, collapsedEnd)} cut into {@link #COLLAPSED_PAYLOAD}
     * pieces from {@code collapsedStart}, which is all that is needed to free and charge them.
     * A receiver whose window is shut collapses on nearly every arrival, and building a full
     * queue of skbs each time was most of a run's cost.
     */
    private final ArrayDeque<Skb> queue = new ArrayDeque<>();
    private long collapsedStart;
    private long collapsedEnd;
    private long allocated;
    private long collapses;

    /** @param overhead charge skb bookkeeping (Linux); false charges payload only (textbook) */
    ReceiveMemory(boolean overhead) {
        this.overhead = overhead;
    }

    /** The true size a segment of {@code length} payload bytes arrives with (skb->truesize). */
    long truesizeOf(int length) {
        return overhead ? length + SKB_HEAD_TRUESIZE : length;
    }

    /** Queues the in-order bytes {@code [start, start + length)}; coalesces into the last skb when it can. */
    void queue(long start, int length) {
        Skb tail = queue.peekLast();
        // a collapsed piece is full (MAX_SKB_FRAGS), so nothing is coalesced into one
        if (tail != null && tail.end == start && tail.frags < MAX_SKB_FRAGS) {
            tail.end += length;
            tail.truesize += length;
            tail.frags++;
            allocated += length;
            return;
        }
        long truesize = truesizeOf(length);
        queue.addLast(new Skb(start + length, truesize, 1));
        allocated += truesize;
    }

    /** The application has read every byte before {@code readOffset}: frees the skbs read to their end. */
    void readTo(long readOffset) {
        if (collapsedStart < collapsedEnd) {
            long before = collapsedTruesize();
            if (readOffset >= collapsedEnd) {
                collapsedStart = collapsedEnd;
            } else if (readOffset > collapsedStart) {
                // only pieces read to their end are freed
                collapsedStart += (readOffset - collapsedStart) / COLLAPSED_PAYLOAD * COLLAPSED_PAYLOAD;
            }
            allocated -= before - collapsedTruesize();
            if (collapsedStart < collapsedEnd) {
                return;
            }
        }
        Skb head;
        while ((head = queue.peekFirst()) != null && head.end <= readOffset) {
            queue.removeFirst();
            allocated -= head.truesize;
        }
    }

    /**
     * tcp_collapse(): copies the unread bytes {@code [readOffset, end)} into compact skbs, so the
     * memory charged is the payload plus a little per page.
     */
    void collapse(long readOffset, long end) {
        queue.clear();
        collapsedStart = readOffset;
        collapsedEnd = Math.max(readOffset, end);
        allocated = collapsedTruesize();
        collapses++;
    }

    /** What the collapsed pieces still queued cost: their payload, plus the overhead of each piece. */
    private long collapsedTruesize() {
        long payload = collapsedEnd - collapsedStart;
        if (!overhead || payload <= 0) {
            return Math.max(0, payload);
        }
        long pieces = (payload + COLLAPSED_PAYLOAD - 1) / COLLAPSED_PAYLOAD;
        return payload + pieces * COLLAPSED_OVERHEAD;
    }

    /** sk_rmem_alloc: bytes of memory the receive queue is charged. */
    long allocated() {
        return allocated;
    }

    /** How often the queue had to be collapsed (Linux's TcpExt TCPRcvCollapsed, roughly). */
    long collapses() {
        return collapses;
    }
}
