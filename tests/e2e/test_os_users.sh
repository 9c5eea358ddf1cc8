#!/bin/bash
# Who may see and change what, on the screen of real operating-system
# users (runuser) of a database that is no demo: the login decides the
# role, a worker's cases screen and lookup show hers only, a viewer is
# offered no change and sees no case. Needs root to create the users.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	echo "$E2E_NAME: SKIP (needs root, useradd and runuser)"
	exit 77
fi
P=kze$$
COORD=${P}k ALA=${P}a OLA=${P}o VIEWER=${P}v
cleanup_users() {
	for u in $COORD $ALA $OLA $VIEWER; do userdel "$u" >/dev/null 2>&1; done
	e2e_cleanup
}
trap cleanup_users EXIT
for u in $COORD $ALA $OLA $VIEWER; do
	useradd --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$u" ||
		fail "useradd $u"
done
chmod 755 "$E2E_DIR"
mkdir -m 1777 "$E2E_DIR/shared"
E2E_CONFIG=$E2E_DIR/shared/koszyk.yaml
E2E_DB=$E2E_DIR/shared/k.db
sed '/^users:/,$d' "$(dirname "$0")/../../config/koszyk.yaml" >"$E2E_CONFIG"
cat >>"$E2E_CONFIG" <<YAML
users:
  - {login: $COORD, name: "Koordynatorka Ewa", role: coordinator}
  - {login: $ALA, name: "Alicja Pracownik", role: worker}
  - {login: $OLA, name: "Olga Pracownik", role: worker}
  - {login: $VIEWER, name: "Gość Wiktor", role: viewer}
YAML
chmod 644 "$E2E_CONFIG"
as_user() { # USER ARGS...: a command of koszyk run by that user
	local u=$1
	shift
	runuser -u "$u" -- env -i PATH=/usr/bin:/bin HOME=/nonexistent KOSZYK_LANG=en \
		KOSZYK_TODAY="$E2E_TODAY" "$KOSZYK_BIN" -c "$E2E_CONFIG" -d "$E2E_DB" "$@"
}
as_user "$COORD" init >/dev/null 2>&1 || fail "init as the coordinator"
chmod 666 "$E2E_DB"
printf 'name,short_name,status,declaration_date\nOśrodek Pomocy Społecznej,OPS,declared,2025-01-10\n' >"$E2E_DIR/shared/p.csv"
printf 'title,provider\nPoradnictwo rodzinne,OPS\n' >"$E2E_DIR/shared/s.csv"
as_user "$COORD" import csv partners "$E2E_DIR/shared/p.csv" >/dev/null || fail "import partners"
as_user "$COORD" import csv services "$E2E_DIR/shared/s.csv" >/dev/null || fail "import services"
ala_case=$(as_user "$ALA" case open legal_basis=statutory legal_basis_note=asystent manager="$ALA") ||
	fail "Ala opens a case"
ola_case=$(as_user "$OLA" case open legal_basis=statutory legal_basis_note=asystent manager="$OLA") ||
	fail "Ola opens a case"

# A worker: her cases screen, her name, nothing of Ola's.
E2E_OS_USER=$ALA
e2e_start KOSZYK_USER="$OLA" USER="$OLA" LOGNAME="$OLA"
wait_line 1 "Cases"
wait_for "Alicja Pracownik"
wait_for "$ala_case"
assert_not_contains "$ola_case"
assert_not_contains "DEMO"
# the global lookup does not find Ola's case either
keys s
wait_for "Look up"
type_text "$ola_case"
wait_for "Nothing found."
keys Escape Escape
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"

# A viewer: the basket, no Add, no cases, a refusal that says why.
E2E_OS_USER=$VIEWER
e2e_start
wait_line 1 "Basket"
wait_for "Poradnictwo rodzinne"
assert_not_contains "a Add"
keys a
wait_for "may only look"
assert_not_contains "New service"
keys 4
wait_for "sees no cases"
# the dashboard counts every case, and names none
keys 0
wait_line 1 "Dashboard"
wait_for "Open cases 2"
assert_not_contains "$ala_case"
assert_not_contains "sees no cases"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"

# The coordinator sees both cases.
E2E_OS_USER=$COORD
e2e_start
wait_for "koszyk │"
keys 4
wait_line 1 "Cases"
keys m
wait_for "$ala_case"
wait_for "$ola_case"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"
e2e_pass
