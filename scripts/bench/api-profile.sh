#!/usr/bin/env bash
# Where the API spends its CPU under wrk load (issue 7): a JFR recording of GET /health and of POST /v1/predict
# (one flower, the 150 Iris flowers rotated), each under wrk -t2 -c64, with Java samples every 1 ms. Prints, per
# endpoint, wrk's req/s, the API's CPU per request, the share of execution samples per part of the request path,
# and the most contended monitors. The recordings stay in the directory printed at the end, for `jfr print`.
#   scripts/bench/api-profile.sh [seconds-per-recording]
set -euo pipefail
cd "$(dirname "$0")/../.."

secs=${1:-25}
command -v wrk >/dev/null || { echo "wrk is not installed (Debian/Ubuntu: sudo apt-get install wrk)" >&2; exit 2; }
[[ -f api-server/target/api-server.jar ]] || { echo "building the jars…" >&2; ./mvnw -B -q -DskipTests package; }

out=$(mktemp -d /tmp/api-profile.XXXXXX)
# Java samples every 1 ms (the profile preset takes one every 10 ms): enough samples in one short recording.
python3 - "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" "$out/fast.jfc" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r'(<event name="jdk.ExecutionSample">.*?<setting name="period"[^>]*>)[^<]*(</setting>)', r'\g<1>1 ms\2', s, flags=re.S)
open(sys.argv[2], "w").write(s)
PY
python3 - "$out" api-server/src/main/resources/data/iris.csv <<'PY'
import csv, json, sys
out, path = sys.argv[1], sys.argv[2]
keys = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
bodies = [json.dumps({k: float(r[k]) for k in keys}, separators=(",", ":")) for r in csv.DictReader(open(path))]
rotate = """local requests, i = {}, 0
function init(args) for k, b in ipairs(bodies) do requests[k] = wrk.format(method, path, headers(b), b) end end
function request() i = i % #requests + 1; return requests[i] end
"""
with open(f"{out}/single.lua", "w") as f:
    f.write('local method, path = "POST", "/v1/predict"\nlocal function headers(b) return {["Content-Type"] = "application/json"} end\n')
    f.write("local bodies = {" + ",".join(f"[==[{b}]==]" for b in bodies) + "}\n" + rotate)
with open(f"{out}/health.lua", "w") as f:
    f.write('local req\nfunction init(args) req = wrk.format("GET", "/health", {}, nil) end\nfunction request() return req end\n')
PY

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
java -jar api-server/target/api-server.jar --port "$port" >"$out/api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$url/health" >/dev/null && break; sleep 0.1; done
for s in single health single; do wrk -t2 -c64 -d10s -s "$out/$s.lua" "$url" >/dev/null; done   # JIT warm-up

tck=$(getconf CLK_TCK)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for s in health single; do
  (sleep 2; jcmd $api JFR.start name="$s" settings="$out/fast.jfc" duration="${secs}s" filename="$out/$s.jfr" >/dev/null) &
  recorder=$!
  c0=$(awk '{print $14 + $15}' "/proc/$api/stat")
  wrk -t2 -c64 -d"$((secs + 4))s" -s "$out/$s.lua" "$url" >"$out/$s.wrk"
  c1=$(awk '{print $14 + $15}' "/proc/$api/stat")
  wait $recorder
  for _ in $(seq 1 100); do jcmd $api JFR.check name="$s" 2>&1 | grep -q 'No recording' && break; sleep 0.1; done
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out/$s.wrk")
  echo
  awk -v s="$s" -v r="$rps" -v c=$((c1 - c0)) -v t="$tck" -v d=$((secs + 4)) 'BEGIN {
    printf "### %s: %.0f req/s, API CPU %.0f%% of one core, %.1f µs of API CPU per request\n", s, r, 100 * c / t / d, 1e6 * c / t / (r * d) }'
  python3 - "$out/$s.jfr" <<'PY'
import collections, json, subprocess, sys
f = sys.argv[1]
def events(kind):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", kind, f],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]
def frames(e):
    st = e["values"].get("stackTrace")
    return [x["method"]["type"]["name"] + "." + x["method"]["name"] for x in (st["frames"] if st else [])]
# A sample belongs to the innermost frame that names a part of the request path.
parts = [("org/tribuo", "Tribuo model.predict"),
         ("io/prometheus", "metrics (Prometheus client, ApiMetrics)"), ("ApiMetrics", "metrics (Prometheus client, ApiMetrics)"),
         ("DriftMonitor", "drift ring (DriftMonitor.observe)"),
         ("PredictRequest.parse", "JSON parse + validation (PredictRequest.parse)"),
         ("ObjectMapper.writeValueAsBytes", "JSON write (Jackson)"),
         ("RequestBody.read", "request body read (RequestBody.read, Undertow blocking stream)"),
         ("TrainedModel.predict", "TrainedModel glue (ArrayExample, probabilities map)"),
         ("Json.send", "response send (Undertow blocking sender)"),
         ("HostHeaderHandler", "Host header check (Undertow regex)")]
count, n = collections.Counter(), 0
for e in events("jdk.ExecutionSample"):
    thread = ((e["values"].get("sampledThread") or {}).get("javaName") or "")
    part = next((label for name in frames(e) for p, label in parts if p in name), None)
    if part is None:
        part = ("Undertow I/O thread: parse, dispatch, write, epoll" if "I/O" in thread else
                "worker thread: dispatch, exchange completion" if "task" in thread else "other threads (JFR, JVM, scrape, …)")
    count[part] += 1; n += 1
print(f"\n| part of the request path | share of {n} samples |\n|---|---:|")
for k, v in count.most_common():
    print(f"| {k} | {100 * v / n:.1f}% |")
monitors, total = collections.Counter(), 0
for e in events("jdk.JavaMonitorEnter"):
    fr = [x.split("/")[-1] for x in frames(e)]
    cls = (e["values"].get("monitorClass") or {}).get("name", "?").split("/")[-1]
    monitors[f"{cls} in {' < '.join(fr[:3])}"] += 1; total += 1
print(f"\ncontended monitors (JFR JavaMonitorEnter, blocked ≥ 10 ms): {total}")
for k, v in monitors.most_common(4):
    print(f"  {v:5d}  {k}")
PY
done
echo
echo "recordings: $out/health.jfr $out/single.jfr"
