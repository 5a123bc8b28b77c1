#!/usr/bin/env bash
# Start-up: how long `java -jar api-server.jar` takes until it serves (models trained, /health answers 200),
# measured from the launch of the JVM, over N runs. The console's own start-up times (window shown, first
# server-side chart) are printed by console-bench.sh, which starts the real console.
#   scripts/bench/startup-bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
[[ -f api-server/target/api-server.jar ]] || { echo "building the jars…" >&2; ./mvnw -B -q -DskipTests package; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
echo
echo "| run | /health 200 after (ms, from launch) | API's own log: ready in (ms) |"
echo "|---:|---:|---:|"
for r in $(seq 1 "$runs"); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  log=$(mktemp)
  t0=$(date +%s%N)
  java -jar api-server/target/api-server.jar --port "$port" >"$log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.02; done
  t1=$(date +%s%N)
  self=$(grep -oE 'in [0-9]+ ms' "$log" | grep -oE '[0-9]+' || echo "?")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
  echo "| $r | $(( (t1 - t0) / 1000000 )) | $self |"
done
