#!/usr/bin/env bash
# Traffic engine benchmark: for target rates from 10 to 5,000 req/s against the local API, report the achieved
# rate, the client-side percentiles (from intended start) and the engine's own CPU. Prints a Markdown table.
#   scripts/bench/traffic-bench.sh [seconds-per-rate] [rates...]
# Both JVMs run on this machine, so at high rates the API and the engine compete for the same cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

secs=${1:-15}
shift || true
rates=("$@")
((${#rates[@]})) || rates=(10 50 100 500 1000 2000 5000)

if [[ ! -f api-server/target/api-server.jar || ! -f desktop-app/target/observatory.jar ]]; then
  echo "building the jars…" >&2
  ./mvnw -B -q -DskipTests package
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar api-server/target/api-server.jar --port "$port" >/tmp/traffic-bench-api.log 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
echo
echo "| target req/s | achieved req/s | deviation | p50 ms | p95 ms | p99 ms | max ms | dropped | engine CPU (% of one core) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for rate in "${rates[@]}"; do
  out=$(java -jar desktop-app/target/observatory.jar traffic --url "http://127.0.0.1:$port" --rate "$rate" \
        --duration "${secs}s" --warmup 5s --seed 1)
  summary=$(grep '^summary:' <<<"$out")
  latency=$(grep '^latency from intended start:' <<<"$out")
  cpu=$(grep '^engine CPU:' <<<"$out" | grep -oE '[0-9.]+%' | tr -d '%')
  achieved=$(grep -oE '\(([0-9.]+)/s achieved\)' <<<"$summary" | grep -oE '[0-9.]+')
  dropped=$(grep -oE '[0-9]+ dropped' <<<"$summary" | grep -oE '[0-9]+')
  read -r p50 p95 p99 max < <(grep -oE '(p50|p95|p99|max) [0-9.]+' <<<"$latency" | awk '{printf "%s ", $2} END {print ""}')
  dev=$(awk -v a="$achieved" -v t="$rate" 'BEGIN { printf "%+.2f%%", 100 * (a - t) / t }')
  echo "| $rate | $achieved | $dev | $p50 | $p95 | $p99 | $max | $dropped | $cpu |"
done
