package tcpflowlab.spill;

/** When the queue forces appended records to the disk. */
public enum FsyncPolicy {
    /** Never fsync: each record is written to the page cache at once (survives a killed process, not power loss). */
    OS,
    /** fsync every N records or T milliseconds, whichever comes first (the default). */
    GROUP,
    /** fsync after every record. */
    ALWAYS
}
