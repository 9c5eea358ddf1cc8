#!/bin/bash
# A refused save puts the cursor on the field the data layer names (the
# field of struct kz_error), not on one found by matching the translated
# label: a declared partner without a date goes to "Declaration signed
# on" (the message begins "Membership: ..."), in English and in Polish.
. "$(dirname "$0")/lib.sh"

# new_declared_partner NAME PICK NOT_SAVED SAVED: add a partner whose
# membership is a signed declaration; the first save is refused; the
# date typed next lands in the date field.
new_declared_partner() {
	local name=$1 pick=$2 not_saved=$3 saved=$4
	keys 2
	keys a
	wait_for "$5"
	type_text "$name"
	# Name, short name, kind, sectors, address, phone, e-mail, website:
	# the ninth field is the membership.
	keys Tab Tab Tab Tab Tab Tab Tab Tab
	keys Enter
	type_text "$pick"
	keys Enter
	wait_for "$pick"
	keys F2
	wait_for "$not_saved"
	type_text "2026-01-15"
	keys F2
	wait_for "$saved: $name"
}

e2e_demo_db
e2e_start
wait_for "Basket of services"
new_declared_partner "Fundacja Ogniskowa" "declaration signed" "Not saved" "Saved" "New partner"
keys Q
wait_exit >/dev/null
kz list partners --status declared | grep -F "Fundacja Ogniskowa" | grep -qF "2026-01-15" ||
	fail "the date typed after the refusal is not the declaration date"

E2E_LANG=pl
e2e_start
wait_for "Lokalny Koszyk Usług"
new_declared_partner "Fundacja Ogniskowa Druga" "deklaracja podpisana" "Nie zapisano" "Zapisano" "Nowy partner"
keys Q
wait_exit >/dev/null
kz list partners --status declared | grep -F "Fundacja Ogniskowa Druga" | grep -qF "2026-01-15" ||
	fail "(pl) the date typed after the refusal is not the declaration date"
e2e_pass
