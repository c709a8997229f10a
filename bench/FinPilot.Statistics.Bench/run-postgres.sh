#!/usr/bin/env bash
# Runs the statistics benchmark on a throwaway PostgreSQL cluster, started as the web tests start theirs
# (initdb --locale=C, trust authentication on 127.0.0.1), and removes it afterwards.
# Usage: bench/FinPilot.Statistics.Bench/run-postgres.sh [benchmark options, e.g. --seconds 10]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
port=${PGBENCH_PORT:-55441}
dir=$(mktemp -d /tmp/finpilot-statistics-pg-XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null; rm -rf "$dir"' EXIT
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres finpilot_bench
dotnet run -c Release --no-build --project "$root/bench/FinPilot.Statistics.Bench" -- --provider Postgres \
  --connection "Host=127.0.0.1;Port=$port;Username=postgres;Database=finpilot_bench;Maximum Pool Size=100" "$@"
