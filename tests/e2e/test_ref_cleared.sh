#!/usr/bin/env bash
# A reference that no longer fits is emptied, as the kind table says: a
# service's contact person goes when another provider is chosen, with a
# message, and the form shows the new provider.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
first=$(kz list services --json | jq -r 'sort_by(.title) | .[0] | [.provider_name, .contact_name // ""] | @tsv')
provider=${first%%	*}
contact=${first#*	}
[ -n "$contact" ] || fail "the first service of the demo has no contact person"

e2e_start
wait_for "157 of 157"
keys e
wait_for "Edit service or activity"
keys PgDn
wait_for "$contact"
keys PgUp
wait_for "Provider *"
keys Tab Tab Tab Enter
wait_for "Type to narrow"
type_text "Gminny Ośrodek Pomocy"
wait_for "GOPS Brzozowa Wola"
keys Enter
wait_for "The contact person was cleared: choose one of the new provider's people."
line_with "Provider *" | grep -q "Gminny Ośrodek Pomocy Społecznej" || fail "the new provider is not shown"
keys PgDn
wait_for "Contact person"
line_with "Contact person" | grep -qF "$contact" && fail "the old provider's contact person is still there"
e2e_pass
