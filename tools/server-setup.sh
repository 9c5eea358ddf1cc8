#!/bin/sh
# Make this machine the office server of a partnership: one database that
# several people use through koszyk, and that none of them can read, copy
# or change around it (with sqlite3, cp, cat).
#
#   sh tools/server-setup.sh [DIR]        (as root; DIR default /srv/koszyk)
#
# What it does (the pattern of crontab and mail spools):
#   - a system group "koszyk" with no members;
#   - the koszyk program setgid to that group (chmod 2755), so that only
#     the program holds the group, and only while it opens the database;
#   - DIR owned by root, group koszyk, mode 2770: closed to everybody else;
#   - DIR/koszyk.yaml (root's, readable by the group only): the roles of
#     the people; DIR/koszyk.db (mode 0660, group koszyk).
# Each person then runs:  koszyk -d DIR/koszyk.db   (or sets KOSZYK_DB).
# Environment: KOSZYK_BIN (default: the installed koszyk), KOSZYK_GROUP
# (default koszyk), KOSZYK_SERVER_CONFIG (default config/koszyk.yaml).
set -eu
dir=${1:-/srv/koszyk}
group=${KOSZYK_GROUP:-koszyk}
bin=${KOSZYK_BIN:-$(command -v koszyk || echo /usr/local/bin/koszyk)}
config=${KOSZYK_SERVER_CONFIG:-$(dirname "$0")/../config/koszyk.yaml}

if [ "$(id -u)" -ne 0 ]; then
	echo "server-setup: run as root" >&2
	exit 2
fi
[ -x "$bin" ] || { echo "server-setup: no koszyk program at $bin" >&2; exit 2; }
getent group "$group" >/dev/null || groupadd --system "$group"
chown root:"$group" "$bin"
chmod 2755 "$bin"
install -d -o root -g "$group" -m 2770 "$dir"
if [ ! -f "$dir/koszyk.yaml" ]; then
	install -o root -g "$group" -m 0640 "$config" "$dir/koszyk.yaml"
fi
if [ ! -f "$dir/koszyk.db" ]; then
	"$bin" -c "$dir/koszyk.yaml" -d "$dir/koszyk.db" init >/dev/null
fi
for f in "$dir"/koszyk.db "$dir"/koszyk.db-wal "$dir"/koszyk.db-shm; do
	[ -e "$f" ] || continue
	chown root:"$group" "$f"
	chmod 0660 "$f"
done
echo "server-setup: $dir is ready; people run: koszyk -d $dir/koszyk.db"
