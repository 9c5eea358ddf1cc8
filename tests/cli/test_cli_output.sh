#!/usr/bin/env bash
# Files written with -o: onto something that is not a regular file koszyk
# writes through it (a FIFO, /dev/stdout, a device) and never replaces it;
# a symbolic link is followed; a regular file is replaced at once and
# keeps its group and mode, but a file with personal data never becomes
# readable by others; a folder is refused.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
run 0 -d d.db demo

# a symbolic link: the file it points to gets the text, the link stays
echo old >target.md
ln -s target.md link.md
run 0 -d d.db export md -o link.md
[ -L link.md ] || fail "the symbolic link was replaced"
grep -q "^# " target.md || fail "the file the link points to was not written"

# a FIFO: written through, still a FIFO
mkfifo pipe.md
cat pipe.md >from-pipe.md &
reader=$!
run 0 -d d.db export md -o pipe.md
wait "$reader"
[ -p pipe.md ] || fail "the FIFO was replaced by a file"
grep -q "^# " from-pipe.md || fail "nothing came through the FIFO"

# /dev/stdout: the text on standard output
"$KOSZYK_BIN" --as akowalska -d d.db export md -o /dev/stdout >stdout.md 2>err ||
	fail "export -o /dev/stdout failed: $(cat err)"
grep -q "^# " stdout.md || fail "nothing on standard output with -o /dev/stdout"
[ -c /dev/stdout ] || [ -L /dev/stdout ] || fail "/dev/stdout is no longer what it was"

# a full device: a clear message, exit 3, the device stays a device
if [ -c /dev/full ] && [ -w /dev/full ]; then
	run 3 -d d.db export md -o /dev/full
	err_has "disk is full"
	[ -c /dev/full ] || fail "/dev/full was replaced by a file"
else
	echo "no writable /dev/full here: that part is skipped"
fi

# a folder: refused, left as it is
mkdir folder.md
run 3 -d d.db export md -o folder.md
err_has "folder.md"
[ -d folder.md ] || fail "the folder was replaced"

# a regular file keeps its group and mode
echo old >kept.md
chmod 640 kept.md
if [ "$(id -u)" -eq 0 ] && getent group daemon >/dev/null; then
	chgrp daemon kept.md
fi
group=$(stat -c %G kept.md)
run 0 -d d.db export md -o kept.md
[ "$(stat -c %a kept.md)" = 640 ] || fail "the file lost its mode: $(stat -c %a kept.md)"
[ "$(stat -c %G kept.md)" = "$group" ] || fail "the file lost its group: $(stat -c %G kept.md)"
grep -q "^# " kept.md || fail "the file was not written"

# personal data: never readable by others, even over a file that was
code=$(KZ_AS=akowalska "$KOSZYK_BIN" --as akowalska -d d.db list cases --json | jq -r '[.[] | select(.manager == "akowalska")][0].title')
echo old >plan.txt
chmod 644 plan.txt
run 0 -d d.db plan "$code" -o plan.txt
[ "$(stat -c %a plan.txt)" = 600 ] || fail "a plan was written readable by others: $(stat -c %a plan.txt)"
run 0 -d d.db plan "$code" -o new-plan.txt
[ "$(stat -c %a new-plan.txt)" = 600 ] || fail "a new plan file is readable by others"
[ -z "$(ls -A | grep -E '\.[A-Za-z0-9]{6}$')" ] || fail "temporary files left: $(ls -A)"
exit 0
