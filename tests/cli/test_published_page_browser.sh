#!/usr/bin/env bash
# The published page (koszyk export html) and the family's plan in
# Debian's headless chromium, driven by selenium as a reader would
# (tests/tools/page_browser.py): the page's search finds what `koszyk
# search` finds (word prefixes, Polish letters folded: "zlobek" finds the
# Żłobek, "lodz" finds Łódź and not "młodzieży") and, besides, services
# by the labels of their category and target groups that the page shows
# ("psycholog" finds those under "Pomoc psychologiczna"), the target group and
# category filters leave only their services, nonsense shows the "nothing
# found" line; screenshots at 1280 and 390 pixels, where the page and the
# plan fit the phone's width; printed on A4 the demo's
# basket takes fewer than 40 pages and the plan at most 6.
#
# Without chromium, chromedriver or Debian's python3-selenium the test
# cannot run: it says SKIP and exits 77 (tests/run.sh counts it as
# skipped). KZ_KEEP_SCREENSHOTS=DIR keeps the screenshots and PDFs there.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-05-15

PY=${KZ_PYTHON:-/usr/bin/python3}
TOOL=$TESTS_DIR/tools/page_browser.py
for need in /usr/bin/chromium /usr/bin/chromedriver "$PY"; do
	[ -x "$need" ] || { echo "SKIP: $need is not installed (apt-get install chromium chromium-driver python3-selenium)"; exit 77; }
done
"$PY" -c 'import selenium' 2>/dev/null || { echo "SKIP: $PY has no selenium (apt-get install python3-selenium)"; exit 77; }

# browse PAGE STEP...: the tool's JSON lines in ./steps
browse() {
	TMPDIR=$WORK timeout 300 "$PY" "$TOOL" "$@" >steps 2>browse.err
	local rc=$?
	[ $rc -eq 77 ] && { cat steps; exit 77; }
	[ $rc -eq 0 ] || fail "the browser failed ($rc): $(tail -5 browse.err)"
}
# line N: the Nth JSON line the tool printed
line() { sed -n "$1p" steps; }
# ids KIND N: the sorted ids of the entries of KIND (service, partner)
# drawn in state line N, without their prefix (s-, p-)
ids() { line "$2" | jq -r --arg k "$1" '.shown[] | select(.kind == $k) | .id[2:]' | sort; }
# cli_ids KIND QUERY: what `koszyk search` finds, sorted ids
cli_ids() {
	run 0 -d demo.db search --json $2
	jq -r --arg k "$1" '.[] | select(.kind == $k) | .id' out | sort
}

run 0 -d demo.db demo
run 0 -d demo.db export html -o page.html
run 0 -d demo.db list services --json
cp out services.json
published_partners=$(grep -o '<article id="p-[^"]*"' page.html | sed 's/.*"p-//; s/"$//' | sort)

queries=(zlobek lodz "psycholog senior" "poradnia psych")
steps=()
for q in "${queries[@]}"; do steps+=("type:$q" state); done
steps+=("type:" "group:seniorzy" state "type:pomoc" state
	"type:" "group:" "cat:k1" state "cat:"
	"type:qqxyzzy" state
	"type:zlobek" "shot:1280:$WORK/page-1280.png" "shot:390:$WORK/page-390.png" fit
	"type:" "shot:1280:$WORK/page-1280.png" "pdf:$WORK/page.pdf")
browse page.html "${steps[@]}"

# The search: the same services and partners as the program's search.
n=0
for q in "${queries[@]}"; do
	n=$((n + 1))
	want_s=$(cli_ids service "$q")
	want_p=$(cli_ids partner "$q" | comm -12 - <(echo "$published_partners"))
	[ -n "$want_s" ] || fail "koszyk search $q finds no service in the demo; the test needs one"
	[ -z "$(comm -23 <(echo "$want_s") <(ids service $n))" ] ||
		fail "the page's search for '$q' does not show services koszyk search finds: page $(ids service $n | tr '\n' ' '), koszyk $(echo $want_s)"
	# a service only the page finds is found by a label it shows
	extra=$(comm -13 <(echo "$want_s") <(ids service $n) | tr '\n' ' ')
	[ -z "$extra" ] || "$PY" - "$q" $extra <<'PYEOF' || fail "the page's search for '$q' shows services koszyk search does not, and not by their labels: $extra"
import json, re, sys, unicodedata
def words(s):
    s = unicodedata.normalize('NFD', s.lower().replace('ł', 'l'))
    return re.findall(r'[a-z0-9]+', ''.join(c for c in s if not unicodedata.combining(c)))
svc = {s['id']: s for s in json.load(open('services.json'))}
q = words(sys.argv[1])
for i in sys.argv[2:]:
    s = svc[i]
    labels = words(' '.join([s.get('category_label') or ''] + (s.get('target_group_labels') or [])))
    if not any(w.startswith(x) for x in q for w in labels):
        sys.exit(1)
PYEOF
	[ "$(ids partner $n)" = "$want_p" ] ||
		fail "the page's search for '$q' shows other partners than koszyk search: page $(ids partner $n | tr '\n' ' '), koszyk $(echo $want_p)"
	shown_s=$(ids service $n | grep -c .)
	shown_p=$(ids partner $n | grep -c .)
	line $n | jq -e --arg c "Shown: $shown_s of " '.count | startswith($c)' >/dev/null ||
		fail "the count line for '$q' does not say $shown_s services: $(line $n | jq .count)"
	line $n | jq -e '.nothing == false' >/dev/null || fail "'$q' found entries but 'Nothing found' is shown"
	echo "search '$q': $shown_s services ($(echo $extra | wc -w) of them by their labels only), $shown_p partners, as koszyk search"
