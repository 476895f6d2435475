#!/usr/bin/env python3
"""Records the receive windows a Linux reader advertises, as a golden file for the Model's tests.

A rate-limited sender writes CHUNK-byte chunks with blocking sendall() to a reader that sets
SO_RCVBUF before connect() and reads READ bytes per recv(), then sleeps DELAY ms. Both run here,
on loopback only (127.0.0.1, an ephemeral port), for a bounded time. dumpcap captures the
connection on lo and tshark reads the capture, so every window comes from the kernel itself:
no code of TCP Flow Lab is involved, which is the point of a golden reference.

The golden file: '#' header lines (key: value) naming the kernel, the date, the regime, the
reader's goodput and the whole run's zero-window and window-full segment counts (tshark's analysis),
then one line per ACK the reader sent after the first second: time since the SYN (s) and the
advertised window in bytes (already multiplied by the window scale).

Example:
  scripts/kernel-windows.py --rate 5MiB --read 4096 --delay 1 \\
      --out src/test/resources/golden/windows/rate5MiB-read4096-delay1ms.txt
Needs dumpcap (allowed to capture on lo) and tshark on PATH. Python 3 standard library only.
"""
import argparse
import collections
import datetime
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

# The window after connection setup is the slow-start transient; the golden values are the
# steady state the Model must reproduce, so ACKs before this are left out.
SKIP_S = 1.0
# tshark flags as printed with -T fields: a hex bit set.
SYN, RST, FIN, ACK = 0x002, 0x004, 0x001, 0x010


def byte_rate(text):
    """'5MiB', '512KiB' or a plain number of bytes per second."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(KiB|MiB)?", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"--rate {text!r}: give bytes/s, e.g. 5242880, 512KiB or 5MiB")
    scale = {None: 1, "KiB": 1024, "MiB": 1024 * 1024}[m.group(2)]
    value = float(m.group(1)) * scale
    if value <= 0:
        raise argparse.ArgumentTypeError(f"--rate {text!r} must be above 0")
    return value


def positive_int(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} must be a whole number above 0")
    return value


def start_capture(port, pcap):
    """dumpcap on lo for this port only; returns once dumpcap says it is capturing."""
    cap = subprocess.Popen(["dumpcap", "-i", "lo", "-f", f"tcp port {port}", "-w", pcap, "-s", "128"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    seen = []
    while time.monotonic() < deadline:
        line = cap.stderr.readline()
        if not line:
            break
        seen.append(line.strip())
        if line.startswith("Capturing on"):
            # Drain dumpcap's later chatter so it never blocks on a full pipe.
            threading.Thread(target=cap.stderr.read, daemon=True).start()
            # dumpcap says so before the kernel delivers packets to it (a first try lost the
            # SYN); the window scale is only known from the SYN, so give it time.
            time.sleep(1.0)
            return cap
    cap.kill()
    sys.exit("dumpcap did not start capturing on lo within 10 s: " + " | ".join(seen))


def run_flow(args, listener):
    """Sender and reader on loopback; returns the reader's bytes read and seconds spent."""
    reader = socket.socket()
    # Before connect(), so the SYN's window scale and the buffer are the ones the kernel chose for it.
    reader.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, args.rcvbuf)
    reader.connect(listener.getsockname())
    sender, _ = listener.accept()
    started = time.monotonic()
    stop = started + args.seconds

    def send():
        chunk = b"x" * args.chunk
        sent = 0
        try:
            while time.monotonic() < stop:
                due = started + sent / args.rate
                now = time.monotonic()
                if due > now:
                    time.sleep(due - now)
                sender.sendall(chunk)  # blocking: the sender waits on the reader's window
                sent += args.chunk
        except OSError:
            pass  # the reader closed first, with data unread: the reset ends a blocked sendall

    writer = threading.Thread(target=send, daemon=True)
    writer.start()
    got = 0
    delay = args.delay / 1000
    while time.monotonic() < stop:
        data = reader.recv(args.read)
        if not data:
            break
        got += len(data)
        if delay > 0:
            time.sleep(delay)
    elapsed = time.monotonic() - started
    reader.close()
    writer.join(timeout=5)
    sender.close()
    return got, elapsed


