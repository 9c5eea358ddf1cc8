#!/usr/bin/env bash
# Progress lines: long work (import, export, backup, sync clone, sync
# export and import) shows "LABEL done / total (n%)" with rate and time
# left on stderr, updated in place with a carriage return at most a few
# times a second, when stderr is a terminal (a pseudo-terminal here,
# through python3's pty module); with stderr a file, stderr stays empty.
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || fail "python3 is needed for a pseudo-terminal"

# on_tty ARGS...: koszyk with stderr on a pseudo-terminal: stdout in ./out,
# what the terminal got in ./tty, seconds taken in ./took
on_tty() {
	python3 - "$KOSZYK_BIN" ${KZ_AS:+--as "$KZ_AS"} "$@" <<'PY'
import fcntl, os, pty, struct, subprocess, sys, termios, time
master, slave = pty.openpty()
if os.environ.get("COLS"):  # a terminal of that many columns
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, int(os.environ["COLS"]), 0, 0))
start = time.monotonic()
with open("out", "wb") as out:
    p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=out, stderr=slave)
os.close(slave)
got = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    got += chunk
rc = p.wait()
open("tty", "wb").write(got)
open("took", "w").write("%.3f\n" % (time.monotonic() - start))
sys.exit(rc)
PY
}

# tty_has TEXT: the terminal got TEXT
tty_has() { grep -aqF -- "$1" tty || fail "the terminal did not get \"$1\": $(tr '\r' '|' <tty | head -c 600)"; }

# fits_the_terminal [COLUMNS]: each line narrower than the terminal (80
# columns when the pty says no size), so that it never wraps and the
# carriage return goes back to its start.
fits_the_terminal() {
	python3 - "${1:-80}" <<'PY' || fail "a progress line as wide as the terminal (${1:-80}) or wider: $(tr '\r' '|' <tty | head -c 600)"
import re, sys
text = open("tty", "rb").read().decode("utf-8")
sys.exit(0 if all(len(seg) < int(sys.argv[1]) for seg in re.split(r"[\r\n]", text)) else 1)
PY
}

# Lines updated in place, no more often than 5 times a second (and once
# at the start and the end).
few_updates() {
	local n took
	n=$(tr -cd '\r' <tty | wc -c)
	took=$(cat took)
	[ "$n" -ge 1 ] || fail "no carriage return on the terminal"
	python3 -c "import sys; sys.exit(0 if $n <= 5 * $took + 3 else 1)" ||
		fail "$n updates in $took s: more than 5 a second"
}

run 0 -d a.db demo
provider=$("$KOSZYK_BIN" --as akowalska -d a.db list partners --json | jq -r '.[0].name')
python3 - "$provider" <<'PY'
import csv, sys
with open("s.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["title", "provider", "description"])
    for i in range(4000):
        w.writerow(["Usługa próbna %d" % i, sys.argv[1], "Opis usługi %d" % i])
PY

# Without a terminal: nothing on stderr.
run 0 -d a.db import csv services s.csv
out_has "4000 new"
[ ! -s err ] || fail "stderr is not a terminal, yet it got: $(head -c 300 err)"

# On a terminal: the line, its total, rate and time left, in place.
on_tty -d a.db import csv services s.csv || fail "import on a terminal failed"
grep -q "Imported s.csv: 4000 new" out || fail "the import's result is not on stdout: $(cat out)"
tty_has $'\rImporting: '
tty_has "4000 / 4000 (100%)"
few_updates
fits_the_terminal
# Once a part of a second has passed, the rate (and time left before the
# end) are shown.
if python3 -c "import sys; sys.exit(0 if $(cat took) > 1.5 else 1)"; then
	tty_has " a second"
fi
# The result stays on stdout; the terminal's line ends with a new line.
[ "$(tail -c 1 tty | od -An -c | tr -d ' ')" = '\n' ] || fail "the progress line was not ended"

on_tty -d a.db export csv services -o s2.csv || fail "export on a terminal failed"
tty_has $'\rExporting: '
on_tty -d a.db backup a.bak || fail "backup on a terminal failed"
tty_has $'\rBacking up: '
tty_has "(100%)"
run 0 -d a.db export csv services -o s3.csv
[ ! -s err ] || fail "export: stderr is not a terminal, yet it got: $(head -c 300 err)"
run 0 -d a.db backup a2.bak
[ ! -s err ] || fail "backup: stderr is not a terminal, yet it got: $(head -c 300 err)"

on_tty -d c.db sync clone a.db || fail "clone on a terminal failed"
tty_has $'\rCloning: '
tty_has "(100%)"
on_tty -d a.db sync export ch.kzs || fail "sync export on a terminal failed"
tty_has $'\rWriting changes: '
on_tty -d c.db sync import ch.kzs || fail "sync import on a terminal failed"
tty_has $'\rApplying changes: '
run 0 -d d.db sync clone a.db
[ ! -s err ] || fail "clone: stderr is not a terminal, yet it got: $(head -c 300 err)"
run 0 -d a.db sync export ch2.kzs
[ ! -s err ] || fail "sync export: stderr is not a terminal, yet it got: $(head -c 300 err)"
run 0 -d c.db sync import ch2.kzs
[ ! -s err ] || fail "sync import: stderr is not a terminal, yet it got: $(head -c 300 err)"

# A database of an older koszyk is brought up to date as it opens: its
# search index made anew (migration 26), the line counting its records
# twice (copied, then merged).
# A new database says nothing.
command -v sqlite3 >/dev/null || fail "sqlite3 is needed to make a database older"
docs=$(sqlite3 a.db "SELECT count(*) FROM search_doc")
sqlite3 a.db "PRAGMA user_version = 25"
on_tty -d a.db list partners || fail "opening an older database on a terminal failed"
tty_has $'\rBringing the database up to date: '
tty_has "$((2 * docs)) / $((2 * docs)) (100%)"
fits_the_terminal
# On a narrow terminal the line is cut, never wrapped.
sqlite3 a.db "PRAGMA user_version = 25"
COLS=40 on_tty -d a.db list partners || fail "opening an older database on a narrow terminal failed"
tty_has $'\rBringing the database up to date: '
fits_the_terminal 40
[ "$(sqlite3 a.db "PRAGMA user_version")" -gt 25 ] || fail "the database was not brought up to date"
sqlite3 a.db "PRAGMA user_version = 25"
run 0 -d a.db list partners
[ ! -s err ] || fail "migration: stderr is not a terminal, yet it got: $(head -c 300 err)"
on_tty -d e.db init || fail "init on a terminal failed"
! grep -aq "Bringing" tty || fail "a new database showed a line: $(tr '\r' '|' <tty | head -c 300)"
echo "ok"
