#!/bin/sh
# Runs relkit's migration plans against a real PostgreSQL server started in a
# temporary directory on a loopback port. Usage:
#   run_postgres_test.sh <emit_postgres_scripts executable> <scratch dir>
# Skips (prints RELKIT_POSTGRES_SKIPPED) when no server binaries are found,
# unless RELKIT_REQUIRE_POSTGRES=1, which turns that into a failure.
set -eu
emitter=$1
scratch=$2

skip_or_fail() {
  if [ "${RELKIT_REQUIRE_POSTGRES:-0}" = "1" ]; then
    echo "FAIL: $1 (RELKIT_REQUIRE_POSTGRES=1)" >&2
    exit 1
  fi
  echo "RELKIT_POSTGRES_SKIPPED: $1; install PostgreSQL (apt-get install postgresql) to run this test"
  exit 0
}

bindir=${RELKIT_PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir=$candidate; break; fi
  done
fi
if [ -z "$bindir" ] && command -v pg_config >/dev/null 2>&1; then
  candidate=$(pg_config --bindir)
  if [ -x "$candidate/initdb" ]; then bindir=$candidate; fi
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
  skip_or_fail "no PostgreSQL server binaries (initdb, pg_ctl) found"
fi
psql=$bindir/psql
[ -x "$psql" ] || psql=$(command -v psql || true)
[ -n "$psql" ] || skip_or_fail "no psql client found"

# initdb refuses to run as root: run the server as the postgres user then.
as_server_user=""
if [ "$(id -u)" = "0" ]; then
  if id postgres >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1; then
    as_server_user="runuser -u postgres --"
  else
    skip_or_fail "running as root and no postgres user to run the server as"
  fi
fi

rm -rf "$scratch"
mkdir -p "$scratch/scripts"
"$emitter" "$scratch/scripts"
tmp=$(mktemp -d /tmp/relkit-pg.XXXXXX)
chmod 755 "$tmp"
[ -n "$as_server_user" ] && chown postgres "$tmp"
data=$tmp/data
cleanup() {
  $as_server_user "$bindir/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

$as_server_user "$bindir/initdb" -D "$data" -A trust -U relkit --no-sync >"$tmp/initdb.log" 2>&1 ||
  { cat "$tmp/initdb.log" >&2; echo "FAIL: initdb" >&2; exit 1; }

started=""
base=$(( 20000 + $$ % 20000 ))
for attempt in 0 1 2 3 4 5 6 7; do
  port=$(( base + attempt * 101 ))
  if $as_server_user "$bindir/pg_ctl" -D "$data" -w -t 60 -l "$tmp/server.log" \
      -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null 2>&1; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  cat "$tmp/server.log" >&2 || true
  echo "FAIL: could not start PostgreSQL" >&2
  exit 1
fi
version=$("$psql" -h 127.0.0.1 -p "$port" -U relkit -d postgres -Atc "SHOW server_version")
echo "PostgreSQL $version on 127.0.0.1:$port"

failures=0
count=0
while read -r name guarded; do
  count=$((count + 1))
  if "$psql" -h 127.0.0.1 -p "$port" -U relkit -d postgres -X -q -v ON_ERROR_STOP=1 \
      -o /dev/null -f "$scratch/scripts/$name.sql" >"$scratch/$name.log" 2>&1; then
    echo "ok   $name"
  else
    echo "FAIL $name"; tail -n 20 "$scratch/$name.log"; failures=$((failures + 1))
  fi
  if [ "$guarded" = "guarded" ]; then
    # The point of no return must refuse to run without the acknowledgement.
    if "$psql" -h 127.0.0.1 -p "$port" -U relkit -d postgres -X -q -v ON_ERROR_STOP=1 \
        -o /dev/null -f "$scratch/scripts/$name.unacked.sql" >"$scratch/$name.unacked.log" 2>&1; then
      echo "FAIL $name: the point of no return ran without acknowledgement"
      failures=$((failures + 1))
    elif grep -q "point of no return" "$scratch/$name.unacked.log"; then
      echo "ok   $name refuses its point of no return without acknowledgement"
    else
      echo "FAIL $name.unacked"; tail -n 20 "$scratch/$name.unacked.log"; failures=$((failures + 1))
    fi
  fi
done <"$scratch/scripts/scenarios.txt"
echo "$count change kinds, $failures failures"
[ "$failures" = "0" ]
