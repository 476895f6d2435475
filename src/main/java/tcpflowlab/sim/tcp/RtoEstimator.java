package tcpflowlab.sim.tcp;

/**
 * Retransmission timeout from RTT samples, the way Linux computes it (RFC 6298 with Linux's
 * twist): RTO = SRTT + max(4 * RTTVAR, rto_min). On loopback the RTT is microseconds, so the
 * RTO is about rto_min (200 ms), which is also the persist timer's base interval.
 */
public final class RtoEstimator {
    static final long INITIAL_RTO = 1_000_000_000L;
    static final long MAX_RTO = 120_000_000_000L;

    private final long rtoMin;
    private long srtt = -1;
    private long rttvar;
    private long rto = INITIAL_RTO;

    RtoEstimator(long rtoMinNanos) {
        this.rtoMin = rtoMinNanos;
    }

    void sample(long rtt) {
        if (rtt < 0) {
            return;
        }
        if (srtt < 0) {
            srtt = rtt;
            rttvar = rtt / 2;
        } else {
            long err = rtt - srtt;
            srtt += err / 8;
            rttvar += (Math.abs(err) - rttvar) / 4;
        }
        rto = Math.min(MAX_RTO, srtt + Math.max(4 * rttvar, rtoMin));
    }

    public long rto() {
        return rto;
    }

    public long srtt() {
        return Math.max(0, srtt);
    }

    /** Linux's tcp_probe0_base(): the persist timer's first interval. */
    long probeBase() {
        return Math.max(rto, rtoMin);
    }
}
