#!/usr/bin/env bash
# Builds the Debian package with `cargo deb` (release build), unpacks it into a temporary
# directory with `dpkg -x` (no root, nothing installed on this machine), checks that the
# icon and menu entry are where a desktop looks for them, and runs the packaged binary:
# `fanpath --version` and `fanpath --db TMP demo`.
#
# `--strip`: the release profile keeps line tables for backtraces, which would make the
# packaged binary ~200 MB; stripped it is ~20 MB.
# Needs cargo-deb (`cargo install cargo-deb`) and dpkg. Usage: scripts/check_deb.sh [--no-build]
# (--no-build checks the newest .deb already in target/debian).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" != "--no-build" ]]; then
    cargo deb --strip
fi
deb=$(ls -t target/debian/fanpath_*.deb | head -n 1)
echo "package: $deb ($(du -h "$deb" | cut -f1))"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"

for file in usr/bin/fanpath \
    usr/share/applications/fanpath.desktop \
    usr/share/icons/hicolor/256x256/apps/fanpath.png \
    usr/share/icons/hicolor/scalable/apps/fanpath.svg; do
    [[ -e "$root/$file" ]] || { echo "missing in the package: $file" >&2; exit 1; }
done
grep -q '^Exec=fanpath$' "$root/usr/share/applications/fanpath.desktop"
grep -q '^Icon=fanpath$' "$root/usr/share/applications/fanpath.desktop"
dpkg-deb --field "$deb" Package Version Depends

version=$("$root/usr/bin/fanpath" --version)
echo "$version"
[[ "$version" == "fanpath $(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)" ]]

"$root/usr/bin/fanpath" --db "$root/demo.sqlite" demo --customers 500
"$root/usr/bin/fanpath" --db "$root/demo.sqlite" report | head -n 5
echo "ok: the package installs fanpath with its icon and menu entry, and it runs"
