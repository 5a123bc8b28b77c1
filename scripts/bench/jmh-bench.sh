#!/usr/bin/env bash
# JMH benchmarks of the API server's own code (the `bench` module): one prediction with and without the metrics
# recording, single and batch of 100; the /metrics scrape after traffic in text, OpenMetrics and protobuf (what
# Prometheus 3 asks for with native histograms on); the drift index. Prints a Markdown
# table, then the derived figures against the goals of issue 7 (instrumentation < 5% of throughput, scrape < 5 ms).
#   scripts/bench/jmh-bench.sh                      # everything, about 6 minutes
#   scripts/bench/jmh-bench.sh Scrape -prof gc      # a subset (JMH regexes) and extra JMH options
#   JMH_OPTS='-f 3 -wi 5 -i 10' scripts/bench/jmh-bench.sh   # other run settings
# The default settings suit a 2-core machine: one fork, one thread, 3 × 2 s warm-up, 5 × 2 s measured.
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=bench/target/benchmarks.jar
# Build when the jar is missing or older than the code it measures.
if [[ ! -f $jar || -n "$(find api-server/src/main bench/src bench/pom.xml api-server/pom.xml -newer "$jar" -print -quit)" ]]; then
  echo "building $jar…" >&2
  ./mvnw -B -q -DskipTests -pl bench -am package
fi

read -r -a opts <<<"${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s -t 1}"
# CPU time per op beside the wall-clock score (robust to other work on the same cores), and bytes allocated per op.
profilers=(-prof dev.mlobservatory.bench.CpuTimeProfiler -prof gc)
out=bench/target/jmh
mkdir -p "$out"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)" | tee "$out/machine.txt"
java -jar "$jar" "${opts[@]}" "${profilers[@]}" -rf json -rff "$out/result.json" "$@" >"$out/run.log" 2>&1 || {
  tail -40 "$out/run.log" >&2
  exit 1
}
java -cp "$jar" dev.mlobservatory.bench.ScrapeSize 2>/dev/null | grep -E '^(scrape-size|native-buckets)' >"$out/scrape-size.txt"

python3 - "$out/result.json" "$out/scrape-size.txt" <<'PY'
import json, math, sys

results = json.load(open(sys.argv[1]))
sizes, native = {}, {}
for line in open(sys.argv[2]):
    fields = dict(kv.split("=") for kv in line.split()[1:])
    if line.startswith("scrape-size"):
        sizes[fields["format"]] = fields
    else:
        native[fields["family"]] = fields

def num(x):
    return float(x)  # JMH writes "NaN" as a string when there are too few iterations

def fmt(x, unit=""):
    if math.isnan(x):
        return "n/a"
    digits = 0 if abs(x) >= 1000 else 1 if abs(x) >= 10 else 2 if abs(x) >= 1 else 3
    return f"{x:,.{digits}f}{unit}"

def name(r):
    short = r["benchmark"].rsplit(".", 2)
    params = r.get("params") or {}
    return short[1] + "." + short[2] + "".join(f" [{v}]" for v in params.values())

rows = {}
for r in results:
    m, sec = r["primaryMetric"], r.get("secondaryMetrics", {})
    get = lambda k: num(sec[k]["score"]) if k in sec else float("nan")
    rows[name(r)] = dict(score=num(m["score"]), error=num(m["scoreError"]), unit=m["scoreUnit"], mode=r["mode"],
                         thread=get("cpu.thread.norm"), process=get("cpu.process.norm"), share=get("cpu.share"),
                         alloc=get("gc.alloc.rate.norm"))

print()
print("| benchmark | score ± error (99.9%) | unit | CPU/op, benchmark thread | CPU/op, whole JVM | allocated/op | share of a core |")
print("|---|---:|---|---:|---:|---:|---:|")
for n, x in rows.items():
    print(f"| {n} | {fmt(x['score'])} ± {fmt(x['error'])} | {x['unit']} | {fmt(x['thread'], ' ns')} "
          f"| {fmt(x['process'], ' ns')} | {fmt(x['alloc'], ' B')} | {fmt(x['share'], '%')} |")

print()
print("Instrumentation cost: the share of throughput lost to recording, 1 − recorded/plain, from the wall-clock")
print("score and from the CPU time per operation (1 − CPU plain / CPU recorded). Goal: under 5%.")
print()
print("| prediction | recording | wall-clock | CPU, benchmark thread | CPU, whole JVM | goal met (CPU, whole JVM) |")
print("|---|---|---:|---:|---:|---|")
for v in ("v1", "v2"):
    for shape in ("single", "batch100"):
        plain = rows.get(f"PredictBenchmark.{shape}Plain [{v}]")
        for kind, label in (("Recorded", "endpoint (PredictEndpoint)"), ("RecordedHttp", "endpoint + HTTP metric")):
            rec = rows.get(f"PredictBenchmark.{shape}{kind} [{v}]")
            if plain and rec:
                wall = 100 * (1 - rec["score"] / plain["score"])
                thread = 100 * (1 - plain["thread"] / rec["thread"])
                process = 100 * (1 - plain["process"] / rec["process"])
                met = "n/a" if math.isnan(process) else "yes" if process < 5 else "NO"
                print(f"| {shape} {v} | {label} | {fmt(wall, '%')} | {fmt(thread, '%')} | {fmt(process, '%')} | {met} |")

print()
print("| /metrics scrape | body | samples | native buckets per series: median / max (series) | wall-clock | CPU, scraping thread | CPU, whole JVM | goal < 5 ms met (wall-clock) |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for f in ("text", "openmetrics", "protobuf"):
    x = rows.get(f"ScrapeBenchmark.scrape [{f}]")
    if x:
        to_ms = {"us/op": 1e-3, "ms/op": 1.0, "ns/op": 1e-6}[x["unit"]]
        wall = x["score"] * to_ms
        size = sizes.get(f, {})
        buckets = (f"{size['native_buckets_median']} / {size['native_buckets_max']} ({size['native_series']})"
                   if "native_series" in size else "—")
        print(f"| {f} | {int(size.get('bytes', 0)):,} B | {size.get('samples', '—')} | {buckets} | {wall:.3f} ms "
              f"| {x['thread'] / 1e6:.3f} ms | {x['process'] / 1e6:.3f} ms | {'yes' if wall < 5 else 'NO'} |")

if native:
    print()
    print("Native buckets in the protobuf body, per histogram series: encoded (what Prometheus stores, short gaps")
    print("bridged by empty buckets) and populated (holding observations).")
    print()
    print("| histogram | series | encoded: min / median / max | populated: min / median / max |")
    print("|---|---:|---:|---:|")
    for name, n in native.items():
        print(f"| {name} | {n['native_series']} | {n['native_buckets_min']} / {n['native_buckets_median']} / "
              f"{n['native_buckets_max']} | {n['populated_min']} / {n['populated_median']} / {n['populated_max']} |")
PY
echo
echo "raw results: $out/result.json, log: $out/run.log"
