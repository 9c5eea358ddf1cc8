#!/usr/bin/env bash
# The report pages (koszyk report NAME --format html) in Debian's headless
# chromium: coverage, usage, workload and outcomes are drawn (a screenshot of 1280x1600
# with the chart's bars in it and many lines of text), and the page asks
# for nothing outside itself.
#
# How "nothing outside itself" is proven, two ways at once, each with a
# control page that must be caught (so that a chromium whose logs read
# differently fails the test instead of passing it blindly):
#  1. The network log (--log-net-log): every request chromium's network
#     stack starts is there, and a request made for the page carries the
#     page's site (file://) in its network isolation key; chromium's own
#     background requests (updates, time) carry "null" or google's site.
#     No request of the page may be in it. Control: a page without a
#     policy that loads http://koszyk-control.invalid/x.png.
#  2. The console: the page forbids every load by its Content-Security-
#     Policy (default-src 'none'), so any load it tried, a file next to it
#     too (file:// loads are not in the network log), is refused and
#     logged as a violation (--enable-logging=stderr). No violation may be
#     logged. Control: a page with the same policy and <img src="x.png">.
# --host-resolver-rules="MAP * ~NOTFOUND" makes every name unresolvable,
# so nothing leaves this machine whatever happens (chromium's own update
# checks included). chromium runs as root in CI, hence --no-sandbox; its
# profile is a folder of the test's own.
#
# Without /usr/bin/chromium the test cannot run: it says SKIP and exits 77
# (tests/run.sh counts it as skipped, never as passed).
# KZ_KEEP_SCREENSHOTS=DIR keeps the screenshots there to look at.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-05-15

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
	echo "SKIP: $CHROMIUM is not installed (apt-get install chromium)"
	exit 77
fi
command -v python3 >/dev/null || fail "python3 is needed to read the network log and the screenshots"

# render NAME URL: chromium draws URL into NAME.png; its network log goes to
# NAME.netlog, its console and log to NAME.log.
render() {
	local name=$1 url=$2 profile
	profile=$(mktemp -d "$WORK/profile-XXXXXX")
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--user-data-dir="$profile" --no-first-run --disable-sync \
		--disable-background-networking --disable-component-update \
		--host-resolver-rules="MAP * ~NOTFOUND" \
		--log-net-log="$WORK/$name.netlog" \
		--enable-logging=stderr --log-level=0 \
		--hide-scrollbars --window-size=1280,1600 --screenshot="$WORK/$name.png" \
		"$url" >"$WORK/$name.log" 2>&1 ||
		fail "chromium failed on $url: $(tail -5 "$WORK/$name.log")"
	rm -rf "$profile"
	[ -s "$WORK/$name.netlog" ] || fail "chromium wrote no network log for $url"
}

# page_requests NAME: the addresses requested for the page (file:// in the
# network isolation key), one a line.
page_requests() {
	python3 - "$WORK/$1.netlog" <<'PY'
import json, sys
text = open(sys.argv[1], encoding='utf-8').read()
try:
    log = json.loads(text)
except ValueError:  # a log cut short at exit: close its list of events
    log = json.loads(text.rstrip().rstrip(',') + ']}')
for e in log.get('events', []):
    p = e.get('params') or {}
    if 'url' in p and 'file://' in str(p.get('network_isolation_key', '')):
        print(p['url'])
PY
}

# refused NAME: the loads the page's policy refused (console messages).
refused() {
	grep -a 'CONSOLE' "$WORK/$1.log" | grep -a 'Content Security Policy' || true
}

# drawn NAME: the screenshot is a 1280x1600 PNG with at least LINES rows
# that are not blank and at least BARS rows with the bars' colour (#1f4e79).
drawn() {
	python3 - "$WORK/$1.png" "$2" "$3" <<'PY'
import struct, sys, zlib
path, want_lines, want_bars = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, 'rb').read()
if data[:8] != b'\x89PNG\r\n\x1a\n':
    sys.exit('not a PNG')
pos, idat, ihdr = 8, b'', None
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    chunk = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        ihdr = struct.unpack('>IIBBBBB', chunk)
    elif kind == b'IDAT':
        idat += chunk
    pos += 12 + n
w, h, depth, colour = ihdr[:4]
if (w, h) != (1280, 1600) or depth != 8 or colour not in (2, 6):
    sys.exit('unexpected PNG: %dx%d depth %d colour %d' % (w, h, depth, colour))
bpp = 3 if colour == 2 else 4
raw, stride, prev = zlib.decompress(idat), w * bpp, bytearray(w * bpp)
lines = bars = 0
for y in range(h):
    f = raw[y * (stride + 1)]
    row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = row[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: row[i] = (row[i] + a) & 255
        elif f == 2: row[i] = (row[i] + b) & 255
        elif f == 3: row[i] = (row[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = row
    px = [tuple(row[i:i + 3]) for i in range(0, stride, bpp)]
    if any(q != (255, 255, 255) for q in px):
        lines += 1
    if any(abs(q[0] - 0x1f) <= 4 and abs(q[1] - 0x4e) <= 4 and abs(q[2] - 0x79) <= 4 for q in px):
        bars += 1
print('%d drawn rows, %d rows with bars' % (lines, bars))
if lines < want_lines or bars < want_bars:
    sys.exit('too little drawn: %d rows (want %d), %d with bars (want %d)'
             % (lines, want_lines, bars, want_bars))
PY
}

# The controls: each way of catching a request catches one.
printf '<!DOCTYPE html>\n<html><body><p>control</p><img src="http://koszyk-control.invalid/x.png" alt=""></body></html>\n' >control-net.html
render control-net "file://$WORK/control-net.html"
page_requests control-net | grep -q 'koszyk-control.invalid' ||
	fail "the network log does not show the control page's request; this chromium's log cannot prove anything: $(head -c 300 "$WORK/control-net.netlog")"
printf '<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Security-Policy" content="default-src '"'none'"'"></head><body><p>control</p><img src="x.png" alt=""></body></html>\n' >control-csp.html
render control-csp "file://$WORK/control-csp.html"
refused control-csp | grep -q 'x.png' ||
	fail "the console does not show the control page's refused load; this chromium's log cannot prove anything: $(grep -a CONSOLE "$WORK/control-csp.log" | head -3)"

run 0 -d d.db demo
for r in coverage usage workload outcomes; do
	run 0 -d d.db report "$r" --format html -o "$r.html"
	render "$r" "file://$WORK/$r.html"
	[ -z "$(page_requests "$r")" ] || fail "report $r: the page made requests: $(page_requests "$r" | head -3)"
	[ -z "$(refused "$r")" ] || fail "report $r: the page tried to load something: $(refused "$r" | head -3)"
	drawn "$r" 400 100 >drawn.txt 2>&1 || fail "report $r: the screenshot: $(cat drawn.txt)"
	echo "$r: $(cat drawn.txt)"
	if [ -n "${KZ_KEEP_SCREENSHOTS:-}" ]; then
		mkdir -p "$KZ_KEEP_SCREENSHOTS" && cp "$WORK/$r.png" "$KZ_KEEP_SCREENSHOTS/"
	fi
done
exit 0
