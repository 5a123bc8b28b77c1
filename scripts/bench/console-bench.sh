#!/usr/bin/env bash
# Console cost: the real console in a real window (Xvfb), Local mode with the real prometheus, traffic at
# 200 req/s, the Live tab refreshing every 2 s, for N minutes. Every minute it reports the CPU of each part of the
# console's process, read per thread from /proc (the JavaFX and render threads, the console's executor, the
# in-process API, the traffic engine, GC and JIT), Prometheus's CPU, and the live heap after a full GC.
# Also the start-up times the console logs: window shown, first server-side chart data.
#   scripts/bench/console-bench.sh [minutes] [rate]
# Needs: xvfb (xvfb-run/Xvfb), prometheus, a JDK with jcmd. Debian: apt-get install xvfb libgtk-3-0 prometheus
set -euo pipefail
cd "$(dirname "$0")/../.."

minutes=${1:-10}
rate=${2:-200}
[[ -f desktop-app/target/observatory.jar ]] || { echo "building the jars…" >&2; ./mvnw -B -q -DskipTests package; }
command -v Xvfb >/dev/null || { echo "console-bench: Xvfb is missing (apt-get install xvfb libgtk-3-0)" >&2; exit 2; }
command -v prometheus >/dev/null || { echo "console-bench: prometheus is missing (apt-get install prometheus)" >&2; exit 2; }

home=$(mktemp -d /tmp/console-bench-XXXX)
log=$home/console.log
display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
DISPLAY=$display java -Dobservatory.home="$home" -jar desktop-app/target/observatory.jar --start --traffic "$rate" \
  >"$log" 2>&1 &
console=$!
cleanup() { kill "$console" 2>/dev/null; wait "$console" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 120); do grep -q "first server-side chart data" "$log" && break; sleep 1; done
window_ms=$(grep -oE 'window shown [0-9]+ ms' "$log" | grep -oE '[0-9]+' || echo "?")
chart_ms=$(grep -oE 'first server-side chart data [0-9]+ ms' "$log" | grep -oE '[0-9]+' || echo "?")
prom=$(pgrep -P "$console" -x prometheus || true)
hz=$(getconf CLK_TCK)

# CPU ticks per thread of the console ("tid group ticks"), and of the whole process and of prometheus.
ticks() {
  for t in /proc/"$console"/task/*; do
    comm=$(cat "$t/comm" 2>/dev/null) || continue
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    # after the ")" of the name: utime and stime are the 12th and 13th fields.
    set -- ${stat##*) }
    case "$comm" in
      "JavaFX Applicat"*|QuantumRendere*|InvokeLaterDisp*|Prism*) g=ui ;;
      console-*|prometheus-outp*|OkHttp*|Okio*) g=executor ;;
      XNIO-*|api-ops-*) g=api ;;
      traffic-*) g=traffic ;;
      "GC Thread"*|G1*|"VM Thread"|"VM Periodic"*) g=gc ;;
      C1*|C2*) g=jit ;;
      *) g=other ;;
    esac
    echo "${t##*/} $g $(( ${12} + ${13} ))"
  done
  stat=$(cat /proc/"$console"/stat); set -- ${stat##*) }; echo "0 process $(( ${12} + ${13} ))"
  if [[ -n "$prom" && -r /proc/$prom/stat ]]; then
    stat=$(cat /proc/"$prom"/stat); set -- ${stat##*) }; echo "1 prometheus $(( ${12} + ${13} ))"
  fi
}
# Ticks of group $1 between samples $2 (before) and $3 (after): per thread, a thread born since counts from 0.
# Threads that ended in between (idle HTTP threads retire after 30 s) lose their last interval, so the groups
# can add up to a little less than the process total, which is exact.
delta() {
  awk -v g="$1" 'NR==FNR { if ($2==g) b[$1]=$3; next } $2==g { d += $3 - ($1 in b ? b[$1] : 0) } END { print d+0 }' \
    <(echo "$2") <(echo "$3")
}
heap_mb() {
  jcmd "$console" GC.run >/dev/null 2>&1 || true
  sleep 2
  jcmd "$console" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' | awk '{printf "%.1f", $1/1024}'
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d); traffic $rate req/s; Local mode"
echo "start-up: window shown ${window_ms} ms, first server-side chart data ${chart_ms} ms after the JVM started"
echo
echo "| minute | console process % | UI (FX + render) % | console executor % | in-process API % | traffic engine % | GC % | JIT % | other % | prometheus % | live heap MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
groups=(ui executor api traffic gc jit other)
before=$(ticks); t0=$(date +%s.%N)
for m in $(seq 1 "$minutes"); do
  sleep 60
  after=$(ticks); t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  row="| $m"
  pct() { awk -v d="$1" -v s="$secs" -v hz="$hz" 'BEGIN {printf "%.1f", 100 * d / hz / s}'; }
  row+=" | $(pct "$(delta process "$before" "$after")")"
  for g in "${groups[@]}"; do
    row+=" | $(pct "$(delta "$g" "$before" "$after")")"
  done
  row+=" | $(pct "$(delta prometheus "$before" "$after")") | $(heap_mb) |"
  echo "$row"
  before=$after; t0=$t1
done
