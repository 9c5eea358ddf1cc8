#!/usr/bin/env bash
# Every report as a page (koszyk report NAME --format html): one
# self-contained HTML5 page with the table, SVG bar charts for the reports
# with bars (coverage by sector, category and target group; usage; workload),
# the gmina and the day; nothing fetched from anywhere; text from data
# (a service, a partner) escaped in the chart and in the table.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-05-15

command -v python3 >/dev/null || fail "python3 is needed to read the pages"

# self_contained PAGE: no element that loads (script, link, img, iframe,
# object, embed, use, image, audio, video, source, base, form), no src,
# href, srcset, data, action or poster attribute, no url( or @import in a
# style; prints what it found.
self_contained() {
	python3 - "$1" <<'PY'
import re, sys
from html.parser import HTMLParser
bad = []
class P(HTMLParser):
    in_style = False
    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'link', 'img', 'iframe', 'object', 'embed', 'use',
                   'image', 'audio', 'video', 'source', 'base', 'form', 'frame'):
            bad.append(tag)
        for k, v in attrs:
            if k in ('src', 'href', 'xlink:href', 'srcset', 'data', 'action',
                     'poster', 'background') or (v and re.search(r'url\(|@import', v)):
                bad.append('%s %s=%s' % (tag, k, v))
        self.in_style = tag == 'style'
    def handle_endtag(self, tag):
        self.in_style = False
    def handle_data(self, data):
        if self.in_style and re.search(r'url\(|@import', data):
            bad.append('style: ' + data[:60])
P().feed(open(sys.argv[1], encoding='utf-8').read())
if bad: print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
}

run 0 -d d.db demo
# Hostile names: a partner and its service, used in a plan, so that usage
# and workload name them in their charts and tables.
printf 'name\n"<img src=x onerror=alert(2)> & Co"\n' >p.csv
run 0 -d d.db import csv partners p.csv
printf 'title,provider\n"<script>alert(1)</script> Usługa ""x""","<img src=x onerror=alert(2)> & Co"\n' >s.csv
run 0 -d d.db import csv services s.csv
code=$(KZ_AS=akowalska "$KOSZYK_BIN" --as akowalska -d d.db list cases --json |
	jq -r '[.[] | select(.status != "closed")][0].title')
[ -n "$code" ] && [ "$code" != null ] || fail "the demo has no open case"
run 0 -d d.db case add action "$code" 'service=<script>alert(1)</script> Usługa "x"' due_date=2026-12-15

# Which reports have bars: the JSON of the data layer does not say, the
# text printer draws them as '#'; the page must then hold a chart.
for r in retention coverage gaps usage workload stale overdue outcomes; do
	run 0 -d d.db report "$r" --format html -o "$r.html"
	[ ! -s out ] || fail "report $r -o wrote to stdout too"
	page=$r.html
	[ -s "$page" ] || fail "report $r: no page written"
	head -1 "$page" | grep -qx '<!DOCTYPE html>' || fail "report $r: no HTML5 doctype"
	grep -q '<html lang="en">' "$page" || fail "report $r: lang is not the language shown"
	grep -q '<meta charset="utf-8">' "$page" || fail "report $r: no charset"
	grep -q '<table>' "$page" || fail "report $r: no table"
	grep -q '<thead>' "$page" && grep -q '<tbody>' "$page" || fail "report $r: no thead/tbody"
	grep -q '@page{size:A4' "$page" || fail "report $r: no A4 print rule"
	grep -q 'Generated on 2026-05-15.' "$page" || fail "report $r: no date"
	grep -q 'Gmina Brzozowa Wola' "$page" || fail "report $r: no gmina"
	# Self-contained: no address anywhere, and nothing in the markup
	# (read by an HTML parser, so that escaped text from data does not
	# count) that loads anything.
	! grep -qiE 'https?:|ftp:|file:' "$page" || fail "report $r: an address in the page"
	self_contained "$page" || fail "report $r: the page would load something"
	grep -q "default-src 'none'" "$page" || fail "report $r: no policy forbidding requests"
	run 0 -d d.db report "$r"
	if grep -q '#$' out; then
		grep -q '<svg role="img" aria-labelledby=' "$page" || fail "report $r has bars but no chart"
		grep -q '<rect class="bar"' "$page" || fail "report $r: a chart without bars"
	else
		! grep -q '<svg' "$page" || fail "report $r has no bars but a chart"
	fi
done

# Coverage: three charts (sector, category, target group), one bar row per
# row of the table, each bar's number the row's count.
grep -c '<svg' coverage.html | grep -qx 3 || fail "coverage: not three charts"
rows=$(sed -n '/<tbody>/,/<\/tbody>/p' coverage.html | grep -c '^<tr>')
bars=$(grep -c '^<g><title>' coverage.html)
[ "$rows" -eq "$bars" ] && [ "$rows" -ge 40 ] || fail "coverage: $rows rows but $bars bars"
grep -q '<figcaption id="chart1">Active services — sector</figcaption>' coverage.html ||
	fail "coverage: the first chart is not the sectors"
grep -q '<td class="num">' coverage.html || fail "coverage: numbers not aligned right"
# The largest bar of a chart is full length; the others scaled to it.
grep -q 'width="390.0"' coverage.html || fail "coverage: no bar of full length"
grep -q '<p class="note">' coverage.html || fail "coverage: no note"

# Workload: one chart of the partners, with the unevenness in the note.
grep -c '<svg' workload.html | grep -qx 1 || fail "workload: not one chart"
grep -q 'Unevenness' workload.html || fail "workload: no unevenness note"

# Outcomes: four tables, the first under the page's heading, the others
# each a section with its heading; goals by need area drawn.
[ "$(grep -c '^<section>' outcomes.html)" -eq 3 ] || fail "outcomes: not three sections after the first table"
[ "$(grep -c '<table>' outcomes.html)" -eq 4 ] || fail "outcomes: not four tables"
grep -q '<h1>Outcomes: goals by need area</h1>' outcomes.html || fail "outcomes: the heading"
grep -q '<figcaption id="chart1">Reached — Need area</figcaption>' outcomes.html ||
	fail "outcomes: no chart of the goals reached by need area"

# Hostile text: escaped wherever it appears (chart label, its <title>,
# the table); no tag from data survives.
for page in usage.html workload.html stale.html; do
	! grep -q '<script\|<img' "$page" || fail "$page: markup from data got through"
done
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; Usługa &quot;x&quot;' usage.html ||
	fail "usage: the hostile service is not shown escaped"
grep -qF '<title>&lt;script&gt;alert(1)&lt;/script&gt; Usługa &quot;x&quot;: 1</title>' usage.html ||
	fail "usage: the hostile service has no escaped bar"
grep -qF '&lt;img src=x onerror=alert(2)&gt; &amp; Co' workload.html ||
	fail "workload: the hostile partner is not shown escaped"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' stale.html ||
	fail "stale: the hostile service is not shown escaped"

# To stdout too; in Polish the page says so.
run 0 -d d.db report gaps --format html
head -1 out | grep -qx '<!DOCTYPE html>' || fail "html to stdout"
KOSZYK_LANG=pl run 0 -d d.db report coverage --format html
out_has '<html lang="pl">'
out_has 'Pokrycie'

# A format that is not known keeps its clear error.
run 2 -d d.db report coverage --format pdf
err_has 'the formats are text, csv, json and html'
exit 0
