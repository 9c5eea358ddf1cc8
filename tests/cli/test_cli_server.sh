#!/bin/bash
# The office server (tools/server-setup.sh): several real users work on
# one database through the setgid koszyk; none of them can open or copy it
# around koszyk, and no option or variable makes koszyk reach a file the
# user could not reach alone. Needs root (CI runs as root); SKIP otherwise.
. "$(dirname "$0")/lib.sh"
KZ_AS=

if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	echo "SKIP: needs root, useradd and runuser"
	exit 77
fi
if findmnt -n -o OPTIONS -T "$WORK" | grep -qw nosuid; then
	echo "SKIP: $WORK is on a file system mounted nosuid"
	exit 77
fi
command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3 shell"; exit 77; }

# Under make sanitize: LeakSanitizer cannot stop a setgid process (it is
# not dumpable), so leaks are looked for in the other tests; any other
# report still ends the program with an error.
SAN_ENV=
[ -n "${ASAN_OPTIONS:-}" ] && SAN_ENV="ASAN_OPTIONS=detect_leaks=0"
P=kzs$$
GROUP=${P}g COORD=${P}k ALA=${P}a OUT=${P}x
cleanup() {
	for u in $COORD $ALA $OUT; do userdel "$u" >/dev/null 2>&1; done
	groupdel "$GROUP" >/dev/null 2>&1
	rm -rf "$WORK"
}
trap cleanup EXIT
for u in $COORD $ALA $OUT; do
	useradd --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$u" ||
		fail "useradd $u"
done
chmod 755 "$WORK"
mkdir -m 755 "$WORK/bin" && cp "$KOSZYK_BIN" "$WORK/bin/koszyk"
mkdir -m 1777 "$WORK/pub"
SRV=$WORK/srv
sed '/^users:/,$d' "$TESTS_DIR/../config/koszyk.yaml" >"$WORK/server.yaml"
{
	echo "users:"
	echo "  - {login: $COORD, name: \"Koordynatorka\", role: coordinator}"
	echo "  - {login: $ALA, name: \"Ala Pracownik\", role: worker}"
} >>"$WORK/server.yaml"
KOSZYK_BIN=$WORK/bin/koszyk KOSZYK_GROUP=$GROUP KOSZYK_SERVER_CONFIG=$WORK/server.yaml \
	sh "$TESTS_DIR/../tools/server-setup.sh" "$SRV" >"$WORK/setup.out" 2>&1 ||
	fail "server-setup.sh failed: $(cat "$WORK/setup.out")"
[ "$(stat -c %a "$WORK/bin/koszyk")" = 2755 ] || fail "koszyk is not setgid"
[ "$(stat -c '%U %G %a' "$SRV")" = "root $GROUP 2770" ] || fail "server folder: $(stat -c '%U %G %a' "$SRV")"
DB=$SRV/koszyk.db

# u USER EXPECTED_EXIT ARGS...: the setgid koszyk run by that user
u() {
	local user=$1 want=$2
	shift 2
	runuser -u "$user" -- env -i PATH=/usr/bin:/bin HOME=/nonexistent KOSZYK_LANG=en \
		${SAN_ENV:-} ${EXTRA_ENV:-} "$WORK/bin/koszyk" "$@" >"$WORK/out" 2>"$WORK/err"
	local got=$?
	[ "$got" -eq "$want" ] || fail "$user: koszyk $* exited $got, expected $want: $(cat "$WORK/err")"
}
# around USER COMMAND...: the user's own try, which must fail
around() {
	local user=$1
	shift
	if runuser -u "$user" -- "$@" >"$WORK/out" 2>&1; then
		fail "$user could run: $*"
	fi
}

