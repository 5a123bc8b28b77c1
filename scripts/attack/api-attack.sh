#!/usr/bin/env bash
# Attack script (issue 10): slow, broken and many clients against the real api-server.jar, with raw sockets.
# Starts the jar on a free port with --enable-faults (as the console runs it) and a file-descriptor limit of 1024
# (a common default), runs each case, and prints a Markdown table: case, what happened, figures.
#   scripts/attack/api-attack.sh                  # the jar of this checkout (built if missing)
#   JAR=/path/to/other/api-server.jar scripts/attack/api-attack.sh   # e.g. the jar built from main, for a before/after
# Extra arguments are passed to the server (e.g. --body-timeout 5s). Takes about 2-4 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=${JAR:-api-server/target/api-server.jar}
if [[ ! -f $jar ]]; then
  echo "building $jar…" >&2
  ./mvnw -B -q -DskipTests package -pl api-server -am
fi
work=$(mktemp -d /tmp/api-attack.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# A subshell with its own descriptor limit, then exec: $! is the java process itself.
( ulimit -n 1024; exec java -jar "$jar" --port "$port" --enable-faults "$@" >"$work/api.log" 2>&1 ) &
api=$!
trap 'kill -9 $api 2>/dev/null; wait $api 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 200); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true) == 200 ]] && break
  sleep 0.1
done
echo "jar: $jar ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, server descriptor limit 1024)"
echo
python3 - "$port" "$api" <<'PY'
import os, re, socket, statistics, sys, threading, time
from concurrent.futures import ThreadPoolExecutor

PORT, PID = int(sys.argv[1]), int(sys.argv[2])
FLOWER = b'{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}'
rows = []

def rss_mib():
    for line in open(f"/proc/{PID}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return -1

def fds():
    try:
        return len(os.listdir(f"/proc/{PID}/fd"))
    except OSError:
        return -1

def connect(timeout=10):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s

def status_of(data):
    m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return int(m.group(1)) if m else None

def request(raw, timeout=10):
    """One request on a new connection: (status or None, elapsed s, response bytes)."""
    t0 = time.monotonic()
    try:
        s = connect(timeout)
        s.sendall(raw)
        data = b""
        while True:
            head_end = data.find(b"\r\n\r\n")
            if head_end >= 0:
                m = re.search(rb"(?i)content-length: *(\d+)", data[:head_end])
                if m is None or b"HEAD " == raw[:5] or len(data) >= head_end + 4 + int(m.group(1)):
                    break
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        return status_of(data), time.monotonic() - t0, data
    except OSError:
        return None, time.monotonic() - t0, b""

def get(path, timeout=10, method="GET"):
    return request(f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode(), timeout)

def http_count(method, route, status):
    _, _, data = get("/metrics")
    m = re.search(rf'http_server_request_duration_seconds_count{{method="{method}",route="{re.escape(route)}",status="{status}"}} (\S+)'.encode(), data)
    return int(float(m.group(1))) if m else 0

def await_close(sock, deadline):
    """Reads until the server closes or the deadline: (closed, seconds, first status)."""
    t0, data = time.monotonic(), b""
    while True:
        left = deadline - (time.monotonic() - t0)
        if left <= 0:
            return False, time.monotonic() - t0, status_of(data)
        sock.settimeout(left)
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            return False, time.monotonic() - t0, status_of(data)
        except OSError:
            return True, time.monotonic() - t0, status_of(data)
        if not chunk:
            return True, time.monotonic() - t0, status_of(data)
        data += chunk

def watch(socks, deadline):
    """Waits for every socket to be closed by the server, in parallel: list of (closed, seconds, status)."""
    with ThreadPoolExecutor(min(len(socks), 200)) as pool:
        return list(pool.map(lambda s: await_close(s, deadline), socks))

def summary(results):
    closed = [r for r in results if r[0]]
    statuses = {}
    for r in results:
        key = str(r[2]) if r[0] else "still open"
        statuses[key] = statuses.get(key, 0) + 1
    st = ", ".join(f"{n}× {k}" for k, n in sorted(statuses.items()))
    if not closed:
        return f"none cut off; {st}"
    times = sorted(r[1] for r in closed)
    return f"{len(closed)}/{len(results)} cut off, after {times[len(times) // 2]:.1f} s (median), {times[-1]:.1f} s (max); statuses: {st}"

def stalled_bodies(n, method, path):
    socks = []
    for _ in range(n):
        s = connect()
        s.sendall(f"{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(FLOWER)}\r\n\r\n".encode() + FLOWER[:30])
        socks.append(s)
    return socks

def closeall(socks):
    for s in socks:
        try:
            s.close()
        except OSError:
            pass

def healthy(timeout=60):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if get("/health", 2)[0] == 200:
            return True
        time.sleep(0.2)
    return False

def row(case, happened, figures):
    rows.append((case, happened, figures))
    print(f"done: {case}", file=sys.stderr)

def fmt(result):
    st, el, _ = result
    return f"{st if st else 'no answer'} in {el:.2f} s"

# --- HEAD, /%zz, malformed chunked ------------------------------------------------------------------------------
h = get("/health", method="HEAD")
row("HEAD /health", "answered" if h[0] == 200 else "refused", f"status {h[0]}")

before = http_count("other", "unmatched", 400) + http_count("GET", "unmatched", 400)
st, _, data = get("/%zz")
after = http_count("other", "unmatched", 400) + http_count("GET", "unmatched", 400)
row("GET /%zz (protocol-level 400)", "JSON error body" if b'"error"' in data else "bare response, no JSON body",
    f"status {st}; counted in http_server_request_duration_seconds: {'yes' if after > before else 'no'}")

b200, b400 = http_count("POST", "/v1/predict", 200), http_count("POST", "/v1/predict", 400)
s = connect()
s.sendall(b"POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
closed, el, st = await_close(s, 10)
time.sleep(0.5)  # let the exchange-complete listener record it before the scrape
d200, d400 = http_count("POST", "/v1/predict", 200) - b200, http_count("POST", "/v1/predict", 400) - b400
row("malformed chunked body", ("no response" if st is None else f"answered {st}") + (", connection closed" if closed else ""),
    f"recorded as status=\"200\": {d200}, status=\"400\": {d400}")

# --- stalled bodies (80 > 64 workers) ---------------------------------------------------------------------------
socks = stalled_bodies(80, "POST", "/v1/predict")
time.sleep(0.5)
p = request(b"POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
            + str(len(FLOWER)).encode() + b"\r\n\r\n" + FLOWER, 10)
hl = get("/health", 10)
res = watch(socks, 30)
closeall(socks)
row("80 stalled POST /v1/predict bodies", f"/v1/predict meanwhile: {fmt(p)}; /health: {fmt(hl)}", summary(res)
    + f"; counted 408: {http_count('POST', '/v1/predict', 408)}")
healthy()

# --- stalled admin bodies (--enable-faults) ---------------------------------------------------------------------
socks = stalled_bodies(4, "PUT", "/admin/faults")
time.sleep(0.5)
hl, mt = get("/health", 10), get("/metrics", 10)
res = watch(socks, 30)
closeall(socks)
row("4 stalled PUT /admin/faults bodies", f"/health: {fmt(hl)}; /metrics: {fmt(mt)}", summary(res))
healthy()

# --- stalled heads ----------------------------------------------------------------------------------------------
f0 = fds()
socks = []
for _ in range(300):
    s = connect()
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Half: ")
    socks.append(s)
time.sleep(0.5)
f1 = fds()
res = watch(socks, 30)
f2 = fds()
closeall(socks)
row("300 heads that stop half-way", summary(res), f"server descriptors: {f0} before, {f1} with them open, {f2} 30 s later or when all were closed")
healthy()

# --- oversized heads: 500 × ~1 MB, never finished ---------------------------------------------------------------
r0 = rss_mib()
socks, outcome = [], {"accepted fully": 0, "cut off early": 0}
lock = threading.Lock()
chunk = b"a" * 65536
def big(_):
    s = connect(30)
    sent = 0
    try:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ")
        while sent < 1_000_000:
            s.sendall(chunk[: min(65536, 1_000_000 - sent)])
            sent += min(65536, 1_000_000 - sent)
        key = "accepted fully"
    except OSError:
        key = "cut off early"
    with lock:
        outcome[key] += 1
        socks.append(s)
t0 = time.monotonic()
with ThreadPoolExecutor(32) as pool:
    list(pool.map(big, range(500)))
time.sleep(1)
r1 = rss_mib()
res = watch(socks, 15)
closeall(socks)
healthy()
row("500 heads of 1 MB, never finished", f"{outcome['accepted fully']} sent in full, {outcome['cut off early']} cut off while sending; "
    + summary(res), f"RSS {r0} MiB before, {r1} MiB with them open ({time.monotonic() - t0:.0f} s)")

# --- scrape flood -----------------------------------------------------------------------------------------------
stop = time.monotonic() + 5
flood = {}
def scraper(_):
    s = None
    n = 0
    while time.monotonic() < stop:
        try:
            if s is None:
                s = connect()
            s.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
            data = b""
            while True:
                he = data.find(b"\r\n\r\n")
                if he >= 0:
                    m = re.search(rb"(?i)content-length: *(\d+)", data[:he])
                    if len(data) >= he + 4 + (int(m.group(1)) if m else 0):
                        break
                c = s.recv(262144)
                if not c:
                    raise OSError("closed")
                data += c
            st = status_of(data)
            if b"connection: close" in data[:he].lower():
                s.close(); s = None
        except OSError:
            st = "error"; s = None
        with lock:
            flood[st] = flood.get(st, 0) + 1
prom = []
def prometheus():
    while time.monotonic() < stop:
        prom.append(get("/metrics", 10))
        time.sleep(0.5)
with ThreadPoolExecutor(201) as pool:
    futures = [pool.submit(scraper, i) for i in range(200)] + [pool.submit(prometheus)]
    for f in futures:
        f.result()
ps = {}
for st, _, _ in prom:
    ps[st] = ps.get(st, 0) + 1
row("200 clients scraping /metrics for 5 s", ", ".join(f"{n}× {k}" for k, n in sorted(flood.items(), key=str)),
    "a Prometheus-like scrape every 0.5 s meanwhile: " + ", ".join(f"{n}× {k}" for k, n in sorted(ps.items(), key=str))
    + f"; slowest {max(e for _, e, _ in prom):.2f} s")
healthy()

# --- connections up to the descriptor limit ---------------------------------------------------------------------
f0 = fds()
socks, refused, errors = [], 0, 0
for _ in range(1100):
    try:
        s = connect(5)
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Half: ")
        socks.append(s)
    except OSError:
        errors += 1
time.sleep(1)
f1 = fds()
early = 0
for s in socks:   # connections the server answered at once (refused with 503) have data waiting
    s.settimeout(0.001)
    try:
        d = s.recv(4096)
        if d.startswith(b"HTTP/1.1 503"):
            refused += 1
    except OSError:
        pass
hl = get("/health", 5)
t0 = time.monotonic()
recovered = None
while time.monotonic() - t0 < 30:
    if get("/health", 2)[0] == 200:
        recovered = time.monotonic() - t0
        break
closeall(socks)
row("1100 connections that never finish their head (descriptor limit 1024)",
    f"{refused} refused with 503; /health while they were open: {fmt(hl)}",
    f"server descriptors {f0} → {f1}; /health answered again after "
    + (f"{recovered:.1f} s with the connections still open" if recovered is not None else "more than 30 s (not until the attacker closed)")
    + f"; {errors} connect errors")
healthy()

# --- SIGTERM with a stalled client ------------------------------------------------------------------------------
socks = stalled_bodies(2, "POST", "/v1/predict")
time.sleep(0.5)
t0 = time.monotonic()
os.kill(PID, 15)
gone = None
while time.monotonic() - t0 < 30:
    try:
        os.kill(PID, 0)
        if open(f"/proc/{PID}/stat").read().split()[2] == "Z":
            gone = time.monotonic() - t0
            break
    except (ProcessLookupError, FileNotFoundError):
        gone = time.monotonic() - t0
        break
    time.sleep(0.05)
closeall(socks)
row("SIGTERM with 2 stalled bodies", "exited" if gone is not None else "still running after 30 s (the script then kills it)",
    f"{gone:.1f} s after SIGTERM" if gone is not None else "> 30 s")

print("| case | what happened | figures |")
print("|---|---|---|")
for c, w, f in rows:
    print(f"| {c} | {w} | {f} |")
PY
