#!/usr/bin/env bash
# Times `scopegen generate` on the root manifest with its last scope cloned
# N times (internal/testsupport/synth/scaled): into an empty folder (cold), and again
# over what it wrote (warm: nothing to write), against `gofmt -l` over the
# Go it wrote. Prints one Markdown table row per N: medians of RUNS
# interleaved runs (default 5). SCOPEGEN names a scopegen binary to
# time instead of this checkout's (to compare two builds).
#
#   scripts/genscale.sh [N...]    (default: 0 200 2000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${SCOPEGEN:-}" ]; then
  cp "$SCOPEGEN" "$work/scopegen"
else
  go build -o "$work/scopegen" ./cmd/scopegen
fi
go build -o "$work/scaled" ./internal/testsupport/synth/scaled

# ms CMD...: wall time of CMD in milliseconds.
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "| scopes added | generate, empty folder | generate, warm | gofmt -l | Go written | cold/gofmt |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${@:-0 200 2000}"; do
  for k in $n; do
    dir="$work/n$k"
    mkdir -p "$dir"
    "$work/scaled" "$k" <manifest.yaml >"$dir/manifest.yaml"
    gen=() warm=() fmt=()
    run=("$work/scopegen" generate -manifest "$dir/manifest.yaml" -out "$dir/out" -go-import-path example.com/scaled/out)
    for _ in $(seq "$runs"); do
      rm -rf "$dir/out"
      gen+=("$(ms "${run[@]}")")
      warm+=("$(ms "${run[@]}")")
      fmt+=("$(ms gofmt -l "$dir/out")")
    done
    g="$(printf '%s\n' "${gen[@]}" | median)"
    w="$(printf '%s\n' "${warm[@]}" | median)"
    f="$(printf '%s\n' "${fmt[@]}" | median)"
    kb="$(find "$dir/out" -name '*.go' -print0 | xargs -0 cat | wc -c | awk '{ printf "%.0f KB", $1 / 1024 }')"
    printf '| %s | %s ms | %s ms | %s ms | %s | %s× |\n' "$k" "$g" "$w" "$f" "$kb" "$(awk -v a="$g" -v b="$f" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')"
  done
done