# --- work through koszyk -----------------------------------------------------
printf 'name,short_name,status,declaration_date\nOśrodek Pomocy Społecznej,OPS,declared,2025-01-10\n' >"$WORK/pub/p.csv"
printf 'title,provider\nPoradnictwo rodzinne,OPS\n' >"$WORK/pub/s.csv"
u "$COORD" 0 -d "$DB" import csv partners "$WORK/pub/p.csv"
u "$COORD" 0 -d "$DB" import csv services "$WORK/pub/s.csv"
u "$ALA" 0 -d "$DB" case open legal_basis=statutory legal_basis_note=asystent manager="$ALA"
code=$(cat "$WORK/out")
u "$ALA" 0 -d "$DB" case add plan "$code"
u "$ALA" 0 -d "$DB" case add goal "$code" "what=Tajny cel rodziny" target_date=2027-03-31
u "$COORD" 0 -d "$DB" list cases
grep -qF "$code" "$WORK/out" || fail "the coordinator does not see Ala's case"
# a login that is not in the configuration: the basket only
u "$OUT" 0 -d "$DB" list services
grep -q "Poradnictwo rodzinne" "$WORK/out" || fail "an unlisted user cannot read the basket"
u "$OUT" 2 -d "$DB" list cases
u "$OUT" 2 -d "$DB" import csv services "$WORK/pub/s.csv"
# The files of the database belong to the group, closed to others.
for f in "$DB" "$DB-wal" "$DB-shm"; do
	[ -e "$f" ] || continue
	m=$(stat -c '%G %A' "$f")
	[ "$m" = "$GROUP -rw-rw----" ] || fail "$f is $m"
done

# --- around koszyk: nothing -----------------------------------------------------
for user in $ALA $COORD $OUT; do
	around "$user" sqlite3 "$DB" "SELECT code FROM cases"
	around "$user" cp "$DB" "$WORK/pub/copy-$user.db"
	around "$user" cat "$DB"
	around "$user" ls "$SRV"
	around "$user" cat "$SRV/koszyk.yaml"
done
ls "$WORK/pub" | grep -q copy && fail "a copy of the database was made"

# --- no option reaches a file the user could not reach alone ----------------------
# a koszyk database in a folder of the group that is no server folder
# (not root's): the group is not used for it
mkdir -m 2770 "$WORK/grp"
chown daemon:"$GROUP" "$WORK/grp"
cp "$DB" "$WORK/grp/other.db"
chown daemon:"$GROUP" "$WORK/grp/other.db"
chmod 660 "$WORK/grp/other.db"
u "$ALA" 3 -d "$WORK/grp/other.db" list services
u "$ALA" 3 -d /etc/shadow list services
grep -q "root:" "$WORK/out" "$WORK/err" && fail "something of /etc/shadow was shown"
# -o into the server folder, or into root's: refused, nothing written
u "$COORD" 3 -d "$DB" export html -o "$SRV/leak.html"
[ -e "$SRV/leak.html" ] && fail "export wrote into the server folder"
u "$COORD" 3 -d "$DB" export html -o /root/koszyk-leak.html
[ -e /root/koszyk-leak.html ] && { rm -f /root/koszyk-leak.html; fail "export wrote into /root"; }
u "$ALA" 0 -d "$DB" export html -o "$WORK/pub/basket.html"
[ "$(stat -c %U "$WORK/pub/basket.html")" = "$ALA" ] || fail "the export does not belong to Ala"
# sync files and backups are written with the user's own rights
u "$COORD" 3 -d "$DB" sync export "$SRV/x.sync"
[ -e "$SRV/x.sync" ] && fail "sync export wrote into the server folder"
u "$ALA" 2 -d "$DB" backup "$WORK/pub/ala.db"
[ -e "$WORK/pub/ala.db" ] && fail "a worker copied the whole database"
u "$COORD" 0 -d "$DB" backup "$WORK/pub/coord.db"
[ "$(stat -c '%U %a' "$WORK/pub/coord.db")" = "$COORD 600" ] ||
	fail "backup: $(stat -c '%U %a' "$WORK/pub/coord.db")"
# the server's configuration cannot be replaced, nor its users be played
sed "s/role: worker}/role: coordinator}/" "$WORK/server.yaml" >"$WORK/pub/mine.yaml"
u "$ALA" 2 -d "$DB" -c "$WORK/pub/mine.yaml" list cases
grep -q "its own configuration" "$WORK/err" || fail "-c: $(cat "$WORK/err")"
EXTRA_ENV="KOSZYK_CONFIG=$WORK/pub/mine.yaml" u "$ALA" 2 -d "$DB" list cases
EXTRA_ENV="KOSZYK_DB=$DB KOSZYK_USER=$COORD USER=$COORD LOGNAME=$COORD" u "$ALA" 2 report retention
u "$ALA" 2 --as "$COORD" -d "$DB" list cases
# a new database cannot be made in the server folder
u "$ALA" 2 -d "$SRV/new.db" init
grep -q "only root makes one" "$WORK/err" || fail "init in the server folder: $(cat "$WORK/err")"
[ -e "$SRV/new.db" ] && fail "init made a database in the server folder"
# and all of it left the database sound
u "$COORD" 0 -d "$DB" check
exit 0
