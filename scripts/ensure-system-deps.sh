#!/usr/bin/env bash
# System programs the tests need, from Debian (never a downloaded browser or JDK): Chromium for
# the browser tests and Lighthouse, Java for the Nu Html Checker (vnu-jar), iproute2 for network
# namespaces. Installs what is
# missing when this is a Debian machine where we may (root); otherwise says what to do.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# `ip`: the editor back end's test plays another device on the network from a namespace.
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
		echo "Installing from Debian: ${missing[*]}…"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq "${missing[@]}" >/dev/null
	else
		echo "The tests need: ${missing[*]}. Install with 'sudo apt-get install -y ${missing[*]}'." >&2
		exit 1
	fi
fi
chromium --version 2>/dev/null || true
java -version 2>&1 | head -n 1
