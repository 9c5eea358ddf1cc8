#!/bin/bash
# w on a report saves it as a page (the same page as koszyk report NAME
# --format html): the name asked for is offered, and the message names the
# whole path of the file written, also when a relative name was typed.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
# The program starts in the test's folder: a relative name lands there.
cd "$E2E_DIR" || fail "no folder $E2E_DIR"
E2E_COLS=120 e2e_start
wait_for "Basket of services"
keys 7
wait_line 1 "Reports"
keys Enter
wait_line 1 "Report: Coverage"
wait_for "w Save as a page"
keys w
wait_for "Save the page as: coverage-$E2E_TODAY.html"
keys Enter
page=$E2E_DIR/coverage-$E2E_TODAY.html
wait_for "The report was saved as a page to $page."
[ -s "$page" ] || fail "no page at $page"
grep -q '<svg role="img"' "$page" || fail "the page has no chart"
kz report coverage --format html -o "$E2E_DIR/cli.html" || fail "the command failed"
cmp -s "$page" "$E2E_DIR/cli.html" || fail "the page differs from koszyk report coverage --format html"
[ "$(stat -c %a "$page")" = 600 ] || fail "the page is not private (mode $(stat -c %a "$page"))"

# Another name, relative and roundabout: the message says it whole and plain.
mkdir -p "$E2E_DIR/sub"
keys w
wait_for "Save the page as:"
keys C-u
type_text "sub/../sub/pokrycie.html"
keys Enter
wait_for "The report was saved as a page to $E2E_DIR/sub/pokrycie.html."
[ -s "$E2E_DIR/sub/pokrycie.html" ] || fail "no page in sub/"

# Esc: nothing is saved.
keys w
wait_for "Save the page as:"
keys Escape
wait_for "Not saved."
keys q
wait_line 1 "Reports"
e2e_pass
