#!/usr/bin/env bash
# Side by side (docs/scale.md): a corpus ingested into SQLite by one `marsad ingest`, and into
# PostgreSQL by `marsad ingest --enqueue` and two `marsad worker` processes; then their counts, sizes
# and exports compared, and a second enqueue that must add nothing. After `npm run build`:
#   scripts/scale-bench.sh ../shared/corpus/saudinewsnet-2015.jsonl.gz [postgres://postgres@127.0.0.1:5432/postgres]
# It creates and drops a database of its own (marsad_bench_<pid>) and a temporary folder (KEEP=1 keeps them).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:?give the corpus file}
ADMIN=${2:-postgres://postgres@127.0.0.1:5432/postgres}
THREADS=${THREADS:-1}   # analysis threads per worker process (the SQLite run uses one per core)
NAME="marsad_bench_$$"
URL="${ADMIN%/*}/$NAME"
TMP=$(mktemp -d)
# KEEP=1 keeps both stores (for scripts/api-load.mjs) and prints where they are
if [ -n "${KEEP:-}" ]; then trap 'echo "kept: $TMP/m.db and $URL"' EXIT
else trap 'psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$TMP"' EXIT; fi
now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
secs() { echo "$2 - $1" | bc; }

echo "cores: $(nproc); load before SQLite: $(load)"
t0=$(now)
./bin/marsad ingest "$CORPUS" --db "$TMP/m.db" --quiet
t1=$(now)
echo "SQLite: $(secs "$t0" "$t1") s; load after: $(load)"

psql "$ADMIN" -qc "CREATE DATABASE $NAME"
echo "load before PostgreSQL: $(load)"
t2=$(now)
./bin/marsad ingest "$CORPUS" --db "$URL" --enqueue --quiet
t3=$(now)
./bin/marsad worker --db "$URL" --exit-when-idle --workers "$THREADS" --quiet > "$TMP/w1.out" &
./bin/marsad worker --db "$URL" --exit-when-idle --workers "$THREADS" --quiet > "$TMP/w2.out" &
wait
t4=$(now)
cat "$TMP/w1.out" "$TMP/w2.out"
echo "PostgreSQL: enqueue $(secs "$t2" "$t3") s, workers $(secs "$t3" "$t4") s, total $(secs "$t2" "$t4") s; load after: $(load)"

echo "again: $(./bin/marsad ingest "$CORPUS" --db "$URL" --enqueue --quiet | tail -1)"
./bin/marsad status --db "$URL"

sq() { node -e "const D=require('better-sqlite3');const d=new D(process.argv[1],{readonly:true});console.log(d.prepare(process.argv[2]).pluck().get())" "$TMP/m.db" "$1"; }
pq() { psql "$URL" -tAc "$1"; }
for t in articles events stories story_outlets quotes claims; do echo "$t: sqlite $(sq "SELECT count(*) FROM $t") postgres $(pq "SELECT count(*) FROM $t")"; done
echo "happened stories: sqlite $(sq "SELECT count(*) FROM stories s WHERE EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id AND e.happened = 1 AND e.background = 0)") postgres $(pq "SELECT count(*) FROM stories s WHERE EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id AND e.happened = 1 AND e.background = 0)")"
echo "size: sqlite $(du -cb "$TMP"/m.db* | tail -1 | cut -f1) bytes; postgres $(pq "SELECT pg_database_size(current_database())") bytes (of which pg-boss $(pq "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pgboss' AND c.relkind = 'r'"))"

# exports without what differs by construction: story and article ids, and when a row was stored
norm() { sed -E 's/"(story|article)":[0-9]+//g; s/"first_seen":"[^"]*"//g' | sort; }
for f in jsonl; do
  ./bin/marsad export --format $f --db "$TMP/m.db" 2>/dev/null | norm > "$TMP/a.$f"
  ./bin/marsad export --format $f --db "$URL" 2>/dev/null | norm > "$TMP/b.$f"
  echo "export $f: sqlite $(wc -l < "$TMP/a.$f") rows, postgres $(wc -l < "$TMP/b.$f") rows, $(comm -3 "$TMP/a.$f" "$TMP/b.$f" | wc -l) rows differ"
done
