#!/usr/bin/env bash
# Sweep responsiveness bench (issue 13): FX-thread time per frame of the main window running
# seed-buggy at 1x, alone and with a 20 x 20 sweep running in the Sweep view on 1 and 2 jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -Xmx512m -Dsweepbench.seconds=${SWEEPBENCH_SECONDS:-15} \
    -Dtestfx.robot=glass -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -Dheadless.geometry=1600x1000-32 \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" tcpflowlab.ui.SweepUiBench
