#!/usr/bin/env bash
# Publishes the web host as an installation gets it (framework-dependent, linux-x64: README
# "Deployment") and checks the folder: the host is there with its linux-x64 natives (OR-Tools,
# SQLite), no other platform's natives are, and the whole stays under a size limit.
# Usage: bench/check-publish.sh [output folder, default a temporary one] ; FINPILOT_PUBLISH_LIMIT_MB (default 175)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
limit_mb=${FINPILOT_PUBLISH_LIMIT_MB:-175}
out=${1:-$(mktemp -d /tmp/finpilot-publish-XXXXXX)}
keep=${1:+yes}

dotnet publish "$root/src/FinPilot.Web" -c Release -r linux-x64 --self-contained false -o "$out" -nologo -v quiet

fail=0
problem() { echo "FAIL: $*" >&2; fail=1; }

[[ -f "$out/FinPilot.Web.dll" ]] || problem "FinPilot.Web.dll is missing"
[[ -x "$out/FinPilot.Web" ]] || problem "the linux-x64 launcher FinPilot.Web is missing"
[[ -f "$out/FinPilot.Web.runtimeconfig.json" ]] || problem "FinPilot.Web.runtimeconfig.json is missing"
compgen -G "$out/libortools.so*" > /dev/null || compgen -G "$out/runtimes/linux-x64/native/libortools.so*" > /dev/null \
  || problem "OR-Tools' linux-x64 native library (libortools.so) is missing"
compgen -G "$out/libe_sqlite3.so" > /dev/null || compgen -G "$out/runtimes/linux-x64/native/libe_sqlite3.so" > /dev/null \
  || problem "SQLite's linux-x64 native library (libe_sqlite3.so) is missing"
[[ -d "$out/wwwroot" ]] || problem "wwwroot is missing"

# Another platform's natives: Windows DLLs of native code, macOS dylibs, other runtime folders.
others=$( ( [[ ! -d "$out/runtimes" ]] || find "$out/runtimes" -mindepth 1 -maxdepth 1 -type d ! -name linux-x64 ! -name linux ! -name unix; \
           find "$out" -type f \( -name '*.dylib' -o -iname 'google-ortools-native.dll' -o -iname 'e_sqlite3.dll' -o -iname 'ortools.dll' \)) | sort -u)
[[ -z "$others" ]] || problem "other platforms' files are in the folder:"$'\n'"$others"

size_kb=$(du -sk "$out" | cut -f1)
size_mb=$((size_kb / 1024))
largest=$(find "$out" -type f -printf '%s %P\n' | sort -rn | head -5 | awk '{ printf "  %6.1f MB  %s\n", $1 / 1048576, $2 }')
echo "Published to $out: ${size_mb} MB (limit ${limit_mb} MB). Largest files:"
echo "$largest"
((size_mb <= limit_mb)) || problem "the folder is ${size_mb} MB, over the limit of ${limit_mb} MB"

[[ -n "$keep" ]] || rm -rf "$out"
if ((fail)); then exit 1; fi
echo "OK: linux-x64 only, ${size_mb} MB"
