#!/usr/bin/env bash
# Every check the project has, fail-fast, in two lanes that run side by side (the machine has two
# cores, and each lane is mostly one process at a time):
#   code: ESLint, prettier --check, the unit tests, then `astro check` and the
#         reproducibility check (two clean builds) in a copy of the project (they write .astro/,
#         which the site lane's builds use), then the browser test files of CODE_LANE_BROWSER and
#         Lighthouse on the production build;
#   site: a production build, the tests of the built site, the other browser test files.
# Fixture builds run in a copy of the project per test process (tests/support/build.ts), so
# the two lanes' builds never share a .astro/ folder.
# Each lane's output is kept and printed whole when the lane ends; the first lane to fail stops
# the other, and the run exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s (at %ss)\n' "$*" "$SECONDS"; }

step "System programs: Chromium (browser tests), Java (HTML checker), ip (network namespaces)"
bash scripts/ensure-system-deps.sh

step "Lock file: every platform's optional binaries are locked"
npm run --silent check:lock

# The browser test files the code lane runs once its own checks are done (about half of the
# browser tests' time, measured 2026-12-07); the site lane runs all the others after dist/.
CODE_LANE_BROWSER=(
	tests/browser/page-quality.test.ts
	tests/browser/search-page.test.ts
	tests/browser/print-and-tables.test.ts
)

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# The fixture blog the browser tests (and one dist test) read is built once, by whichever lane
# needs it first, and read by the other (tests/support/fixture-blog.ts).
export BLOG_SHARED_BROWSER_FIXTURE="$logs/browser-fixture"
# The rebuild scenario (five builds of one generated blog) is built once by the site lane's dist
# tests and read again by its browser tests (tests/support/rebuild-scenario.ts).
export BLOG_SHARED_REBUILD="$logs/rebuild"

lane_code() {
	step "ESLint and prettier --check"
	npm run --silent lint
	npm run --silent format:check
	step "Unit tests (lib/ in one module graph; plumbing, loaders and scripts isolated)"
	npx vitest run --project unit --project plumbing
	# astro check type-checks every file tsconfig.json includes, .ts as well as .astro, with
	# the same compiler options: a separate `tsc --noEmit` would check the same files again.
	step "astro check (types of .astro and .ts files), in a copy of the project"
	local copy
	copy=$(mktemp -d)
	git ls-files -z --cached --others --exclude-standard | tar --null -cf - -T - | tar -xf - -C "$copy"
	ln -s "$PWD/node_modules" "$copy/node_modules"
	(cd "$copy" && npx astro check)
	step "Reproducible build: two clean builds, byte for byte (in the same copy)"
	(cd "$copy" && npm run --silent check:reproducible)
	rm -rf "$copy"
	step "Browser tests (Chromium): ${CODE_LANE_BROWSER[*]}"
	npx vitest run --project browser "${CODE_LANE_BROWSER[@]}"
	# dist/ is the site lane's first step, long done; Lighthouse takes the median of more runs
	# when a page misses a bar, so the other lane's load cannot fail it.
	step "Lighthouse on dist/: home, article, tag, search"
	npm run --silent lighthouse
	step "Lane done"
}

lane_site() {
	step "Production build"
	npm run --silent build
	step "Tests of the built site (dist/)"
	npx vitest run --project dist
	step "Browser tests (Chromium): the other files"
	local file excludes=()
	for file in "${CODE_LANE_BROWSER[@]}"; do excludes+=(--exclude "$file"); done
	npx vitest run --project browser "${excludes[@]}"
	step "Lane done"
}

start=$(date +%s)
# Job control: each lane runs in a process group of its own, so stopping it stops all it started.
set -m
(set -euo pipefail; lane_code) >"$logs/code.log" 2>&1 &
code_pid=$!
(set -euo pipefail; lane_site) >"$logs/site.log" 2>&1 &
site_pid=$!

declare -A lane_of=([$code_pid]=code [$site_pid]=site)
running=("$code_pid" "$site_pid")
status=0
while [ ${#running[@]} -gt 0 ]; do
	set +e
	wait -n -p done_pid "${running[@]}"
	result=$?
	set -e
	name=${lane_of[$done_pid]}
	still=()
	for pid in "${running[@]}"; do [ "$pid" = "$done_pid" ] || still+=("$pid"); done
	running=("${still[@]}")
	printf '\n######## lane %s: exit %s after %ss ########\n' "$name" "$result" $(($(date +%s) - start))
	cat "$logs/$name.log"
	if [ "$result" -ne 0 ]; then
		status=$result
		# Stop the lane still running (its whole process group) and show what it had printed.
		for pid in "${running[@]}"; do
			kill -TERM -- "-$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
			printf '\n######## lane %s: stopped ########\n' "${lane_of[$pid]}"
			tail -n 40 "$logs/${lane_of[$pid]}.log"
		done
		break
	fi
done
printf '\nAll checks: %s in %ss\n' "$([ "$status" -eq 0 ] && echo passed || echo FAILED)" $(($(date +%s) - start))
exit "$status"
