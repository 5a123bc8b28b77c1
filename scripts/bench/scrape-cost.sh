#!/usr/bin/env bash
# Scrape cost as Prometheus itself measures it (issue 14): the real API on loopback with traffic, scraped every 5 s
# by a real Prometheus in three set-ups in turn, each for N scrapes:
#   3.5.3 with native histograms on (asks for protobuf: classic and native buckets), 3.5.3 with them off (asks for
#   OpenMetrics), and 2.42 (OpenMetrics, as before issue 14).
# Per set-up it reads Prometheus's own scrape_duration_seconds{job="api"} over the run (median with
# quantile_over_time, max with max_over_time), scrape_samples_scraped and scrape_body_size_bytes
# (--enable-feature=extra-scrape-metrics), and checks that the native histograms arrived. Prometheus stops that clock
# only after it has parsed the body and appended the samples to its TSDB, so two figures from the API's side sit
# beside it: the share of scrapes it answered within 5 ms (its HTTP histogram for /metrics) and the CPU its api-ops threads spent per
# scrape (they run the scrapes and nothing else here), which, unlike the times, does not grow when other processes
# take the cores. Prints Markdown tables: one row per round and set-up, then per set-up the median of the rounds'
# medians against the goal of 5 ms per scrape.
#   scripts/bench/scrape-cost.sh [scrapes-per-setup] [rounds]      # defaults 20 and 2: about 13 minutes
#   PROMETHEUS3=/path/to/prometheus PROMETHEUS2=/path/to/prometheus scripts/bench/scrape-cost.sh
# Before the rounds, the API serves 30 s of traffic under the latency fault issue 14 measured with (800 ms + 0-400 ms
# on both versions), so the duration histograms hold native buckets from microseconds to over a second, as after a
# classroom's fault demonstration; then the fault is cleared and 40 req/s of ordinary traffic run throughout.
# Everything shares this machine's cores: the busy column says how much of them all processes used meanwhile.
set -euo pipefail
cd "$(dirname "$0")/../.."

scrapes=${1:-20}
rounds=${2:-2}
interval=5
rate=40
prom3=${PROMETHEUS3:-.tools/sid/usr/bin/prometheus}
prom2=${PROMETHEUS2:-/usr/bin/prometheus}

for p in "$prom3" "$prom2"; do
  [[ -x $p ]] || { echo "no Prometheus at $p (3.5: scripts/ci/unpack-sid-tools.sh; 2.x: apt-get install prometheus)" >&2; exit 2; }
done
if [[ ! -f api-server/target/api-server.jar || ! -f desktop-app/target/observatory.jar ]]; then
  echo "building the jars…" >&2
  ./mvnw -B -q -DskipTests -pl api-server,desktop-app -am package
fi

work=$(mktemp -d /tmp/scrape-cost.XXXXXX)
api= prom= engine=
cleanup() {
  kill $engine $prom $api 2>/dev/null || true
  wait $engine $prom $api 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
api_port=$(free_port)
url="http://127.0.0.1:$api_port"
java -jar api-server/target/api-server.jar --port "$api_port" --enable-faults >"$work/api.log" 2>&1 &
api=$!
for _ in $(seq 1 100); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true) == 200 ]] && break
  sleep 0.1
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true) == 200 ]] \
  || { echo "the API did not answer /health with 200; its log:" >&2; cat "$work/api.log" >&2; exit 1; }

# traffic SECONDS: the project's traffic engine in the background (open model, default version mix, 2% bad bodies).
traffic() {
  java -jar desktop-app/target/observatory.jar traffic --url "$url" --rate "$rate" --duration "${1}s" \
       --error-ratio 0.02 --seed 1 >>"$work/traffic.log" 2>&1 &
  engine=$!
}
stop_traffic() { kill $engine 2>/dev/null || true; wait $engine 2>/dev/null || true; engine=; }
faults() {
  curl -sf -X PUT -H 'Content-Type: application/json' -d "$1" "$url/admin/faults" >/dev/null \
    || { echo "PUT /admin/faults $1 failed" >&2; exit 1; }
}

