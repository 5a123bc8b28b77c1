#!/usr/bin/env bash
# JMH benchmarks of the API server's own code (the `bench` module): one prediction with and without the metrics
# recording, single and batch of 100; the /metrics scrape after traffic; the drift index. Prints a Markdown
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
out=bench/target/jmh
mkdir -p "$out"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)" | tee "$out/machine.txt"
java -jar "$jar" "${opts[@]}" -rf json -rff "$out/result.json" "$@" >"$out/run.log" 2>&1 || {
  tail -40 "$out/run.log" >&2
  exit 1
}
java -cp "$jar" dev.mlobservatory.bench.ScrapeSize 2>/dev/null | grep '^scrape-size' >"$out/scrape-size.txt"

python3 - "$out/result.json" "$out/scrape-size.txt" <<'PY'
import json, sys

results = json.load(open(sys.argv[1]))
sizes = {}
for line in open(sys.argv[2]):
    fields = dict(kv.split("=") for kv in line.split()[1:])
    sizes[fields["format"]] = fields

def name(r):
    short = r["benchmark"].rsplit(".", 2)
    params = r.get("params") or {}
    return short[1] + "." + short[2] + "".join(f" [{v}]" for v in params.values())

print()
print("| benchmark | mode | score | ± error (99.9%) | unit |")
print("|---|---|---:|---:|---|")
score = {}
for r in results:
    m = dict(r["primaryMetric"])
    m["score"], m["scoreError"] = float(m["score"]), float(m["scoreError"])  # "NaN" when too few iterations
    score[name(r)] = (m["score"], m["scoreError"], m["scoreUnit"])
    digits = 0 if m["score"] >= 1000 else 1 if m["score"] >= 10 else 3
    print(f"| {name(r)} | {r['mode']} | {m['score']:,.{digits}f} | {m['scoreError']:,.{digits}f} | {m['scoreUnit']} |")

print()
print("| derived | value | goal | met |")
print("|---|---:|---|---|")
for v in ("v1", "v2"):
    for shape in ("single", "batch100"):
        plain = score.get(f"PredictBenchmark.{shape}Plain [{v}]")
        for kind, label in (("Recorded", "endpoint recording"), ("RecordedHttp", "endpoint + HTTP metric")):
            rec = score.get(f"PredictBenchmark.{shape}{kind} [{v}]")
            if plain and rec:
                cost = 100 * (1 - rec[0] / plain[0])
                # Both scores' errors, as a share of the plain throughput: the uncertainty of the difference.
                err = 100 * (plain[1] + rec[1]) / plain[0]
                print(f"| instrumentation cost, {shape} {v}, {label} | {cost:.1f}% (±{err:.1f}) | < 5% of throughput "
                      f"| {'yes' if cost < 5 else 'NO'} |")
for fmt in ("text", "openmetrics"):
    s = score.get(f"ScrapeBenchmark.scrape [{fmt}]")
    if s:
        ms = s[0] / 1000 if s[2] == "us/op" else s[0]
        size = sizes.get(fmt, {})
        print(f"| /metrics scrape, {fmt} ({size.get('bytes', '?')} bytes, {size.get('samples', '?')} samples) "
              f"| {ms:.3f} ms | < 5 ms | {'yes' if ms < 5 else 'NO'} |")
PY
echo
echo "raw results: $out/result.json, log: $out/run.log"
