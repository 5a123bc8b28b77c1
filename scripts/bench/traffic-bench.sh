#!/usr/bin/env bash
# Traffic engine benchmark: for target rates from 10 to 5,000 req/s against the local API, report the achieved
# rate, the client-side percentiles (from intended start) and the engine's own CPU. Prints a Markdown table.
#   scripts/bench/traffic-bench.sh [seconds-per-rate] [rates...]
#   scripts/bench/traffic-bench.sh --exporter [seconds] [repeats] [rate]
# The second form measures what the engine's own metrics cost: runs at 5,000 req/s (default) alternately
# without metrics and with --metrics-port (recording into loadgen_* and serving them, scraped once a second by
# curl as a 1 s Prometheus would), and reports the engine JVM's CPU for each.
# Both JVMs run on this machine, so at high rates the API and the engine compete for the same cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

exporter=0
if [[ ${1:-} == --exporter ]]; then exporter=1; shift; fi
secs=${1:-15}
shift || true
rates=("$@")
((${#rates[@]} || exporter)) || rates=(10 50 100 500 1000 2000 5000)

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

if ((exporter)); then
  repeats=${rates[0]:-2}
  rate=${rates[1]:-5000}
  # One run: prints "achieved cpu p99 dropped" from the summary JSON.
  one() {
    local json; json=$(mktemp /tmp/traffic-bench-XXXXXX.json)
    java -jar desktop-app/target/observatory.jar traffic --url "http://127.0.0.1:$port" --rate "$rate" \
      --duration "${secs}s" --warmup 5s --seed 1 --summary-json "$json" "$@" >/tmp/traffic-bench-run.log
    python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["achieved_rate"], s["engine_cpu_percent"], s["latency_ms"]["p99"], s["outcomes"]["dropped"])' "$json"
    rm -f "$json"
  }
  echo "| run | metrics | achieved req/s | engine CPU (% of one core) | p99 ms | dropped |"
  echo "|---:|---|---:|---:|---:|---:|"
  for i in $(seq 1 "$repeats"); do
    read -r a c p d < <(one)
    echo "| $i | off | $a | $c | $p | $d |"
    mport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    ( while sleep 1; do curl -sf -o /dev/null "http://127.0.0.1:$mport/metrics" || true; done ) &
    scraper=$!
    read -r a c p d < <(one --metrics-port "$mport")
    kill $scraper 2>/dev/null; wait $scraper 2>/dev/null || true
    echo "| $i | on, scraped every 1 s | $a | $c | $p | $d |"
  done
  exit 0
fi
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
