#!/usr/bin/env bash
# Unpacks Prometheus 3.5 LTS (server, promtool, Alertmanager) from Debian's unstable suite into .tools/sid/ of this checkout,
# without installing anything: the system keeps its own (2.x) prometheus, and `git clean -xdf` removes these.
#
#   scripts/ci/unpack-sid-tools.sh            # prometheus, promtool and prometheus-alertmanager
#   scripts/ci/unpack-sid-tools.sh prometheus # only that package
#
# Uses the machine's own Debian mirror (the first URIs: line of /etc/apt/sources.list.d/debian.sources) with
# suite sid, through a temporary sources list and package cache: sid is never added to the system's sources.
# Prints the folder that holds the binaries (.tools/sid/usr/bin) as its last line.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.tools/sid"
packages=("$@")
((${#packages[@]})) || packages=(prometheus promtool prometheus-alertmanager)

have_all=true
for p in "${packages[@]}"; do
  [ -e "$dest/.unpacked-$p" ] || have_all=false
done
if $have_all; then
  # Debian's Alertmanager reads its notification templates from a fixed path, /usr/share/prometheus/alertmanager
# (its patch replaces the templates built into upstream's binary), and will not start without default.tmpl there.
# Put the unpacked ones there when that folder is missing and we may write it (CI runs as root); never replace an
# installed package's files.
templates=/usr/share/prometheus/alertmanager
if [ -d "$dest$templates" ] && [ ! -e "$templates/default.tmpl" ]; then
  if mkdir -p "$templates" 2>/dev/null && cp -r "$dest$templates/." "$templates/"; then
    echo "unpack-sid-tools: copied Alertmanager's templates to $templates (Debian's binary reads them only there)" >&2
  else
    echo "unpack-sid-tools: Alertmanager needs $templates/default.tmpl; as root: cp -r $dest$templates/. $templates/" >&2
  fi
fi
echo "$dest/usr/bin"
  exit 0
fi

sources=/etc/apt/sources.list.d/debian.sources
uri=$(awk '/^URIs:/ {print $2; exit}' "$sources" 2>/dev/null || true)
keyring=$(awk '/^Signed-By:/ {print $2; exit}' "$sources" 2>/dev/null || true)
uri=${uri:-http://deb.debian.org/debian}
keyring=${keyring:-/usr/share/keyrings/debian-archive-keyring.gpg}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs"
printf 'Types: deb\nURIs: %s\nSuites: sid\nComponents: main\nSigned-By: %s\n' "$uri" "$keyring" > "$work/sid.sources"
apt_opts=(-o Dir::Etc::sourcelist="$work/sid.sources" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$work/lists"
  -o Dir::Cache="$work/cache" -o APT::Get::List-Cleanup=0 -qq)

echo "unpack-sid-tools: reading sid's package lists from $uri" >&2
apt-get "${apt_opts[@]}" update >&2
mkdir -p "$dest"
for p in "${packages[@]}"; do
  (cd "$work/debs" && apt-get "${apt_opts[@]}" download "$p" >&2)
  deb=$(ls "$work/debs/${p}_"*.deb)
  echo "unpack-sid-tools: unpacking $(basename "$deb")" >&2
  dpkg -x "$deb" "$dest"
  basename "$deb" > "$dest/.unpacked-$p"
  rm -f "$deb"
done
place_alertmanager_templates
echo "$dest/usr/bin"
