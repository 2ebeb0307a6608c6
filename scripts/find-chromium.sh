#!/usr/bin/env bash
# Prints the path of the Chromium the browser tests use, and exits 0; or
# explains on stderr why there is none, and exits 1. In order:
#   1. $CHROMIUM, when set (it must be an executable file);
#   2. the first of chromium, chromium-browser, google-chrome,
#      google-chrome-stable on PATH;
#   3. Debian's chromium, installed with apt-get, only on Debian or Ubuntu
#      and only as root or with passwordless sudo.
# scripts/test.sh runs it; test/scripts/find-chromium.test.mjs tests it.
set -uo pipefail

if [ -n "${CHROMIUM:-}" ]; then
  if [ -f "$CHROMIUM" ] && [ -x "$CHROMIUM" ]; then
    printf '%s\n' "$CHROMIUM"; exit 0
  fi
  echo "CHROMIUM=$CHROMIUM is not an executable file" >&2; exit 1
fi

find_on_path() {
  local name
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  done
  return 1
}
find_on_path && exit 0

if [ ! -r /etc/os-release ] || ! grep -Eqi '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release \
  || ! command -v apt-get >/dev/null 2>&1; then
  echo "no Chromium found (set CHROMIUM=/path/to/chrome, or put chromium on PATH); not Debian or Ubuntu, so none is installed" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "no Chromium found (set CHROMIUM=/path/to/chrome, or put chromium on PATH); installing Debian's needs root or passwordless sudo" >&2
  exit 1
fi
echo "installing Debian's chromium with apt-get" >&2
"${as_root[@]}" apt-get update >&2 \
  && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2 \
  && find_on_path && exit 0
echo "apt-get could not install chromium" >&2
exit 1
