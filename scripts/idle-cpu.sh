#!/usr/bin/env bash
# Idle cost of the desktop app (issue 12): the real window under Xvfb, CPU time of the whole
# JVM (utime + stime from /proc/PID/stat) over a 30 s window, as a share of one core.
#   MODE=idle   nothing loaded, nothing run (measured 10 s after start)
#   MODE=paused seed-buggy started with --autorun, paused with the space key after 5 s
# SETTLE=s seconds between start (or pause) and the measurement (default 5; the JIT compiler
# goes on compiling what the run used for a few seconds after a busy run).
# APP_ARGS="--presentation" adds launch options; SIZE=1280x720 another screen size.
# CLASSES=dir measures another build's classes (e.g. the one before a change).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${MODE:-idle}"
SIZE="${SIZE:-1600x1000}"
DISPLAY_NUM="${DISPLAY_NUM:-$((100 + RANDOM % 100))}"
if [ -z "${CLASSES:-}" ]; then
    ./mvnw -q -B -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    CLASSES=target/classes
fi
CP="$CLASSES:$(cat target/classpath.txt)"
Xvfb :"$DISPLAY_NUM" -screen 0 "${SIZE}x24" -nolisten tcp &
XVFB=$!
APP=
trap 'kill $APP $XVFB 2>/dev/null || true' EXIT
export DISPLAY=:$DISPLAY_NUM
sleep 1
ARGS=()
if [ "$MODE" = paused ]; then
    ARGS=(--preset seed-buggy --speed 1x --autorun)
fi
# shellcheck disable=SC2086
java -Dtcpflowlab.home="$(mktemp -d)" -cp "$CP" tcpflowlab.ui.Launcher "${ARGS[@]}" ${APP_ARGS:-} >target/idle-cpu-app.log 2>&1 &
APP=$!
sleep 5
WINDOW=$(xdotool search --sync --name "TCP Flow Lab" | head -1)
xdotool windowsize "$WINDOW" ${SIZE%x*} ${SIZE#*x} windowmove "$WINDOW" 0 0
if [ "$MODE" = paused ]; then
    xdotool windowactivate --sync "$WINDOW" 2>/dev/null || xdotool windowfocus "$WINDOW"
    xdotool key --window "$WINDOW" space
fi
sleep "${SETTLE:-5}"
ticks() { awk '{print $14 + $15}' /proc/"$APP"/stat; }
HZ=$(getconf CLK_TCK)
T0=$(ticks); W0=$(date +%s.%N)
sleep 30
T1=$(ticks); W1=$(date +%s.%N)
import -window "$WINDOW" "target/idle-cpu-$MODE-$SIZE${APP_ARGS:+-presentation}.png" || true
awk -v t="$((T1 - T0))" -v hz="$HZ" -v w0="$W0" -v w1="$W1" -v m="$MODE" -v s="$SIZE" \
    'BEGIN { printf "%s %s: %.2f s CPU in %.1f s wall = %.2f %% of one core\n", m, s, t / hz, w1 - w0, 100 * t / hz / (w1 - w0) }'
