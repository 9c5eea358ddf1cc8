#!/bin/bash
# Who may see and change what, with real operating-system users: identity
# comes from the login, roles hold on the command line, a worker sees only
# her cases, a refused change leaves the database exactly as it was.
# Needs root (CI runs as root) to create the users; SKIP otherwise.
. "$(dirname "$0")/lib.sh"
KZ_AS=

if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	echo "SKIP: needs root, useradd and runuser to create users"
	exit 77
fi

# Logins of this run; removed at the end.
P=kz$$
COORD=${P}k VIEWER=${P}v ALA=${P}a OLA=${P}o NOBODY=${P}n
USERS="$COORD $VIEWER $ALA $OLA $NOBODY"
cleanup() {
	for u in $USERS; do userdel "$u" >/dev/null 2>&1; done
	rm -rf "$WORK"
}
trap cleanup EXIT
for u in $USERS; do
	useradd --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$u" ||
		fail "useradd $u"
done

chmod 755 "$WORK"
mkdir -m 1777 "$WORK/shared"
CFG=$WORK/shared/koszyk.yaml
sed '/^users:/,$d' "$TESTS_DIR/../config/koszyk.yaml" >"$CFG"
cat >>"$CFG" <<EOF
users:
  - {login: $COORD, name: "Koordynatorka", role: coordinator}
  - {login: $ALA, name: "Ala Pracownik", role: worker}
  - {login: $OLA, name: "Ola Pracownik", role: worker}
  - {login: $VIEWER, name: "Gość", role: viewer}
EOF
chmod 644 "$CFG"
DB=$WORK/shared/k.db

# kz USER EXPECTED_EXIT ARGS...: koszyk run by that operating-system user
# (a clean environment, English), stdout in ./out, stderr in ./err.
kz() {
	local user=$1 want=$2
	shift 2
	runuser -u "$user" -- env -i PATH=/usr/bin:/bin HOME=/nonexistent \
		KOSZYK_LANG=en KOSZYK_TODAY=2026-11-23 ${EXTRA_ENV:-} \
		"$KOSZYK_BIN" -c "$CFG" -d "$DB" "$@" >"$WORK/out" 2>"$WORK/err"
	local got=$?
	[ "$got" -eq "$want" ] || fail "$user: koszyk $* exited $got, expected $want"
}
dump() { runuser -u "$COORD" -- env -i "$KOSZYK_BIN" -c "$CFG" -d "$DB" sync dump 2>/dev/null; }
# refused USER ARGS...: exit 2, a message, nothing written.
refused() {
	local user=$1
	shift
	local before after
	before=$(dump)
	kz "$user" 2 "$@"
	[ -s "$WORK/err" ] || fail "$user: koszyk $* was refused without a message"
	after=$(dump)
	[ "$before" = "$after" ] || fail "$user: koszyk $* was refused but changed the database"
}

# --- the database, made by the coordinator and shared by the group --------
kz "$COORD" 0 init
chmod 666 "$DB"
printf 'name,short_name,status,declaration_date\nOśrodek Pomocy Społecznej,OPS,declared,2025-01-10\n' >"$WORK/shared/p.csv"
printf 'title,provider\nPoradnictwo rodzinne,OPS\n' >"$WORK/shared/s.csv"
kz "$COORD" 0 import csv partners "$WORK/shared/p.csv"
kz "$COORD" 0 import csv services "$WORK/shared/s.csv"
# Each worker opens her own case; the coordinator one for Ola.
kz "$ALA" 0 case open legal_basis=statutory legal_basis_note="asystent rodziny" manager="$ALA"
ALA_CASE=$(cat "$WORK/out")
kz "$OLA" 0 case open legal_basis=statutory legal_basis_note="asystent rodziny" manager="$OLA"
OLA_CASE=$(cat "$WORK/out")
kz "$COORD" 0 case open legal_basis=statutory legal_basis_note="Niebieska Karta" manager="$OLA"
OLA_CASE2=$(cat "$WORK/out")
kz "$OLA" 0 case add plan "$OLA_CASE"
kz "$OLA" 0 case add goal "$OLA_CASE" "what=Tajny cel rodziny Oli" target_date=2027-03-31
kz "$ALA" 0 case add plan "$ALA_CASE"
kz "$ALA" 0 case add goal "$ALA_CASE" "what=Cel rodziny Ali" target_date=2027-03-31

# --- identity: the operating system, never a variable ------------------------
for var in KOSZYK_USER USER LOGNAME; do
	EXTRA_ENV="$var=$OLA" kz "$ALA" 0 list cases
	grep -qF "$OLA_CASE" "$WORK/out" && fail "$var=$OLA let $ALA see Ola's case"
	grep -qF "$ALA_CASE" "$WORK/out" || fail "$ALA does not see her own case with $var set"
done
refused "$ALA" --as "$OLA" list cases
grep -q "demo database" "$WORK/err" || fail "--as on a real database: $(cat "$WORK/err")"

# --- viewer: reads the basket, changes nothing, no case at all ------------------
kz "$VIEWER" 0 list services
grep -q "Poradnictwo rodzinne" "$WORK/out" || fail "the viewer cannot read the basket"
kz "$VIEWER" 0 search --json poradnictwo
refused "$VIEWER" import csv services "$WORK/shared/s.csv"
grep -q "may only look" "$WORK/err" || fail "viewer refusal does not say who may: $(cat "$WORK/err")"
refused "$VIEWER" case open legal_basis=statutory legal_basis_note=x manager="$VIEWER"
refused "$VIEWER" list cases
refused "$VIEWER" case add goal "$ALA_CASE" what=x target_date=2027-01-01
refused "$VIEWER" plan "$ALA_CASE"
refused "$VIEWER" meeting add date=2026-12-01 title=Spotkanie
# A login not in the configuration is a viewer.
kz "$NOBODY" 0 list services
refused "$NOBODY" import csv partners "$WORK/shared/p.csv"
refused "$NOBODY" list cases

