#!/usr/bin/env bash
# The console as a self-contained Linux application image (jpackage, profile app-image), started the way a student
# would start it, in a virtual display: the image's size, the time until the window shows, and a screenshot.
#   scripts/app-image/linux-app-image.sh [screenshot.png] [traffic-rate] [seconds-to-wait-after-the-window]
# It builds the image if it is missing (a JDK 17+ with jpackage; no binutils needed). Needs xvfb-run and ImageMagick's
# import (Debian/Ubuntu: apt-get install xvfb xauth libgtk-3-0 imagemagick). With prometheus on the PATH, --start
# brings up the whole Local stack, as in class.
set -euo pipefail
cd "$(dirname "$0")/../.."

shot=${1:-docs/app-image-linux.png}
rate=${2:-20}
settle=${3:-25}
image=desktop-app/target/app-image/observatory
for tool in xvfb-run import; do
  command -v "$tool" >/dev/null || { echo "linux-app-image: $tool is missing (apt-get install xvfb xauth libgtk-3-0 imagemagick)" >&2; exit 2; }
done
[[ -x $image/bin/observatory ]] || {
  echo "building the app image…" >&2
  ./mvnw -B -ntp -Papp-image -DskipTests package -pl console-jars -am
}

# A home of its own: no settings, registry or Prometheus data of a real console is read or touched.
home=$(mktemp -d /tmp/app-image-XXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$(dirname "$shot")"

echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d); image: $(du -sh "$image" | cut -f1) ($(du -sh "$image/lib/runtime" | cut -f1) of it the Java runtime, $(du -sh "$image/lib/app" | cut -f1) the console jar)"
echo "runtime: Java $(grep '^JAVA_VERSION=' "$image/lib/runtime/release" | cut -d'"' -f2), $(grep '^MODULES=' "$image/lib/runtime/release" | cut -d'"' -f2 | wc -w) modules"

# Inside the virtual display: start the launcher, wait for the console to log its window, let the stack and the
# traffic fill the charts, photograph the screen, then stop the console as a user's SIGTERM would (its shutdown hook
# stops the Prometheus it started).
export IMAGE=$image HOME_DIR=$home SHOT=$shot RATE=$rate SETTLE=$settle
xvfb-run -a -s '-screen 0 1440x900x24' bash -c '
  set -euo pipefail
  log=$HOME_DIR/console.log
  t0=$(date +%s%N)
  JAVA_TOOL_OPTIONS="-Dobservatory.home=$HOME_DIR/observatory -Duser.home=$HOME_DIR" \
    "$IMAGE/bin/observatory" --start --traffic "$RATE" >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 600); do
    grep -q "window shown" "$log" && break
    kill -0 "$app" 2>/dev/null || { echo "the console ended before its window showed:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s%N)
  grep -q "window shown" "$log" || { echo "no window after 60 s:" >&2; cat "$log" >&2; kill "$app"; exit 1; }
  echo "window shown $(( (t1 - t0) / 1000000 )) ms after bin/observatory was started ($(grep -oE "window shown [0-9]+ ms" "$log" | grep -oE "[0-9]+") ms after its JVM started, by its own log)"
  sleep "$SETTLE"
  import -window root "$SHOT"
  echo "screenshot: $SHOT ($(identify -format "%wx%h" "$SHOT"))"
  kill "$app"
  wait "$app" 2>/dev/null || true
  # JavaFX warns that it runs from the classpath, as it does with java -jar: expected, so not repeated here.
  grep -E "WARN|ERROR|Exception" "$log" | grep -v -e "Picked up JAVA_TOOL_OPTIONS" -e "Unsupported JavaFX configuration" | head -5 || true
'
