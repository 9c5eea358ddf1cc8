#!/bin/bash
# Partners: the list shows membership ("declaration signed on DATE"); the
# partner screen shows its details, services and contact persons; a
# contact person is added through a form and found in the contacts list.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
cat >"$E2E_DIR/partners.csv" <<'CSV'
name,short_name,status,declaration_date,role,resources
Stowarzyszenie Testowe Qwertyński,STQ,declared,2025-01-15,Prowadzi świetlicę dla dzieci.,"Sala, dwóch wolontariuszy."
CSV
kz import csv partners "$E2E_DIR/partners.csv" >/dev/null 2>&1 || fail "partner import failed"
import_service "Świetlica Qwertyńska" "Stowarzyszenie Testowe Qwertyński"

e2e_start
wait_for "Basket of services"
keys 2
wait_line 1 "Partners"
wait_for "Membership"
wait_for "declaration signed on"
wait_for "cooperating informally"
# The selected partner's role and resources show under the list.
wait_for "Role in the partnership"
wait_for "Resources it brings"

search "qwertynski"
wait_for "Stowarzyszenie Testowe Qwertyński"
keys Enter
wait_for "/ Search"
keys Enter
wait_line 1 "Partner"
wait_for "declaration signed on 2025-01-15"
wait_for "Prowadzi świetlicę dla dzieci."
wait_for "Services and activities (1)"
wait_for "Świetlica Qwertyńska"
wait_for "Contact persons (0)"

# Add a contact person from the partner's screen.
keys a
wait_for "Add to this partner"
keys Enter
wait_for "New contact person"
wait_for "Stowarzyszenie Testowe Qwertyński"
type_text "Zofia Źrebięcka"
keys Tab
keys Tab
type_text "koordynatorka świetlicy"
keys F2
wait_for "Saved: Zofia Źrebięcka"
wait_for "Contact persons (1)"
wait_for "Zofia Źrebięcka, koordynatorka świetlicy"

# The contacts list finds her.
keys 3
wait_line 1 "Contact persons"
search "zrebiecka"
wait_for "Zofia Źrebięcka"
# The partner's name is wider than its column: its short name (issue 12).
line_with "Zofia Źrebięcka" | grep -qF "STQ" || fail "the contact's partner is not shown by its short name"
keys Enter
keys Enter
wait_for "When reachable"
wait_for "koordynatorka świetlicy"
e2e_pass
