#!/usr/bin/env bash
# Open-time measurements of issue #9 (README, "Speed"):
#   1. `fanpath report` as a whole process on a ~1,000,000-event workspace, against the
#      bare sqlite3 CLI computing the same aggregates (target: at most 1.5 times);
#   2. the window's first frame on a 1,000,000-customer workspace, against a minimal
#      eframe app built the same way (target: at most 1.3 times), under Xvfb.
# Usage: scripts/measure_open.sh [WORK_DIR]   (the workspaces are kept there for reruns)
# Needs: sqlite3, Xvfb (xvfb-run), bc. Builds the release profile; PROFILE=debug uses the dev
# profile instead (dependencies, SQLite and egui included, are optimised there too).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-${TMPDIR:-/tmp}/fanpath-measure}
RUNS=${RUNS:-7}
PROFILE=${PROFILE:-release}
mkdir -p "$WORK"
if [ "$PROFILE" = release ]; then
    cargo build --release --bin fanpath --example minimal_window
else
    cargo build --bin fanpath --example minimal_window
fi
FANPATH=target/$PROFILE/fanpath
MINIMAL=target/$PROFILE/examples/minimal_window

# 256,000 demo customers make about a million stage events.
EVENTS_DB=$WORK/events-1m.sqlite
[ -s "$EVENTS_DB" ] || "$FANPATH" --db "$EVENTS_DB" demo --customers 256000 >/dev/null
CUSTOMERS_DB=$WORK/customers-1m.sqlite
[ -s "$CUSTOMERS_DB" ] || "$FANPATH" --db "$CUSTOMERS_DB" demo --customers 1000000 >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); profile $PROFILE"

# The report's numbers in plain SQL: customers per persona and furthest stage, events per
# stage, the median days per stage (by skipping to the middle row, as the report does) and
# the emotion statistics per stage.
SQL="
SELECT persona_id, furthest_stage, count(*) FROM customers GROUP BY persona_id, furthest_stage;
SELECT stage, count(*) FROM stage_events GROUP BY stage;
SELECT s.stage, (SELECT days_from_start FROM stage_events e WHERE e.stage = s.stage
                 ORDER BY days_from_start LIMIT 2 OFFSET (s.n - 1) / 2)
FROM (SELECT stage, count(*) AS n FROM stage_events GROUP BY stage) AS s;
SELECT stage, count(*), avg(score), min(score), max(score) FROM emotions GROUP BY stage;
SELECT id, name, color FROM personas;
"

# Median wall time in milliseconds of RUNS runs of a command.
median_ms() {
    local times=()
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

events=$(sqlite3 "$EVENTS_DB" 'SELECT count(*) FROM stage_events')
echo "workspace: $events events in $EVENTS_DB"
report=$(median_ms "$FANPATH" --db "$EVENTS_DB" report)
bare=$(median_ms sqlite3 -readonly "$EVENTS_DB" "$SQL")
echo "fanpath report: ${report} ms; sqlite3: ${bare} ms; ratio $(echo "scale=2; $report / $bare" | bc) (target <= 1.5)"

# First frame, in-process time printed by each program, median of RUNS.
first_frame_ms() {
    local times=()
    for _ in $(seq "$RUNS"); do
        times+=($(FANPATH_EXIT_AFTER_FIRST_FRAME=1 xvfb-run -a -s "-screen 0 1920x1080x24" "$@" 2>&1 \
            | sed -n 's/^first frame after \([0-9]*\) ms$/\1/p'))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}
customers=$(sqlite3 "$CUSTOMERS_DB" 'SELECT count(*) FROM customers')
window=$(first_frame_ms "$FANPATH" --db "$CUSTOMERS_DB")
minimal=$(first_frame_ms "$MINIMAL")
echo "window first frame ($customers customers): ${window} ms; minimal eframe app: ${minimal} ms; ratio $(echo "scale=2; $window / $minimal" | bc) (target <= 1.3)"
