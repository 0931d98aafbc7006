#!/usr/bin/env bash
# Time and peak memory of `export workspace`, `import workspace`, `backup` and `restore` on a
# demo workspace of N customers (default 100,000), with GNU time.
#
#   scripts/measure_workspace_file.sh [N]        FANPATH=path/to/fanpath to pick the binary
set -euo pipefail
customers=${1:-100000}
fanpath=${FANPATH:-target/release/fanpath}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$fanpath" --db "$dir/demo.sqlite" demo --customers "$customers" >/dev/null

measure() {
    local what=$1
    shift
    /usr/bin/time -v "$@" >/dev/null 2>"$dir/time.txt" || { cat "$dir/time.txt"; exit 1; }
    local seconds peak
    seconds=$(grep 'Elapsed (wall clock)' "$dir/time.txt" | awk '{print $NF}')
    peak=$(grep 'Maximum resident set size' "$dir/time.txt" | awk '{print $NF}')
    printf '%-28s %10s  peak %6d MB\n' "$what" "$seconds" $((peak / 1024))
}

echo "$customers customers: workspace $(du -h "$dir/demo.sqlite" | cut -f1)"
measure "export workspace" "$fanpath" --db "$dir/demo.sqlite" export workspace "$dir/w.json"
echo "workspace file: $(du -h "$dir/w.json" | cut -f1)"
measure "import workspace (new)" "$fanpath" --db "$dir/copy.sqlite" import workspace "$dir/w.json"
measure "import workspace --replace" "$fanpath" --db "$dir/copy.sqlite" import workspace "$dir/w.json" --replace
measure "backup" "$fanpath" --db "$dir/demo.sqlite" backup "$dir/saved.sqlite"
measure "restore" "$fanpath" --db "$dir/copy.sqlite" restore "$dir/saved.sqlite"
