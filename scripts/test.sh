#!/usr/bin/env bash
# Runs every test of scopegen from a clean checkout: installs what the tests
# need (pinned npm packages from package-lock.json; a Chromium for the
# browser tests, see scripts/find-chromium.sh), then the Go suite, the JavaScript suite, the
# TypeScript checks and the browser tests. README.md's test command and
# .ci/run are exactly this script; CONTRIBUTING.md describes the suites.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "npm ci (Node tooling pinned by package-lock.json)"
# Reinstall only when node_modules is missing or was installed from another lockfile.
if ! cmp -s package-lock.json node_modules/.scopegen-installed-lock 2>/dev/null; then
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.scopegen-installed-lock
fi

step "chromium for the browser tests (CHROMIUM, on PATH, or Debian's package where it can be installed)"
browser=""
if CHROMIUM="$(./scripts/find-chromium.sh)"; then
  export CHROMIUM
  browser="$CHROMIUM"
  echo "using $CHROMIUM"
elif [ "${CI:-}" = true ]; then
  echo "CI=true and no Chromium: the browser suite cannot be skipped in CI" >&2
  exit 1
fi

step "go vet"
go vet ./...

step "generated/ is what manifest.yaml produces"
go run ./cmd/scopegen check

step "go test (the property test type-checks random manifests' typings with the pinned tsc)"
go test ./...

step "node --test: generated npm runtime against simulated hosts; TypeScript checks"
node --test test/js/ test/ts/
node --test test/wechat-ci/

step "the testing kit (test/kit): node --test, and docs/testing.md's example under Vitest and Jest"
node --test test/kit/
npx --no-install vitest run --config test/kit/vitest.config.mjs
NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --rootDir test/kit/example --testMatch '**/*.jest.mjs'

step "node --test test/scripts/: scripts/find-chromium.sh"
node --test test/scripts/

step "node --test test/web/: the web host in headless Chromium, driven by playwright-core"
if [ -n "$browser" ]; then
  node --test test/web/
else
  printf '\n!!!!!!!!\n!!! SKIPPED the browser suite (test/web/): no Chromium (see above). Everything else passed.\n!!! Set CHROMIUM=/path/to/chromium to run it.\n!!!!!!!!\n' >&2
fi

step "node --test test/frameworks/: Taro and uni-app builds (their own pinned toolchains)"
# Reinstall only when test/frameworks/node_modules is missing or was installed from another lockfile.
if ! cmp -s test/frameworks/package-lock.json test/frameworks/node_modules/.scopegen-installed-lock 2>/dev/null; then
  npm ci --prefix test/frameworks --no-audit --no-fund
  cp test/frameworks/package-lock.json test/frameworks/node_modules/.scopegen-installed-lock
fi
node --test test/frameworks/