done
# "zlobek": every entry shown is the Żłobek's.
line 1 | jq -e '(.shown | length) > 0 and all(.shown[]; .text | test("Żłobek"))' >/dev/null ||
	fail "zlobek shows an entry without Żłobek: $(line 1 | jq -c '[.shown[].text[0:60]]')"
# "lodz": the prefix rule; a service about "młodzieży" and not Łódź is hidden.
line 2 | jq -e 'all(.shown[]; .search | test("(^| )lodz"))' >/dev/null ||
	fail "lodz shows an entry with no word beginning with lodz"
line 2 | jq -e '[.hidden[] | select(.text | test("młodzieży"))] | length > 0' >/dev/null ||
	fail "lodz: no entry with młodzieży was hidden"
line 2 | jq -e 'all(.shown[]; (.text | test("młodzieży") | not) or (.text | test("Łód|Łodz")))' >/dev/null ||
	fail "lodz shows an entry only for młodzieży"

# The target group filter: every service shown is for seniors, no partner,
# as many as the basket's published services for seniors.
n=$((${#queries[@]} + 1))
want=$(jq '[.[] | select(.status != "archived" and ((";" + (.target_groups // "") + ";") | test(";seniorzy;")))] | length' services.json)
line $n | jq -e --argjson w "$want" '(.shown | length) == $w and all(.shown[]; .kind == "service" and (.groups | test(";seniorzy;")) and (.text | test("Seniorzy")))' >/dev/null ||
	fail "the filter 'seniorzy' shows $(line $n | jq '.shown | length') entries, not the $want services for seniors: $(line $n | jq -c '[.shown[] | .groups]')"
echo "filter seniorzy: $want services"
# ... combined with the search: a part of them, each with the word.
n=$((n + 1))
line $n | jq -e --argjson w "$want" '(.shown | length) > 0 and (.shown | length) < $w and all(.shown[]; (.groups | test(";seniorzy;")) and (.search | test("(^| )pomoc")))' >/dev/null ||
	fail "the filter 'seniorzy' and 'pomoc' show: $(line $n | jq -c '[.shown[] | .text[0:50]]')"
# The category filter: only the first section's services.
n=$((n + 1))
first_cat=$(grep -o '<section id="k1">' page.html | head -1)
[ -n "$first_cat" ] || fail "the page has no first category"
line $n | jq -e '(.shown | length) > 0 and all(.shown[]; .kind == "service")' >/dev/null ||
	fail "the category filter shows: $(line $n | jq -c '[.shown[] | .id]')"
[ "$(line $n | jq '.shown | length')" = "$(sed -n '/<section id="k1">/,/<\/section>/p' page.html | grep -c '<article ')" ] ||
	fail "the category filter does not show the whole first category"
# Nonsense: nothing shown, and the line that says so.
n=$((n + 1))
line $n | jq -e '(.shown | length) == 0 and .nothing == true and .nothing_text == "Nothing found." and (.count | startswith("Shown: 0 of "))' >/dev/null ||
	fail "nonsense: $(line $n | jq -c '{n: (.shown | length), nothing, nothing_text, count}')"

# Screenshots and the printed page.
for w in 1280 390; do
	head -c 24 "$WORK/page-$w.png" | od -An -tx1 | tr -d ' \n' | grep -q "^89504e470d0a1a0a" ||
		fail "no PNG screenshot at $w pixels"
	got=$(od -An -tu1 -j16 -N4 "$WORK/page-$w.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
	[ "$got" = "$w" ] || fail "the screenshot at $w pixels is $got pixels wide"
done
# On a phone the page fits its width: nobody scrolls sideways.
line $((n + 1)) | jq -e '.scroll <= .inner' >/dev/null ||
	fail "the page is wider than a 390-pixel phone: $(line $((n + 1)))"
pages=$(line $((n + 2)) | jq .pages)
echo "the basket printed on A4: $pages pages"
[ "$pages" -gt 0 ] && [ "$pages" -lt 40 ] || fail "the basket prints on $pages A4 pages (want fewer than 40)"

# The family's plan, printed.
run 0 -d demo.db plan R/2026/001 --format html -o plan.html
browse plan.html "shot:1280:$WORK/plan-1280.png" "shot:390:$WORK/plan-390.png" fit "pdf:$WORK/plan.pdf"
line 1 | jq -e '.scroll <= .inner' >/dev/null ||
	fail "the plan is wider than a 390-pixel phone: $(line 1)"
for w in 1280 390; do
	[ "$(od -An -tu1 -j16 -N4 "$WORK/plan-$w.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')" = "$w" ] ||
		fail "no screenshot of the plan at $w pixels"
done
plan_pages=$(line 2 | jq .pages)
echo "the plan printed on A4: $plan_pages pages"
[ "$plan_pages" -gt 0 ] && [ "$plan_pages" -le 6 ] || fail "the plan prints on $plan_pages A4 pages (want at most 6)"
if command -v pdfinfo >/dev/null; then
	[ "$(pdfinfo "$WORK/page.pdf" | awk '/^Pages:/ {print $2}')" = "$pages" ] ||
		fail "pdfinfo counts other pages than the test: $(pdfinfo "$WORK/page.pdf" | grep Pages)"
fi
if [ -n "${KZ_KEEP_SCREENSHOTS:-}" ]; then
	mkdir -p "$KZ_KEEP_SCREENSHOTS" &&
		cp "$WORK"/page-*.png "$WORK"/plan-*.png "$WORK"/*.pdf "$KZ_KEEP_SCREENSHOTS/"
fi
exit 0
