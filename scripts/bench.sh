#!/usr/bin/env bash
# Runs scopegen's benchmarks and prints docs/benchmarks.md on stdout: one
# table per benchmark, each with its date, command and machine.
#
#   scripts/bench.sh > docs/benchmarks.md
#
# Environment: LOOKUP_BENCHTIME (default 200ms), GEN_BENCHTIME (default 1x),
# RUNS (scripts/genscale.sh's runs per size, default 5). The defaults keep
# runs short on a shared machine; raise them for steadier figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
lookup_time="${LOOKUP_BENCHTIME:-200ms}"
gen_time="${GEN_BENCHTIME:-1x}"

cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
machine="$(nproc) cores, ${cpu:-unknown CPU}, $(go env GOVERSION)"

# measured COMMAND: the line that heads every table.
measured() { printf 'Measured %s on %s:\n`%s`\n\n' "$(date -u +%Y-%m-%d)" "$machine" "$1"; }

# bench_rows: reads `go test -bench` output, prints "name ns/op B/op allocs/op"
# with the -GOMAXPROCS suffix dropped.
bench_rows() {
  awk '/^Benchmark/ {
    name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
    ns = ""; bytes = "-"; allocs = "-"
    for (i = 3; i < NF; i++) {
      if ($(i+1) == "ns/op") ns = $i
      if ($(i+1) == "B/op") bytes = $i
      if ($(i+1) == "allocs/op") allocs = $i
    }
    print name, ns, bytes, allocs
  }'
}

# human NS: nanoseconds as ns, µs, ms or s.
human() {
  awk -v ns="$1" 'BEGIN {
    if (ns < 1e3) printf "%.2f ns", ns
    else if (ns < 1e6) printf "%.1f µs", ns / 1e3
    else if (ns < 1e9) printf "%.1f ms", ns / 1e6
    else printf "%.2f s", ns / 1e9
  }'
}

cat <<'EOF'
# Benchmarks

Figures from `scripts/bench.sh`, which runs every benchmark below and prints
this page. Each table says when, on what and with which command it was
measured. The machine is shared with other jobs and the runs are short
(`-benchtime` small), so read the figures as orders of magnitude and compare
rows of one table, not tables of different days. Benchmarks never assert a
time; tests check the properties the figures illustrate (no allocations,
deterministic output).

Regenerate with `scripts/bench.sh > docs/benchmarks.md`.

EOF

echo "## Lookups in the generated Go"
echo
cmd="go test ./internal/bench -run '^\$' -bench . -benchmem -benchtime $lookup_time"
measured "$cmd"
echo "Against the root manifest's generated packages. \`Parse\`, \`ForAPI\` and \`FromNative\` are string switches; \`ParseMapBaseline\` and \`ForAPIMapBaseline\` are the same lookups in a hand-written \`map[string]scope.Scope\`, \`SupportedOnMapBaseline\` a \`map[string]map[string]bool\`, and \`Harness\` the benchmark loop alone."
echo
echo "| benchmark | ns/op | B/op | allocs/op |"
echo "| --- | ---: | ---: | ---: |"
go test ./internal/bench -run '^$' -bench . -benchmem -benchtime "$lookup_time" | bench_rows |
  while read -r name ns bytes allocs; do
    printf '| `%s` | %s | %s | %s |\n' "$name" "$ns" "$bytes" "$allocs"
  done
echo

echo "## Generation in process"
echo
cmd="go test ./generator -run '^\$' -bench 'Generate|GofmtEmitted' -benchtime $gen_time"
measured "$cmd"
echo "\`Generate\` is the whole pure pipeline (load, validate, model, every emitter, gofmt of the Go) on a synthetic manifest of that many scopes on five hosts; \`GofmtEmitted\` is \`go/format\` over the Go it emits, the floor of any generator writing that Go."
echo
echo "| scopes | Generate | go/format of its Go | ratio |"
echo "| ---: | ---: | ---: | ---: |"
go test ./generator -run '^$' -bench 'Generate|GofmtEmitted' -benchtime "$gen_time" | bench_rows |
  awk '{ split($1, p, "/scopes="); t[p[1], p[2]] = $2; if (!(p[2] in seen)) { seen[p[2]] = 1; order[++n] = p[2] } }
    END { for (i = 1; i <= n; i++) { s = order[i]; print s, t["Generate", s], t["GofmtEmitted", s] } }' |
  while read -r scopes gen fmt; do
    printf '| %s | %s | %s | %s× |\n' "$scopes" "$(human "$gen")" "$(human "$fmt")" "$(awk -v a="$gen" -v b="$fmt" 'BEGIN {printf "%.2f", a / b}')"
  done
echo

echo "## The docs emitter and breaking"
echo
measured "go test ./generator/{docsemit,breaking} -run '^\$' -bench . -benchtime $gen_time"
echo "\`docsemit/Emit\` renders both Markdown pages; \`breaking/Breaking3000\` compares two 3,000-scope manifests (both loads included) with 3,000 findings."
echo
echo "| benchmark | time/op |"
echo "| --- | ---: |"
for pkg in docsemit breaking; do
  go test "./generator/$pkg" -run '^$' -bench . -benchtime "$gen_time" | bench_rows |
    while read -r name ns _ _; do
      printf '| `%s/%s` | %s |\n' "$pkg" "$name" "$(human "$ns")"
    done