def read_capture(pcap):
    """(time, srcport, payload length, window, flags, zero window?, window full?) per segment."""
    out = subprocess.run(["tshark", "-r", pcap, "-T", "fields", "-E", "separator=,",
                          "-e", "frame.time_relative", "-e", "tcp.srcport", "-e", "tcp.len",
                          "-e", "tcp.window_size", "-e", "tcp.flags",
                          "-e", "tcp.analysis.zero_window", "-e", "tcp.analysis.window_full"],
                         capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        f = line.split(",")
        if len(f) < 7 or not f[0]:
            continue
        rows.append((float(f[0]), int(f[1]), int(f[2] or 0), int(f[3] or 0), int(f[4], 16),
                     f[5] != "", f[6] != ""))
    return rows


def reader_acks(rows, reader_port, seconds):
    """The reader's ACKs between SKIP_S and the end of the run, timed from its SYN."""
    syn = next(r for r in rows if r[1] == reader_port and r[4] & SYN)
    acks = []
    for t, port, _, window, flags, _, _ in rows:
        since = t - syn[0]
        if port == reader_port and flags & ACK and not flags & (SYN | FIN | RST) and SKIP_S <= since <= seconds:
            acks.append((since, window))
    return acks


def covering_values(windows, percent=90):
    """The fewest distinct windows covering `percent` of the ACKs, most frequent first (ties: smaller
    first), as the Model's test (WindowCoverage) picks them; whole numbers, so exactly 90 % is exact."""
    counts = sorted(collections.Counter(windows).items(), key=lambda kv: (-kv[1], kv[0]))
    chosen, covered = [], 0
    for value, n in counts:
        if covered * 100 >= len(windows) * percent:
            break
        chosen.append((value, n))
        covered += n
    return chosen


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rate", type=byte_rate, required=True, help="sender's rate, bytes/s (5MiB, 512KiB, 1048576)")
    p.add_argument("--read", type=positive_int, required=True, help="bytes per recv() of the reader")
    p.add_argument("--delay", type=float, required=True, help="ms the reader sleeps after each recv()")
    p.add_argument("--rcvbuf", type=positive_int, default=16384, help="reader's SO_RCVBUF, set before connect")
    p.add_argument("--chunk", type=positive_int, default=8192, help="bytes per sendall() of the sender")
    p.add_argument("--seconds", type=float, default=5.0, help="length of the run, s (above 1, at most 60)")
    p.add_argument("--out", required=True, help="golden file to write")
    p.add_argument("--pcap", help="keep the capture here (default: a temporary file, deleted)")
    args = p.parse_args()
    if not 1 < args.seconds <= 60:
        p.error(f"--seconds {args.seconds}: must be above 1 (the first second is skipped) and at most 60")
    if args.delay < 0:
        p.error(f"--delay {args.delay}: must be 0 or more ms")

    with tempfile.TemporaryDirectory() as tmp:
        pcap = args.pcap or os.path.join(tmp, "windows.pcapng")
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        cap = start_capture(listener.getsockname()[1], pcap)
        try:
            got, elapsed = run_flow(args, listener)
            time.sleep(0.3)  # let the closing segments reach the capture
        finally:
            cap.terminate()
            cap.wait(timeout=10)
            listener.close()
        rows = read_capture(pcap)
    ports = {r[1] for r in rows}
    if len(ports) != 2:
        sys.exit(f"expected one connection in the capture, saw ports {sorted(ports)}")
    # The reader connects, so its port is the one on the SYN without ACK.
    reader_port = next((r[1] for r in rows if r[4] & SYN and not r[4] & ACK), None)
    if reader_port is None:
        sys.exit("the capture holds no SYN: dumpcap started capturing after connect(); run again")
    acks = reader_acks(rows, reader_port, args.seconds)
    if not acks:
        sys.exit("the reader sent no ACK after the first second: nothing to record")
    zero = sum(r[5] for r in rows)
    full = sum(r[6] for r in rows)
    goodput = got / elapsed / 1024
    header = [
        "kernel receive windows: the reader's ACKs after the first second, recorded by scripts/kernel-windows.py",
        f"uname-r: {os.uname().release}",
        f"date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"rate-Bps: {round(args.rate)}",
        f"read-B: {args.read}",
        f"delay-ms: {args.delay:g}",
        f"rcvbuf-B: {args.rcvbuf}",
        f"chunk-B: {args.chunk}",
        f"seconds: {args.seconds:g}",
        f"goodput-KiBps: {goodput:.1f}",
        f"zero-window-segs: {zero}",
        f"window-full-segs: {full}",
        f"acks: {len(acks)}",
        "columns: time-s window-B",
    ]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        for h in header:
            f.write(f"# {h}\n")
        for t, window in acks:
            f.write(f"{t:.6f} {window}\n")
    cover = covering_values([w for _, w in acks])
    print(f"{args.out}: {len(acks)} ACKs, goodput {goodput:.1f} KiB/s, zero-window {zero}, window-full {full}; "
          "90 % cover: " + ", ".join(f"{v} ({100 * n / len(acks):.0f} %)" for v, n in cover))


if __name__ == "__main__":
    main()