echo "spreading the native buckets: 30 s of traffic under 800 ms + 0-400 ms of injected latency…" >&2
faults '{"latency_ms":800,"latency_jitter_ms":400,"error_ratio":0}'
traffic 30
wait $engine || true; engine=
faults '{"latency_ms":0,"latency_jitter_ms":0,"error_ratio":0}'
# Every format the rounds ask for is served 300 times first, so the rounds measure a running API, not a cold one: an
# API in its first hours, though. HotSpot compiles most of the scrape path with C2 only after thousands of scrapes
# (on this machine the API's CPU per scrape fell from 2.4-4.8 ms over the first few hundred back-to-back scrapes to
# about 1 ms after 1,000 and 0.3-0.5 ms after 10,000), which at one scrape every 5-15 s takes a day or more.
for accept in 'application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited' \
              'application/openmetrics-text;version=1.0.0' 'text/plain;version=0.0.4'; do
  for _ in $(seq 1 300); do curl -sf -H "Accept: $accept" "$url/metrics" -o /dev/null; done
done

# CPU time (ns) of the API's api-ops threads, which run every scrape and, in these runs, nothing else (the traffic
# engine only predicts): the API's CPU per scrape, whatever share of a core the machine left it.
ops_cpu_ns() {
  local t total=0
  for t in /proc/$api/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == api-ops-* ]] && total=$((total + $(cut -d' ' -f1 "$t/schedstat")))
  done
  echo $total
}
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
tck=$(getconf CLK_TCK)
cores=$(nproc)

# query PROM_URL EXPR → the value of a one-element instant vector, or "-" when it is empty.
query() {
  curl -sf --get "$1/api/v1/query" --data-urlencode "query=$2" | python3 -c '
import json, sys
r = json.load(sys.stdin)["data"]["result"]
print(r[0]["value"][1] if r else "-")'
}

# measure NAME BINARY NATIVE(on|off) → one table row of round $round; appends "NAME NATIVE median-ms api-% cpu-ms"
# to $work/medians.
measure() {
  local name=$1 bin=$2 native=$3 port dir flags=(--enable-feature=extra-scrape-metrics) classic=
  port=$(free_port)
  dir="$work/prom-$port"
  mkdir -p "$dir"
  if [[ $native == on ]]; then
    flags=(--enable-feature=extra-scrape-metrics,native-histograms)
    classic='    always_scrape_classic_histograms: true'   # keeps the _bucket series the lab and alerts query
  fi
  cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: ${interval}s
  scrape_timeout: ${interval}s
scrape_configs:
  - job_name: api
$classic
    static_configs:
      - targets: ['127.0.0.1:$api_port']
EOF
  "$bin" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
         --web.listen-address="127.0.0.1:$port" "${flags[@]}" >"$dir/prometheus.log" 2>&1 &
  prom=$!
  local purl="http://127.0.0.1:$port" window=$((scrapes * interval + 60)) n=0 b0 b1 w0 w1 deadline
  for _ in $(seq 1 100); do curl -sf "$purl/-/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "$purl/-/ready" >/dev/null || { echo "$name did not get ready; its log:" >&2; cat "$dir/prometheus.log" >&2; exit 1; }
  traffic "$window"
  local c0 c1 n0
  b0=$(busy_ticks); w0=$(date +%s.%N); c0=$(ops_cpu_ns)
  n0=$(query "$purl" "count_over_time(scrape_duration_seconds{job=\"api\"}[1h])"); [[ $n0 == - ]] && n0=0
  deadline=$((SECONDS + window))
  while ((SECONDS < deadline)); do
    n=$(query "$purl" "count_over_time(scrape_duration_seconds{job=\"api\"}[1h])")
    [[ $n != - ]] && ((n >= scrapes)) && break
    sleep 1
  done
  b1=$(busy_ticks); w1=$(date +%s.%N); c1=$(ops_cpu_ns)
  stop_traffic
  [[ $n != - ]] && ((n >= scrapes)) || { echo "$name: only $n scrapes in ${window}s; its log:" >&2; tail -20 "$dir/prometheus.log" >&2; exit 1; }
  local range="[1h]" median max samples body up nat busy served cpu
  median=$(query "$purl" "quantile_over_time(0.5, scrape_duration_seconds{job=\"api\"}$range)")
  max=$(query "$purl" "max_over_time(scrape_duration_seconds{job=\"api\"}$range)")
  samples=$(query "$purl" "quantile_over_time(0.5, scrape_samples_scraped{job=\"api\"}$range)")
  body=$(query "$purl" "quantile_over_time(0.5, scrape_body_size_bytes{job=\"api\"}$range)")
  up=$(query "$purl" "min_over_time(up{job=\"api\"}$range)")
  # Native histogram series are stored under the bare name (no _bucket): present only if protobuf was served.
  nat=$(query "$purl" "count({job=\"api\",__name__=~\"ml_prediction_duration_seconds|ml_prediction_confidence|http_server_request_duration_seconds\"})")
  # The share of scrapes the API itself answered within 5 ms, from its HTTP histogram (handler entry to the last byte
  # sent; 5 ms is one of its bucket bounds, so the share is exact): the API's part of scrape_duration_seconds, which
  # also holds Prometheus's own parsing and appending. Each scrape is recorded before the next one reads it.
  local m='{job="api",route="/metrics",method="GET",status="200"}'
  served=$(query "$purl" "sum(increase(http_server_request_duration_seconds_bucket${m%\}},le=\"0.005\"}$range)) / sum(increase(http_server_request_duration_seconds_count$m$range))")
  cpu=$(awk -v c=$((c1 - c0)) -v n="$((n - n0))" 'BEGIN { printf "%.2f", (n > 0) ? c / n / 1e6 : 0 }')
  busy=$(awk -v b=$((b1 - b0)) -v t="$tck" -v c="$cores" -v a="$w0" -v z="$w1" 'BEGIN { printf "%.0f", 100 * b / t / (z - a) / c }')
  kill $prom; wait $prom 2>/dev/null || true; prom=
  awk -v r="$round" -v name="$name" -v nh="$native" -v n="$n" -v m="$median" -v x="$max" -v s="$samples" \
      -v b="$body" -v u="$up" -v nat="$nat" -v busy="$busy" -v api="$served" -v cpu="$cpu" 'BEGIN {
    printf "| %d | %s | %s | %d | %s | %.2f | %.2f | %s | %s | %s | %s | %s | %s%% |\n", r, name, nh, n, (nat == "-" ? 0 : nat),
      1000 * m, 1000 * x, (api == "-" ? "-" : sprintf("%.0f%%", 100 * api)), cpu, (s == "-" ? "-" : sprintf("%.0f", s)),
      (b == "-" ? "-" : sprintf("%.0f", b)), (u == "1" ? "yes" : "NO"), busy }'
  awk -v name="$name" -v nh="$native" -v m="$median" -v api="$served" -v cpu="$cpu" \
      'BEGIN { printf "%s %s %.3f %.3f %s\n", name, nh, 1000 * m, (api == "-" ? -1 : 100 * api), cpu }' >>"$work/medians"
}