# --- worker: her cases only; the basket and meetings -----------------------------
kz "$ALA" 0 list cases
grep -qF "$ALA_CASE" "$WORK/out" || fail "$ALA does not see her case"
grep -qF "$OLA_CASE" "$WORK/out" && fail "$ALA sees Ola's case in list cases"
kz "$ALA" 0 list cases --json
jq -e --arg c "$OLA_CASE" 'all(.[]; .title != $c)' "$WORK/out" >/dev/null ||
	fail "$ALA sees Ola's case in list cases --json"
kz "$ALA" 1 search --json "$OLA_CASE"
for cmd in "plan $OLA_CASE" "gdpr export $OLA_CASE"; do
	refused "$ALA" $cmd
	grep -qx "koszyk: There is no case $OLA_CASE." "$WORK/err" ||
		fail "$ALA: $cmd does not answer as for a missing case: $(cat "$WORK/err")"
done
# ... exactly as for a code that does not exist
refused "$ALA" plan R/2099/999
grep -qx "koszyk: There is no case R/2099/999." "$WORK/err" || fail "unknown code: $(cat "$WORK/err")"
refused "$ALA" case add goal "$OLA_CASE" what=x target_date=2027-01-01
refused "$ALA" case share "$OLA_CASE" "$ALA"
refused "$ALA" case open legal_basis=statutory legal_basis_note=x manager="$OLA"
grep -q "only a coordinator may open a case for someone else" "$WORK/err" ||
	fail "opening for someone else: $(cat "$WORK/err")"
refused "$ALA" gdpr erase "$ALA_CASE" --yes
grep -q "Only a coordinator may erase" "$WORK/err" || fail "erase: $(cat "$WORK/err")"
refused "$ALA" report retention
kz "$ALA" 0 import csv services "$WORK/shared/s.csv"
kz "$ALA" 0 meeting add date=2026-12-01 time=10:00 title="Spotkanie zespołu"
kz "$ALA" 0 plan "$ALA_CASE"
grep -q "Cel rodziny Ali" "$WORK/out" || fail "$ALA cannot print her plan"
# The raw text of Ola's plan never reaches Ala.
kz "$ALA" 0 gdpr export "$ALA_CASE"
grep -q "Tajny cel" "$WORK/out" && fail "Ola's goal in Ala's export"
# Reports count every case, but name only hers.
kz "$ALA" 0 report overdue
grep -qF "$OLA_CASE" "$WORK/out" && fail "report names Ola's case to Ala"

# --- sharing: by the manager or a coordinator ---------------------------------------
refused "$OLA" case share "$OLA_CASE" nosuchlogin
grep -q "not a user of koszyk.yaml" "$WORK/err" || fail "share with unknown login: $(cat "$WORK/err")"
refused "$OLA" case share "$OLA_CASE" "$VIEWER"
kz "$OLA" 0 case share "$OLA_CASE" "$ALA"
kz "$ALA" 0 list cases
grep -qF "$OLA_CASE" "$WORK/out" || fail "a shared case is not visible"
grep -qF "$OLA_CASE2" "$WORK/out" && fail "sharing one case showed another"
kz "$ALA" 0 case add goal "$OLA_CASE" "what=Wspólny cel" target_date=2027-03-31
# Ala may not pass it on, Ola takes it back.
refused "$ALA" case share "$OLA_CASE" "$COORD"
refused "$ALA" case unshare "$OLA_CASE" "$ALA"
kz "$OLA" 0 case unshare "$OLA_CASE" "$ALA"
kz "$ALA" 0 list cases
grep -qF "$OLA_CASE" "$WORK/out" && fail "an unshared case is still visible"
refused "$OLA" case unshare "$OLA_CASE" "$ALA"

# --- coordinator: everything -----------------------------------------------------------
kz "$COORD" 0 list cases
for c in "$ALA_CASE" "$OLA_CASE" "$OLA_CASE2"; do
	grep -qF "$c" "$WORK/out" || fail "the coordinator does not see $c"
done
kz "$COORD" 0 case share "$OLA_CASE2" "$ALA"
kz "$COORD" 0 case unshare "$OLA_CASE2" "$ALA"
kz "$COORD" 0 report retention
kz "$COORD" 0 gdpr erase "$OLA_CASE2" --yes

# --- bad configurations -------------------------------------------------------------------
sed 's/role: viewer}/role: boss}/' "$CFG" >"$WORK/shared/bad1.yaml"
runuser -u "$ALA" -- env -i "$KOSZYK_BIN" -c "$WORK/shared/bad1.yaml" -d "$DB" list services \
	>/dev/null 2>&1
[ $? -eq 2 ] || fail "an unknown role is not refused with exit 2"
{ cat "$CFG"; echo "  - {login: $ALA, name: \"Druga Ala\", role: coordinator}"; } >"$WORK/shared/bad2.yaml"
runuser -u "$ALA" -- env -i "$KOSZYK_BIN" -c "$WORK/shared/bad2.yaml" -d "$DB" list services \
	>/dev/null 2>"$WORK/err"
[ $? -eq 2 ] || fail "a duplicate login is not refused with exit 2"
exit 0
