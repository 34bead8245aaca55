#!/usr/bin/env bash
# Every check the project has, fail-fast, in the order CI runs them:
# types and formatting, unit tests, a production build, tests of the built site, browser tests,
# Lighthouse.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "System programs: Chromium (browser tests), Java (HTML checker)"
bash scripts/ensure-system-deps.sh

step "Lock file: every platform's optional binaries are locked"
npm run --silent check:lock

step "astro check and tsc (types), ESLint and prettier --check"
npm run --silent check

step "Unit tests"
npx vitest run --project unit

step "Production build"
npm run --silent build

step "Reproducible build: two clean builds, byte for byte"
npm run --silent check:reproducible

step "Tests of the built site (dist/)"
npx vitest run --project dist

step "Browser tests (Chromium)"
npx vitest run --project browser

step "Lighthouse: home, article, tag, search (about a minute)"
npm run --silent lighthouse
