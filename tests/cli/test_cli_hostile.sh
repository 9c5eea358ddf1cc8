#!/usr/bin/env bash
# Text from data never drives a terminal: services imported from a
# partner's spreadsheet and a goal typed on the command line carry escape
# sequences (a window title, clear screen), C0 and C1 control characters
# and a right-to-left override. The raw bytes that commands write to the
# terminal and to text files hold none of them; JSON keeps the data exact.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
command -v python3 >/dev/null || fail "python3 is needed to scan raw bytes"

ESC=$'\033' BEL=$'\007' RLO=$'\u202e' CSI1=$'\u009b'
run 0 -d d.db demo
provider=$(KZ_AS=akowalska "$KOSZYK_BIN" --as akowalska -d d.db list partners --json | jq -r '.[0].title')
{
	printf 'title,provider,description\n'
	printf '"EVIL1 %s]0;pwned%s title","%s","opis %s[2J czyszczenie"\n' "$ESC" "$BEL" "$provider" "$ESC"
	printf '"EVIL2 %s gnalb %s31m x","%s","dzwonek %s i powrot karetki\r"\n' "$RLO" "$CSI1" "$provider" "$BEL"
} >evil.csv
run 0 -d d.db import csv services evil.csv
code=$(KZ_AS=akowalska "$KOSZYK_BIN" --as akowalska -d d.db list cases --json | jq -r '[.[] | select(.manager == "akowalska" and .status != "closed")][0].title')
[ -n "$code" ] && [ "$code" != null ] || fail "the demo has no open case of the coordinator"
run 0 -d d.db case add goal "$code" "what=Cel ${ESC}[2J${ESC}]0;tytul${BEL} ${RLO}odwrocony" target_date=2027-05-31 priority=high

# clean FILE WHAT: no control character but newline and tab, no C1, no
# bidirectional control, in the raw bytes
clean() {
	python3 - "$1" <<'PY' || fail "$2 writes a control character or a bidi override: $(od -c "$1" | grep -m3 -E '033|007|302 233|342 200 256')"
import sys
data = open(sys.argv[1], 'rb').read()
bad = [b for b in data if (b < 0x20 and b not in (0x0a, 0x09)) or b == 0x7f]
text = data.decode('utf-8', 'replace')
bad += [c for c in text if 0x80 <= ord(c) <= 0x9f or ord(c) in
        (0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
         0x2066, 0x2067, 0x2068, 0x2069)]
sys.exit(1 if bad else 0)
PY
}
# raw ARGS...: stdout and stderr of koszyk as the coordinator, both kept
raw() { "$KOSZYK_BIN" --as akowalska -d d.db "$@" >raw.out 2>raw.err; }

raw search evil
grep -qF "EVIL1" raw.out || fail "search evil finds nothing (the test proves nothing)"
clean raw.out "search"
grep -qF "?]0;pwned? title" raw.out || fail "search does not show the escape harmlessly: $(cat raw.out)"
raw list services
clean raw.out "list services"
raw plan "$code"
grep -qF "odwrocony" raw.out || fail "the plan lacks the goal (the test proves nothing)"
clean raw.out "plan"
raw plan "$code" --format md
clean raw.out "plan --format md"
raw export md -o basket.md
grep -qF "EVIL2" basket.md || fail "export md lacks the service (the test proves nothing)"
clean basket.md "export md -o"
raw plan "$code" --format text -o plan.txt
clean plan.txt "plan -o"
# data in a message on stderr
raw plan "R/${ESC}]0;x${BEL}/1"
[ -s raw.err ] || fail "no message for an unknown code"
clean raw.err "a message about an unknown case code"
raw search "${ESC}[2J${RLO}"
clean raw.out "search for control characters"
clean raw.err "search for control characters (stderr)"

# JSON keeps the data exact (its own escaping)
raw search --json evil
jq -e --arg t "EVIL1 ${ESC}]0;pwned${BEL} title" 'any(.[]; .title == $t)' raw.out >/dev/null ||
	fail "JSON changed the title: $(head -c 400 raw.out)"