echo "machine: $cores cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
version_of() { "$1" --version 2>&1 | head -1 | awk '{print $3}' | sed 's/+.*//'; }
v3=$(version_of "$prom3") v2=$(version_of "$prom2")
[[ $v3 == 3.* ]] || { echo "$prom3 is Prometheus $v3; native histograms on needs 3.x here" >&2; exit 2; }
echo "Prometheus: $v3 ($prom3) and $v2 ($prom2); scrape every ${interval}s, $scrapes scrapes per set-up, $rounds rounds, traffic $rate req/s"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| round | Prometheus | native histograms | scrapes | native histogram series stored | scrape_duration median ms | max ms | API answered within 5 ms | API CPU per scrape ms | samples scraped | body bytes | up throughout | machine busy (all cores) |"
echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"
setups=("$v3 on $prom3" "$v3 off $prom3" "$v2 off $prom2")
for round in $(seq 1 "$rounds"); do
  # Every other round runs the set-ups in reverse, so a load that drifts over the run favours none of them.
  order=(0 1 2); ((round % 2 == 0)) && order=(2 1 0)
  for i in "${order[@]}"; do
    read -r version native bin <<<"${setups[$i]}"
    measure "$version" "$bin" "$native"
  done
done
echo
echo "| Prometheus | native histograms | scrape_duration: the rounds' medians, ms | median of them | API answered within 5 ms (median of rounds) | API CPU per scrape (median of rounds) | goal ≤ 5 ms per scrape |"
echo "|---|---|---|---:|---:|---:|---|"
python3 - "$work/medians" <<'PY'
import statistics, sys
by = {}
for line in open(sys.argv[1]):
    version, native, ms, api, cpu = line.split()
    by.setdefault((version, native), []).append((float(ms), float(api), float(cpu)))
for (version, native), rows in by.items():
    m = statistics.median(r[0] for r in rows)
    api = statistics.median(r[1] for r in rows)
    cpu = statistics.median(r[2] for r in rows)
    print(f"| {version} | {native} | {', '.join(f'{r[0]:.2f}' for r in rows)} | {m:.2f} ms | {api:.0f}% | {cpu:.2f} ms "
          f"| {'met' if m <= 5 else 'NOT met'} |")
PY
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
