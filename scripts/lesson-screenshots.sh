#!/usr/bin/env bash
# Lesson mode as a class sees it: plays a lesson in the real window under Xvfb and captures each
# stage (goal, first stop and reveal, last question and reveal, ladder, summary) into OUT.
# Usage: scripts/lesson-screenshots.sh OUT LESSON [WIDTH HEIGHT [presentation]]
# e.g. scripts/lesson-screenshots.sh target/shots src/test/resources/lessons/window-and-reset.json 1280 720 presentation
# Needs: xvfb libgtk-3-0 imagemagick.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$1"; LESSON="$2"; W="${3:-1600}"; H="${4:-1000}"; MODE="${5:-}"
mkdir -p "$OUT"
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
DISPLAY_NUM="${DISPLAY_NUM:-98}"
Xvfb :$DISPLAY_NUM -screen 0 ${W}x${H}x24 -nolisten tcp &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
DISPLAY=:$DISPLAY_NUM timeout 180 java -Dtcpflowlab.home="$(mktemp -d)" \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" tcpflowlab.ui.LessonScreenshots \
    "$(realpath "$OUT")" "$LESSON" "$W" "$H" $MODE