jq -e --arg t "EVIL2 ${RLO} gnalb ${CSI1}31m x" 'any(.[]; .title == $t)' raw.out >/dev/null ||
	fail "JSON changed the second title"
raw gdpr export "$code"
jq -e --arg w "Cel ${ESC}[2J${ESC}]0;tytul${BEL} ${RLO}odwrocony" '[.. | objects | select(has("what")) | .what] | index($w) != null' raw.out >/dev/null ||
	fail "gdpr export changed the goal"

# --- CSV: cells a spreadsheet would evaluate are neutralised, and come back exact ---
{
	printf 'title,provider,description,cost,hours\n'
	printf '"FORMULA =HYPERLINK","%s","=HYPERLINK(""http://zly.example"",""kliknij"")","-2+3","@SUM(1)"\n' "$provider"
	printf '"FORMULA plus","%s","+cmd|'"'"' /C calc'"'"'!A0","'"'"'=juz z apostrofem","\tTAB"\n' "$provider"
} >formula.csv
run 0 -d d.db import csv services formula.csv
run 0 -d d.db list services --all --json
jq -S '[.[] | select(.title | startswith("FORMULA"))] | sort_by(.title)' out >before.json
[ "$(jq length before.json)" = 2 ] || fail "the formula services were not imported"
jq -e 'any(.[]; .description == "=HYPERLINK(\"http://zly.example\",\"kliknij\")")' before.json >/dev/null ||
	fail "the imported formula text changed on the way in: $(cat before.json)"
raw export csv services -o exported.csv
python3 - exported.csv <<'PY' || fail "export csv writes a cell a spreadsheet would evaluate: $(grep FORMULA exported.csv)"
import csv, sys
bad = []
for row in csv.reader(open(sys.argv[1], newline='', encoding='utf-8')):
    for cell in row:
        if cell[:1] in ('=', '+', '-', '@', '\t', '\r'):
            bad.append(cell)
sys.exit(1 if bad else 0)
PY
grep -qF "\"'=HYPERLINK(" exported.csv || fail "the formula cell is not neutralised with an apostrophe"
# back in: exactly the same text
run 0 -d d.db import csv services exported.csv
run 0 -d d.db list services --all --json
jq -S '[.[] | select(.title | startswith("FORMULA"))] | sort_by(.title)' out >after.json
jq -S 'map(del(.updated_at, .updated_by, .rev))' before.json >b.json
jq -S 'map(del(.updated_at, .updated_by, .rev))' after.json >a.json
cmp -s b.json a.json || fail "export csv -> import csv changed formula-like cells: $(diff b.json a.json | head -20)"

# --- codes the configuration does not know are refused, nothing written ---------------
run 0 -d d.db list services --all --json
count=$(jq length out)
bad_code() { # FILE KIND COLUMN CODE
	run 2 -d d.db import csv "$2" "$1"
	err_has "column \"$3\""
	err_has "\"$4\" is not a code of the configuration"
	err_has "use one of:"
}
printf 'title,provider,category\n"Ok","%s","praca"\n"Zla kategoria","%s","opieka_dzieci"\n' "$provider" "$provider" >c1.csv
bad_code c1.csv services category opieka_dzieci
err_has "row 3"
printf 'title,provider,target_groups\n"Zla grupa","%s","seniorzy; kosmici"\n' "$provider" >c2.csv
bad_code c2.csv services target_groups kosmici
printf 'name,sectors\n"Nowy partner","nieznany"\n' >c3.csv
bad_code c3.csv partners sectors nieznany
run 0 -d d.db list services --all --json
[ "$(jq length out)" = "$count" ] || fail "a refused import wrote services"
run 0 -d d.db list partners --json
jq -e 'all(.[]; .title != "Nowy partner")' out >/dev/null || fail "a refused import wrote a partner"
exit 0