done
echo

echo "## Host-configuration merges"
echo
measured "go test ./generator/hostconfigemit -run '^\$' -bench . -benchmem -benchtime $gen_time"
echo "\`MergeAtTheLimit\` merges a WeChat fragment into app.json files 4 KiB under the 32 MiB read limit (the merge refuses a result over it), the bulk in a foreign key or in the keys scopegen owns; \`MergeModuleAtTheLimit\` does the same for a HarmonyOS module.json5 and its string.json; \`MergeModuleOneLine\` merges files without a line break (every removed entry before a kept one), small and at the limit."
echo
echo "| benchmark | time/op | B/op | allocs/op |"
echo "| --- | ---: | ---: | ---: |"
go test ./generator/hostconfigemit -run '^$' -bench . -benchmem -benchtime "$gen_time" | bench_rows |
  while read -r name ns bytes allocs; do
    printf '| `%s` | %s | %s | %s |\n' "$name" "$(human "$ns")" "$bytes" "$allocs"
  done
echo

echo "## Generation against gofmt, whole CLI"
echo
measured "scripts/genscale.sh 0 200 2000"
echo "The root manifest with its last scope cloned N times (\`internal/testsupport/synth/scaled\`): \`scopegen generate\` into an empty folder and again over what it wrote (warm: nothing to write), against \`gofmt -l\` over the Go it wrote; medians of ${RUNS:-5} interleaved runs."
echo
scripts/genscale.sh 0 200 2000
echo
measured "go test ./generator -run '^\$' -bench ScaledRoot -benchtime 5x"
echo "The same scaled manifest in process, against go/format of the Go it writes on every core; \`t/t_smallest\` is the time at 2,000 added scopes over the time at 200."
echo
echo '```'
go test ./generator -run '^$' -bench ScaledRoot -benchtime 5x | grep '^Benchmark'
echo '```'
echo

echo "## npm package size"
echo
if [ -d node_modules/esbuild ]; then
  measured "npm run bench:size"
  echo "esbuild bundles (minified, ES module) gzipped at level 9, per host: \`import { authorize }\` with one call, and the whole entry (\`export *\`), next to \`@uni/apis\`'s \`authorize\` bundled the same way in the same run with that host's export condition."
  echo
  npm run --silent bench:size | grep '^|'
  echo
  echo "\`@uni/apis\`'s web \`authorize\` is a stub that throws."
  echo
  echo "Against the budgets (1.5 KB per host, 3 KB universal, 1 KB = 1024 B):"
  echo
  npm run --silent bench:size | grep ': authorize ' | sed 's/^/- /'
else
  echo "Skipped: \`node_modules\` has no esbuild (run \`npm ci\`)."
fi
echo

# Taro and uni-app builds of test/frameworks/ (its toolchains: npm ci --prefix test/frameworks).
node scripts/framework-bench.mjs
echo

echo "## Native calls per authorize"
echo
if [ -d node_modules/@uni/apis ]; then
  printf 'Measured %s on %s cores, %s, Node %s:\n`%s`\n\n' "$(date -u +%Y-%m-%d)" "$(nproc)" "${cpu:-unknown CPU}" "$(node -p 'process.versions.node')" "npm run bench:calls"
  echo "Native calls one \`authorize\` makes on each simulated host (\`test/js/simhost.mjs\`), per recorded answer, and for 10 concurrent callers of the same scope: ours (the host's own entry) against \`@uni/apis\` 1.1.13's \`authorize\`, bundled with the host's export condition, under the same simulated host. The user accepts a prompt. Alipay's \`getAuthCode\` keeps no memory of a refusal, so a refused scope is asked again there, by both."
  echo
  npm run --silent bench:calls
  echo
  echo "\`@uni/apis\` has no \`getSetting\` step and lets the host answer; ours does the same where the host's documentation says its \`authorize\` settles a recorded answer (the manifest's \`authorize.answersRecorded\`), and shares one flow among concurrent callers. Alipay's \`onUse\` scopes are not compared: there \`@uni/apis\` calls \`my.showAuthGuide\`, which grants nothing; ours reads \`getSetting\`, then calls the probe when the scope is unanswered."
else
  echo "Skipped: \`node_modules\` has no @uni/apis (run \`npm ci\`)."
fi
echo

echo "## The front end at scale"
echo
measured "go test ./generator/model -run '^\$' -bench 'BuildWide|ResolveWide' -benchmem -benchtime 1x"
echo "Synthetic manifests with as many platforms as scopes: \`BuildWide\` models an already-validated manifest, \`ResolveWide\` loads and validates it too."
echo
echo "| benchmark | time/op | B/op | allocs/op |"
echo "| --- | ---: | ---: | ---: |"
go test ./generator/model -run '^$' -bench 'BuildWide|ResolveWide' -benchmem -benchtime 1x | bench_rows |
  while read -r name ns bytes allocs; do
    printf '| `%s` | %s | %s | %s |\n' "$name" "$(human "$ns")" "$bytes" "$allocs"
  done
echo
