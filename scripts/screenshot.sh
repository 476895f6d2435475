#!/usr/bin/env bash
# Takes assets/screenshot.png from the real application in a real (virtual) X window:
# starts Xvfb, runs the story preset for a few seconds, captures the window with ImageMagick.
# The cure: ENGINE=live PRESET=spill-and-replay scripts/screenshot.sh assets/screenshot-spill.png
# Needs: xvfb libgtk-3-0 imagemagick xdotool (apt-get install -y xvfb libgtk-3-0 imagemagick xdotool).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-assets/screenshot.png}"
SECONDS_TO_RUN="${SECONDS_TO_RUN:-14}"
PRESET="${PRESET:-seed-buggy}"
ENGINE="${ENGINE:-model}"
./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="target/classes:$(cat target/classpath.txt)"
export DISPLAY_NUM="${DISPLAY_NUM:-99}"
Xvfb :$DISPLAY_NUM -screen 0 1600x1000x24 -nolisten tcp &
XVFB=$!
trap 'kill $APP $XVFB 2>/dev/null || true' EXIT
export DISPLAY=:$DISPLAY_NUM
sleep 1
java -Dtcpflowlab.home="$(mktemp -d)" -cp "$CP" tcpflowlab.ui.Launcher \
    --preset "$PRESET" --engine "$ENGINE" --speed 1x --autorun >target/screenshot-app.log 2>&1 &
APP=$!
sleep "$SECONDS_TO_RUN"
WINDOW=$(xdotool search --name "TCP Flow Lab" | head -1)
xdotool windowsize "$WINDOW" 1600 1000 windowmove "$WINDOW" 0 0
sleep 1
import -window "$WINDOW" "$OUT"
echo "saved $OUT"
