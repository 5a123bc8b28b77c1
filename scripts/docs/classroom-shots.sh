#!/usr/bin/env bash
# The README's classroom demo, walked in a real window under Xvfb: each tab at baseline and at each demo step,
# at 1366×768 with presenter mode and 1440×900 without (full walks), and the other two combinations at baseline.
# PNGs go to docs/shots/ (or $1), with the times each alert took; about 25 minutes. The alerting walks (Kill API,
# APIDown, its notification, a silence) need Alertmanager too. Needs xvfb-run and prometheus.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-docs/shots}
./mvnw -B -q -o -ntp -DskipTests -pl desktop-app -am install -Dmaven.javadoc.skip=true >/dev/null
./mvnw -B -q -o -ntp -pl desktop-app dependency:build-classpath -Dmdep.outputFile=target/tour.classpath >/dev/null
CP="desktop-app/target/test-classes:desktop-app/target/classes:$(cat desktop-app/target/tour.classpath)"
# Local mode finds Debian's Alertmanager in .tools (scripts/ci/unpack-sid-tools.sh) for the alerting walks.
[ -d .tools/sid/usr/bin ] && export PATH="$PWD/.tools/sid/usr/bin:$PATH"
run() { # WIDTH HEIGHT PRESENTER [baseline-only|alerting]
  xvfb-run -a -s "-screen 0 ${1}x${2}x24" java -cp "$CP" dev.mlobservatory.console.tour.ClassroomTour "$OUT" "$@"
}
run 1366 768 true
run 1440 900 false
run 1366 768 false baseline-only
run 1440 900 true baseline-only
run 1366 768 true alerting
run 1440 900 false alerting
ls -1 "$OUT"
