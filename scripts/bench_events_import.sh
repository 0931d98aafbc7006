#!/usr/bin/env bash
# Event-log import speed (issue #8, README "Speed"): `fanpath import events` of a generated
# 1,000,000-row event log (customer_id,event,timestamp,persona; ~250,000 customers, 12 event
# names, 8 stage rules) as a whole process into a new workspace, against the sqlite3 CLI's
# `.import --csv` of the same file into a new database file. Target: at most 2 times.
# Usage: scripts/bench_events_import.sh [WORK_DIR]   RUNS=5 ROWS=1000000 PROFILE=release
# Needs: sqlite3, awk. Builds the release profile (PROFILE=debug uses the dev profile).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-${TMPDIR:-/tmp}/fanpath-bench-events}
RUNS=${RUNS:-5}
ROWS=${ROWS:-1000000}
PROFILE=${PROFILE:-release}
mkdir -p "$WORK"
if [ "$PROFILE" = release ]; then
    cargo build --release --bin fanpath
else
    cargo build --bin fanpath
fi
FANPATH=target/$PROFILE/fanpath
LOG=$WORK/events-$ROWS.csv
RULES=$WORK/rules.csv

# A website's event log: 12 event names, the later funnel events rarer; times over half a
# year in three notations (UTC with Z, Hanoi time with +07:00, and no zone).
if [ ! -s "$LOG" ]; then
    awk -v rows="$ROWS" 'BEGIN {
        srand(8);
        split("page_view,search,view_item,add_to_cart,begin_checkout,purchase,review,refer_friend,login,newsletter_open,support_ticket,return_request", ev, ",");
        split("Sinh viên,Nhân viên văn phòng,Chủ cửa hàng,", per, ",");
        print "customer_id,event,timestamp,persona";
        for (i = 0; i < rows; i++) {
            c = int(rand() * 250000);
            r = rand();
            if (r < 0.30) e = 1; else if (r < 0.45) e = 2; else if (r < 0.60) e = 3;
            else if (r < 0.70) e = 4; else if (r < 0.76) e = 5; else if (r < 0.82) e = 6;
            else e = 7 + int(rand() * 6);
            m = 1 + int(rand() * 6); d = 1 + int(rand() * 28);
            h = int(rand() * 24); mi = int(rand() * 60); s = int(rand() * 60);
            z = int(rand() * 3);
            if (z == 0) t = sprintf("2024-%02d-%02dT%02d:%02d:%02dZ", m, d, h, mi, s);
            else if (z == 1) t = sprintf("2024-%02d-%02dT%02d:%02d:%02d+07:00", m, d, h, mi, s);
            else t = sprintf("2024-%02d-%02d %02d:%02d:%02d", m, d, h, mi, s);
            printf "KH%06d,%s,%s,%s\n", c, ev[e], t, per[1 + c % 4];
        }
    }' > "$LOG"
fi
printf 'event,occurrence,stage\npage_view,,1\nview_item,,2\nadd_to_cart,,3\npurchase,,4\npurchase,2,5\nreview,,6\npurchase,3,7\nrefer_friend,,8\n' > "$RULES"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); profile $PROFILE"
echo "file: $(wc -l < "$LOG") lines, $(du -h "$LOG" | cut -f1)"
now() { date +%s.%N; }
fanpath_times=()
sqlite_times=()
for run in $(seq "$RUNS"); do
    rm -f "$WORK"/ws.sqlite* "$WORK"/plain.db*
    start=$(now)
    "$FANPATH" --db "$WORK/ws.sqlite" import events "$LOG" --rules "$RULES" --persona-column persona >/dev/null 2>&1
    fanpath_times+=("$(echo "$(now) - $start" | bc)")
    start=$(now)
    sqlite3 "$WORK/plain.db" ".import --csv $LOG t"
    sqlite_times+=("$(echo "$(now) - $start" | bc)")
    echo "run $run: fanpath ${fanpath_times[-1]} s, sqlite3 .import ${sqlite_times[-1]} s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
f=$(median "${fanpath_times[@]}")
q=$(median "${sqlite_times[@]}")
echo "median: fanpath import events $f s, sqlite3 .import $q s, ratio $(echo "scale=2; $f / $q" | bc) (target <= 2)"
"$FANPATH" --db "$WORK/ws.sqlite" report | head -12
