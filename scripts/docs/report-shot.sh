#!/usr/bin/env bash
# Export report, walked in a real window under Xvfb: the console starts the stack with traffic, a query runs on
# the PromQL tab, Ctrl+E writes the report (notes typed in its dialog; the folder chooser is replaced by
# -Dobservatory.report.dir), and headless Chromium photographs the generated index.html.
# Needs xvfb-run, xdotool, imagemagick, prometheus and Debian's chromium (apt-get install -y chromium).
# Usage: scripts/docs/report-shot.sh [OUT_DIR]   (default /tmp/report-shots; the report folder goes inside it)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-/tmp/report-shots}
HOME_DIR=$(mktemp -d /tmp/report-home.XXXXXX)
mkdir -p "$OUT/reports"
[ -f desktop-app/target/observatory.jar ] || ./mvnw -B -o -q -ntp -DskipTests -pl desktop-app -am package
command -v chromium >/dev/null || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }

# Where the PromQL editor is in a 1440×900 window (override when the layout changes).
QX=${QX:-700}
QY=${QY:-160}
FX=${FX:-20}
FY=${FY:-482}
cat > "$HOME_DIR/walk.sh" <<WALK
set -euo pipefail
java -Dobservatory.home="$HOME_DIR" -Dobservatory.report.dir="$OUT/reports" -Duser.home="$HOME_DIR" \
  -jar desktop-app/target/observatory.jar --start --traffic 20 > "$HOME_DIR/console.log" 2>&1 &
PID=\$!
trap 'kill \$PID 2>/dev/null || true; wait \$PID 2>/dev/null || true' EXIT
WIN=\$(xdotool search --sync --name "ML Observatory" | head -1)
xdotool windowsize \$WIN 1440 900; xdotool windowmove \$WIN 0 0
sleep 45   # the stack starts and Prometheus scrapes a few times: the charts need data to show
# Classroom chaos: 20 % failures on both versions (the Failures slider, 10 % per arrow key).
xdotool mousemove $FX $FY click 1; sleep 0.5
for i in \$(seq 1 2); do xdotool key Right; done
sleep 15
xdotool key --window \$WIN ctrl+3; sleep 2   # PromQL (Ctrl+2 is the Lab tab)
import -window root "$OUT/promql-before.png"
xdotool mousemove $QX $QY click 1; sleep 1
xdotool key ctrl+a; xdotool type --delay 20 'sum by (model_version) (rate(ml_predictions_total[1m]))'
xdotool key ctrl+Return; sleep 4
xdotool key --window \$WIN ctrl+e; sleep 3
xdotool type --delay 10 'I tracked the request rate, errors and p95 latency per model version, because'
xdotool type --delay 10 ' a slow or failing model shows there first.'
import -window root "$OUT/dialog.png"
xdotool key ctrl+Return
for i in \$(seq 1 60); do ls "$OUT"/reports/ml-observatory-report-*/index.html >/dev/null 2>&1 && break; sleep 1; done
sleep 1
import -window root "$OUT/console-after-export.png"
WALK
xvfb-run -a -s '-screen 0 1440x900x24' bash "$HOME_DIR/walk.sh"
REPORT=$(ls -d "$OUT"/reports/ml-observatory-report-* | tail -1)
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$OUT/report.png" \
  --window-size=1280,2400 "file://$REPORT/index.html" 2>/dev/null
echo "report: $REPORT/index.html"
echo "screenshot: $OUT/report.png"
