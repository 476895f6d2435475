#!/usr/bin/env bash
# UI benchmark (issue 3): the real main window under Monocle's headless software renderer,
# the model at max speed; frame rate, FX-thread time per frame, and a 1-hour virtual run in
# a 256 MiB heap. Prints a report; numbers go to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -Xmx256m -Dtcpflowlab.maxSpeedShare=${MAX_SPEED_SHARE:-1.0} -Duibench.width=${UIBENCH_WIDTH:-1600} -Duibench.height=${UIBENCH_HEIGHT:-1000} \
    -Dtestfx.robot=glass -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -Dheadless.geometry=1600x1000-32 \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" tcpflowlab.ui.UiBench
