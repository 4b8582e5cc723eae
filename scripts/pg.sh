#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests and local work.
#
#   bash scripts/pg.sh start [DIR]   init (if needed) + start; prints the URL
#   bash scripts/pg.sh url   [DIR]   prints the URL of a running cluster
#   bash scripts/pg.sh stop  [DIR]   stops the cluster and removes DIR
#
# DIR defaults to $PWD/.pg (git-ignored). Only the URL goes to stdout;
# progress and errors go to stderr. The database is "kvartal_test", user
# "postgres", trust auth, listening on 127.0.0.1 only. Durability is off
# (fsync etc.) because the data is disposable.
set -euo pipefail

DB=kvartal_test
cmd=${1:-}
dir=${2:-$PWD/.pg}

log() { echo "pg.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  echo "usage: bash scripts/pg.sh start|stop|url [DIR]   (DIR defaults to \$PWD/.pg)" >&2
  exit 2
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# initdb refuses to run as root, so as root the server runs as "postgres".
as_pg() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Debian puts the server binaries in /usr/lib/postgresql/N/bin while
# `pg_config --bindir` may say /usr/bin (client wrappers only), so prefer
# the highest versioned directory that really has initdb and pg_ctl.
find_bindir() {
  local d
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5,5 -rn); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  fi
  if d=$(command -v initdb 2>/dev/null); then
    d=$(dirname "$d")
    if [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  fi
  return 1
}

ensure_bindir() {
  if bindir=$(find_bindir); then return 0; fi
  is_root || die "PostgreSQL server binaries (initdb, pg_ctl) not found; install PostgreSQL (e.g. apt-get install postgresql)"
  log "PostgreSQL not found; installing it with apt-get"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bindir=$(find_bindir) || die "PostgreSQL installed but initdb/pg_ctl still not found"
}

free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
  else
    die "need node or python3 to pick a free port"
  fi
}

# PID of the postmaster if it is alive. A zombie does not count: where PID 1
# does not reap orphans (some containers), a crashed server lingers as one.
server_pid() {
  local pid state
  [ -f "$dir/data/postmaster.pid" ] || return 1
  pid=$(head -n 1 "$dir/data/postmaster.pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  state=$(ps -o stat= -p "$pid" 2>/dev/null || true)
  case $state in Z*) return 1 ;; esac
  echo "$pid"
}

url_port() { sed -n 's|^postgres://[^@]*@[^:]*:\([0-9]*\)/.*|\1|p' "$dir/url" 2>/dev/null || true; }

# Running = live postmaster that accepts connections on the port in DIR/url.
running() {
  local port
  server_pid >/dev/null || return 1
  port=$(url_port)
  [ -n "$port" ] && "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 10
}

# Stop whatever a crashed or half-started server left behind.
clear_stale() {
  [ -f "$dir/data/postmaster.pid" ] || return 0
  if server_pid >/dev/null; then
    log "stopping a server that does not answer"
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -t 30 -w stop >&2 || true
  fi
  server_pid >/dev/null || rm -f "$dir/data/postmaster.pid"
}

show_log() {
  if [ -f "$dir/log" ]; then log "last lines of $dir/log:"; tail -n 20 "$dir/log" >&2; fi
}

do_start() {
  ensure_bindir
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)

  if running && [ -s "$dir/url" ]; then
    log "already running"
    cat "$dir/url"
    return 0
  fi

  clear_stale

  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    chown postgres: "$dir"
    chmod 700 "$dir"
    as_pg test -w "$dir" || die "user postgres cannot write to $dir (is a parent directory closed to it?)"
  fi

  # A data dir without PG_VERSION is a leftover of a failed initdb.
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    log "initdb in $dir/data ($("$bindir/initdb" --version))"
    if ! as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
      log "initdb with C.UTF-8 failed; retrying with --no-locale"
      rm -rf "$dir/data"
      as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    fi
  fi

  # Unix socket paths are limited to ~107 bytes; with a deep DIR use TCP only.
  local sockdir=$dir
  if [ $((${#dir} + 20)) -gt 100 ]; then sockdir=''; fi

  # The port may be taken between picking and binding it: retry a few times.
  local port='' try
  for try in 1 2 3; do
    port=$(free_port)
    log "starting on 127.0.0.1:$port (attempt $try)"
    if as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
      -o "-p $port -k '$sockdir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >&2; then
      break
    fi
    port=''
    show_log
  done
  [ -n "$port" ] || die "could not start PostgreSQL"

  if [ -z "$("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$DB'")" ]; then
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB" >&2
  fi

  echo "postgres://postgres@127.0.0.1:$port/$DB" >"$dir/url"
  log "ready"
  cat "$dir/url"
}

do_url() {
  [ -d "$dir" ] || die "no cluster in $dir (run: bash scripts/pg.sh start)"
  ensure_bindir
  if ! running || [ ! -s "$dir/url" ]; then
    die "cluster in $dir is not running (run: bash scripts/pg.sh start)"
  fi
  cat "$dir/url"
}

do_stop() {
  if [ ! -d "$dir" ]; then log "nothing to stop in $dir"; return 0; fi
  dir=$(cd "$dir" && pwd)
  # Guard the rm -rf below: only remove directories that look like ours.
  local f
  for f in "$dir"/* "$dir"/.[!.]*; do
    [ -e "$f" ] || continue
    case ${f##*/} in
      data | log | url | initdb.log | .s.PGSQL.*) ;;
      *) die "$dir contains '${f##*/}', which pg.sh did not create; not removing it" ;;
    esac
  done
  if [ -f "$dir/data/PG_VERSION" ]; then
    ensure_bindir
    if server_pid >/dev/null; then
      log "stopping"
      as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -t 30 -w stop >&2 ||
        as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -t 30 -w stop >&2 ||
        { show_log; die "could not stop the server in $dir; not removing it"; }
    fi
  fi
  rm -rf "$dir"
  log "removed $dir"
}

case $cmd in
  start) do_start ;;
  stop) do_stop ;;
  url) do_url ;;
  *) usage ;;
esac
