#!/bin/sh
# Make the seed corpora of the fuzz targets that need real files, with
# the program itself: change files (fuzz_sync_file), the same files as a
# "sync serve" request (fuzz_serve), CSV exports of the demo basket
# (fuzz_import). Run from the top of the tree after "make"; writes
# tests/fuzz/corpus/fuzz_{sync_file,serve,import}/gen-*. The demo gets
# the fuzz partnership (tests/fuzz/fuzz_common.h) so that its files fit
# the fuzz databases; files are stored with pages of 512 bytes (small
# inputs mutate better; the reader takes any page size).
set -eu
K=${KOSZYK_BIN:-$PWD/build/koszyk}
C=$PWD/tests/fuzz/corpus
W=$(mktemp -d "${TMPDIR:-/tmp}/koszyk-corpus-XXXXXX")
trap 'rm -rf "$W"' EXIT
export KOSZYK_LANG=en HOME=$W XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data \
	KOSZYK_TODAY=2026-11-23
unset KOSZYK_DB KOSZYK_CONFIG
cd "$W"
k() { "$K" "$@" >/dev/null; }
small() { # FILE: pages of 512 bytes
	sqlite3 "$1" "PRAGMA page_size=512; VACUUM;"
}
mkdir -p "$C/fuzz_sync_file" "$C/fuzz_serve" "$C/fuzz_import"
rm -f "$C"/fuzz_sync_file/gen-* "$C"/fuzz_serve/gen-* "$C"/fuzz_import/gen-*

k -d office.db demo
# ... and its replica id is FUZZ_ORIGIN, which the fuzz databases know.
old=$(sqlite3 office.db "SELECT value FROM meta WHERE key = 'replica_id'")
new=f0220000-0000-4000-8000-000000000002
sqlite3 office.db "UPDATE meta SET value = 'f0220000-0000-4000-8000-000000000001' WHERE key = 'partnership_id';
UPDATE meta SET value = '$new' WHERE key = 'replica_id';
UPDATE sync_tx SET origin = '$new' WHERE origin = '$old';
UPDATE sync_change SET origin = '$new' WHERE origin = '$old';
UPDATE sync_clock SET origin = '$new' WHERE origin = '$old';
UPDATE sync_row SET origin = '$new' WHERE origin = '$old';
UPDATE sync_field SET origin = '$new' WHERE origin = '$old';"
k -d laptop.db --as akowalska sync clone office.db
k -d mnowak.db --as mnowak sync clone office.db

# A coordinator's laptop: a new partner, service, case with a plan; one
# changed, one deleted (through a conflict-free update and an erasure).
code=$("$K" -d laptop.db --as akowalska case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=mnowak)
k -d laptop.db --as akowalska case add member "$code" role=matka birth_year=1990 name=Przykładowa
k -d laptop.db --as akowalska case add plan "$code"
k -d laptop.db --as akowalska case add goal "$code" "what=Pani podejmuje pracę" target_date=2027-05-31 priority=high
k -d laptop.db --as akowalska case add review "$code" review_date=2026-11-23 "participants=Pani" next_review_date=2027-02-23
printf 'name,short_name,kind,sectors,status\nFundacja Fuzz,FF,ngo,pomoc_spoleczna,informal\n' >p.csv
k -d laptop.db --as akowalska import csv partners p.csv || true
k -d laptop.db --as akowalska sync export gen-laptop.sync
small gen-laptop.sync
cp gen-laptop.sync "$C/fuzz_sync_file/gen-laptop"

# The office's answer to a worker's laptop: her cases sent whole
# (snapshots), the header "for".
k -d mnowak.db --as mnowak case add member "$(sqlite3 mnowak.db "SELECT code FROM cases ORDER BY code LIMIT 1")" role=syn birth_year=2015 || true
k -d mnowak.db --as mnowak sync export gen-mnowak.sync
small gen-mnowak.sync
cp gen-mnowak.sync "$C/fuzz_sync_file/gen-mnowak"
k -d office.db --as akowalska sync import gen-laptop.sync
k -d office.db --as akowalska sync export gen-for.sync --for mnowak
small gen-for.sync
cp gen-for.sync "$C/fuzz_sync_file/gen-for-mnowak"
# An empty file: nothing new.
k -d office.db --as akowalska sync export gen-empty.sync
small gen-empty.sync
cp gen-empty.sync "$C/fuzz_sync_file/gen-empty"

# sync serve: FILE SIZE and the bytes.
for f in gen-laptop gen-mnowak gen-empty; do
	{ printf 'FILE %s\n' "$(wc -c <$f.sync)"; cat $f.sync; } >"$C/fuzz_serve/$f"
done

# import: the first byte chooses services (S, even) or partners (P, odd).
"$K" -d office.db export csv services -o s.csv
"$K" -d office.db export csv partners -o p.csv
{ printf 'S'; head -4 s.csv; } >"$C/fuzz_import/gen-services"
{ printf 'P'; head -4 p.csv; } >"$C/fuzz_import/gen-partners"
{ printf 'S'; head -1 s.csv | cut -d, -f2-; sed -n 2p s.csv | cut -d, -f2-; } >"$C/fuzz_import/gen-services-new"
ls -l "$C"/fuzz_sync_file "$C"/fuzz_serve "$C"/fuzz_import
