#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (never a downloaded browser). Installs it with apt when it
# is missing and this is a Debian machine where we may (root); otherwise says what to do.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
	chromium --version 2>/dev/null || true
	exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
	echo "Installing Debian's chromium for the browser tests…"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq chromium >/dev/null
	chromium --version
	exit 0
fi
echo "Chromium is required for the browser tests: install it with 'sudo apt-get install -y chromium'." >&2
exit 1
