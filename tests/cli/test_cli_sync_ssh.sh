#!/usr/bin/env bash
# Sync over a real ssh connection: the test starts its own sshd on
# 127.0.0.1 (its own port, host key, user key and configuration in the
# temporary folder), clones a laptop from the "server" database over ssh,
# edits both, exchanges both ways in one `sync ssh`, and checks that both
# hold the same data and the same conflict. Then sessions that break off
# halfway: exit 3, a message saying so, both databases as they were, and
# the next exchange works.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
# Users of the demo (--as): akowalska, the coordinator, by default
# (lib.sh: KZ_AS); on the laptop mnowak edits; at the office
# akowalska. (The far side of ssh runs as the login ssh gives.)
# The laptop holds every case here (mnowak is a coordinator in this
# test); a worker's laptop over sync ssh is tested in test_cli_need.sh.
mkdir -p "$XDG_CONFIG_HOME/koszyk"
sed 's/login: mnowak, name: "Marta Nowak", role: worker/login: mnowak, name: "Marta Nowak", role: coordinator/' \
	"$TESTS_DIR/../config/koszyk.yaml" >"$XDG_CONFIG_HOME/koszyk/koszyk.yaml"
grep -q 'login: mnowak, name: "Marta Nowak", role: coordinator' "$XDG_CONFIG_HOME/koszyk/koszyk.yaml" ||
	fail "the test configuration does not make mnowak a coordinator"

SSHD=/usr/sbin/sshd
[ -x "$SSHD" ] || fail "$SSHD is missing: install openssh-server (tools/install-deps.sh does)"
command -v ssh >/dev/null || fail "ssh is missing: install openssh-client (tools/install-deps.sh does)"
command -v ssh-keygen >/dev/null || fail "ssh-keygen is missing: install openssh-client"

# K: koszyk without the out/err files of run, acting as $KZ_AS like run
K() { "$KOSZYK_BIN" ${KZ_AS:+--as "$KZ_AS"} "$@"; }
# koszyk's temporary files go here, and none may be left at the end
export TMPDIR=$WORK/tmp
mkdir -p "$TMPDIR"
no_temporary_files() {
	[ -z "$(ls -A "$TMPDIR")" ] || fail "temporary files left behind: $(ls -A "$TMPDIR")"
}

sshd_pid=
stop_sshd() {
	if [ -n "$sshd_pid" ]; then
		kill "$sshd_pid" 2>/dev/null
		wait "$sshd_pid" 2>/dev/null
		sshd_pid=
	fi
}
trap 'stop_sshd; rm -rf "$WORK"' EXIT

ssh-keygen -q -N '' -t ed25519 -f "$WORK/host_key" || fail "ssh-keygen (host key)"
ssh-keygen -q -N '' -t ed25519 -f "$WORK/user_key" || fail "ssh-keygen (user key)"
cp "$WORK/user_key.pub" "$WORK/authorized_keys"
chmod 600 "$WORK/authorized_keys"
me=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
	mkdir -p /run/sshd
	root_login="PermitRootLogin prohibit-password"
else
	root_login=""
fi

SSH_OPTS="-F /dev/null -i $WORK/user_key -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR -o ConnectTimeout=10"

# start sshd on a free port: a port taken makes sshd exit at once
port=
for try in 0 1 2 3 4 5 6 7 8 9; do
	p=$((20000 + ($$ * 7 + try * 131) % 20000))
	cat >"$WORK/sshd_config" <<EOF
Port $p
ListenAddress 127.0.0.1
HostKey $WORK/host_key
AuthorizedKeysFile $WORK/authorized_keys
PidFile $WORK/sshd.pid
StrictModes no
UsePAM no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
$root_login
EOF
	"$SSHD" -D -e -f "$WORK/sshd_config" 2>>"$WORK/sshd.log" &
	sshd_pid=$!
	for _ in $(seq 1 100); do
		if ! kill -0 "$sshd_pid" 2>/dev/null; then
			wait "$sshd_pid" 2>/dev/null
			sshd_pid=
			break
		fi
		# shellcheck disable=SC2086
		if ssh $SSH_OPTS -p "$p" "$me@127.0.0.1" true 2>/dev/null; then
			port=$p
			break
		fi
		sleep 0.1
	done
	[ -n "$port" ] && break
	stop_sshd
done
[ -n "$port" ] || fail "could not start sshd: $(tail -5 "$WORK/sshd.log")"

# timeout: a session that hangs fails the test instead of stopping it
export KOSZYK_SSH="timeout 60 ssh -p $port $SSH_OPTS"
# The far side runs as the person who logs in over ssh; sshd here logs in
# as the user running the tests, so on the demo database the remote
# koszyk acts as mnowak, the laptop's owner (the server registers the
# laptop as hers, and takes from it only changes made under her name).
# (ssh does not pass the environment: the configuration is given.)
printf '#!/bin/sh\nexec "%s" -c "%s" --as mnowak "$@"\n' "$KOSZYK_BIN" \
	"$XDG_CONFIG_HOME/koszyk/koszyk.yaml" >"$WORK/remote-koszyk"
chmod 755 "$WORK/remote-koszyk"
export KOSZYK_REMOTE=$WORK/remote-koszyk
HUB=$WORK/hub.db
TARGET=$me@127.0.0.1:$HUB

status() { K -d "$1" sync status | sed -n "s/^$2: //p"; }
set_service() { # DB ID FIELD VALUE
	K -d "$1" list services --all --json |
		jq -r --arg id "$2" --arg f "$3" --arg v "$4" \
			'"id,title,provider,\($f)", (.[] | select(.id == $id) | [.id, .title, .provider_name, $v] | @csv)' >set.csv
	[ "$(wc -l <set.csv)" -eq 2 ] || fail "no service $2 in $1"
	run 0 -d "$1" import csv services set.csv
	out_has "0 new, 1 updated"
}
field() { K -d "$1" list services --all --json | jq -r --arg id "$2" --arg f "$3" '.[] | select(.id == $id) | .[$f]'; }
same() { # the two databases hold the same data and list the same conflicts
	KZ_AS=akowalska K -d hub.db sync dump >hub.dump
	KZ_AS=akowalska K -d lap.db sync dump >lap.dump
	[ -s hub.dump ] || fail "empty dump"
	cmp -s hub.dump lap.dump || fail "$1: the server and the laptop hold different data: $(diff hub.dump lap.dump | head -c 1500)"
	K -d hub.db list conflicts --json >hub.conf
	K -d lap.db list conflicts --json >lap.conf
	cmp -s hub.conf lap.conf || fail "$1: the server and the laptop list different conflicts: $(diff hub.conf lap.conf)"
}
snapshot() {
	for db in hub lap; do
		KZ_AS=akowalska K -d $db.db sync dump >$db.snap.dump
		K -d $db.db sync status >$db.snap.status
	done
}
unchanged() {
	for db in hub lap; do
		KZ_AS=akowalska K -d $db.db sync dump >$db.now.dump
		K -d $db.db sync status >$db.now.status
		cmp -s $db.snap.dump $db.now.dump || fail "$1: the data of $db.db changed: $(diff $db.snap.dump $db.now.dump | head -c 1500)"
		cmp -s $db.snap.status $db.now.status || fail "$1: sync status of $db.db changed: $(diff $db.snap.status $db.now.status)"
	done
}

# --- a laptop cloned over ssh ------------------------------------------------------
run 0 -d hub.db demo
run 0 -d lap.db sync clone "$TARGET"
out_has "Created lap.db"
[ "$(stat -c %a lap.db)" = 600 ] || fail "the clone is readable by its owner only"
[ "$(status lap.db Partnership)" = "$(status hub.db Partnership)" ] || fail "the clone is not in the server's partnership"
[ "$(status lap.db "This replica")" != "$(status hub.db "This replica")" ] || fail "the clone has the server's replica id"
# the partnership's key came with the clone (its id; never the key)
run 0 -d hub.db key show
hub_key=$(cat out)
run 0 -d lap.db key show
[ "$(cat out)" = "$hub_key" ] || fail "the clone over ssh does not hold the office's key: $(cat out) / $hub_key"
same "after the clone"
run 2 -d lap.db sync clone "$TARGET"
err_has "already exists"

# --- edits on both sides, one exchange both ways ----------------------------------------
mapfile -t S < <(K -d hub.db list services --json | jq -r '[.[].id] | sort | .[0:3][]')
s1=${S[0]} s2=${S[1]} s3=${S[2]}
KZ_AS=mnowak set_service lap.db "$s1" cost "10 zł (laptop)"
KZ_AS=mnowak set_service lap.db "$s2" hours "pn–pt 8–16 (laptop)"
KZ_AS=akowalska set_service hub.db "$s1" cost "20 zł (biuro)"
KZ_AS=akowalska set_service hub.db "$s3" place "Sala 2 (biuro)"
as mnowak 0 -d lap.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=mnowak
new_case=$(cat out)
run 0 -d lap.db sync ssh "$TARGET"
out_has "Sent 3 changes."
out_has "Received 2 new changes"
out_has "1 new conflicts"
same "after sync ssh"
jq -e --arg id "$s1" 'length == 1 and .[0].id == $id and .[0].field == "cost" and ([.[0].values[].value] | sort == ["10 zł (laptop)", "20 zł (biuro)"])' lap.conf >/dev/null ||
	fail "the conflict over ssh: $(cat lap.conf)"
jq -e '[.[0].values[] | select(.value == "10 zł (laptop)")][0].user == "mnowak" and [.[0].values[] | select(.value == "20 zł (biuro)")][0].user == "akowalska"' lap.conf >/dev/null ||
	fail "the conflict's values over ssh do not say who wrote them: $(cat lap.conf)"
for db in hub lap; do
	[ "$(field $db.db "$s2" hours)" = "pn–pt 8–16 (laptop)" ] || fail "$db.db lacks the laptop's hours"
	[ "$(field $db.db "$s3" place)" = "Sala 2 (biuro)" ] || fail "$db.db lacks the server's place"
	run 0 -d $db.db list cases
	out_has "$new_case"
	[ "$(status $db.db Conflicts)" = 1 ] || fail "$db.db does not count the conflict"
done
# nothing new: an exchange that moves nothing
run 0 -d lap.db sync ssh "$TARGET"
out_has "Received 0 new changes"
same "after a second sync ssh"

# --- sessions that break off --------------------------------------------------------------
# Wrappers around ssh that cut the stream. The cutting is done by dd (head
# -c keeps what it copies in a buffer until it exits), in the background,
# so that this shell holds no end of the caller's pipes and the caller sees
# the cut at once instead of waiting for ssh to finish.
# cut-answer: the far side's answer cut after $CUT bytes
cat >"$WORK/cut-answer" <<'EOF'
#!/bin/sh
exec 3<&0 4>&1
timeout 60 ssh "$@" <&3 3<&- 4>&- | dd bs=1 count="${CUT:-200}" status=none >&4 3<&- 4>&- &
exec 0</dev/null 1>/dev/null 3<&- 4>&-
wait
EOF
# cut-request: what we send cut after 300 bytes
cat >"$WORK/cut-request" <<'EOF'
#!/bin/sh
exec 3<&0 4>&1
dd bs=1 count=300 status=none <&3 3<&- 4>&- | timeout 60 ssh "$@" >&4 3<&- 4>&- &
exec 0</dev/null 1>/dev/null 3<&- 4>&-
wait
EOF
chmod +x "$WORK/cut-answer" "$WORK/cut-request"
desc_before=$(field hub.db "$s3" description)
KZ_AS=mnowak set_service lap.db "$s3" description "Opis z laptopa (w drodze)"
KZ_AS=akowalska set_service hub.db "$s2" cost "9 zł (biuro)"
snapshot
# cut inside the far side's first line: nothing was sent either way
KOSZYK_SSH="$WORK/cut-answer -p $port $SSH_OPTS" CUT=60 run 3 -d lap.db sync ssh "$TARGET"
err_has "broke off"
unchanged "an answer cut after 60 bytes"
KOSZYK_SSH="$WORK/cut-request -p $port $SSH_OPTS" run 3 -d lap.db sync ssh "$TARGET"
unchanged "a request cut after 300 bytes"
# cut in the far side's answer (after 200 bytes, after 2000 bytes): the
# laptop stays as it was; the server has taken the laptop's file whole (it
# was all there before the server answered) or not at all
hub_took_all_or_nothing() {
	KZ_AS=akowalska K -d hub.db sync dump >hub.now.dump
	grep -v "^services|'$s3'|" hub.snap.dump >hub.snap.rest
	grep -v "^services|'$s3'|" hub.now.dump >hub.now.rest
	cmp -s hub.snap.rest hub.now.rest || fail "$1: the server changed otherwise than by the laptop's change: $(diff hub.snap.rest hub.now.rest | head -c 1500)"
	case $(field hub.db "$s3" description) in
	"Opis z laptopa (w drodze)" | "$desc_before") ;;
	*) fail "$1: the server's description of $s3 is neither the old nor the laptop's" ;;
	esac
}
for cut in 200 2000; do
	KOSZYK_SSH="$WORK/cut-answer -p $port $SSH_OPTS" CUT=$cut run 3 -d lap.db sync ssh "$TARGET"
	err_has "broke off"
	KZ_AS=akowalska K -d lap.db sync dump >lap.now.dump
	cmp -s lap.snap.dump lap.now.dump || fail "an answer cut after $cut bytes changed the laptop's data"
	hub_took_all_or_nothing "an answer cut after $cut bytes"
done
# the clone cut short leaves no file behind
KOSZYK_SSH="$WORK/cut-answer -p $port $SSH_OPTS" CUT=5000 run 3 -d cut.db sync clone "$TARGET"
err_has "broke off"
[ ! -e cut.db ] || fail "a clone cut short left cut.db behind"
# and then a normal exchange brings everything
run 0 -d lap.db sync ssh "$TARGET"
same "after the broken sessions"
for db in hub lap; do
	[ "$(field $db.db "$s3" description)" = "Opis z laptopa (w drodze)" ] || fail "$db.db lacks the laptop's description"
	[ "$(field $db.db "$s2" cost)" = "9 zł (biuro)" ] || fail "$db.db lacks the server's cost"
done

# --- other failures -----------------------------------------------------------------------
snapshot
run 0 -d other.db demo
run 2 -d lap.db sync ssh "$me@127.0.0.1:$WORK/other.db"
err_has "another partnership"
# no koszyk on the far side: the reason from there is in the message
KOSZYK_REMOTE=/nonexistent/koszyk run 3 -d lap.db sync ssh "$TARGET"
err_has "/nonexistent/koszyk"
# the database named is not there
run 2 -d lap.db sync ssh "$me@127.0.0.1:$WORK/no-such.db"
err_has "no-such.db"
# a "host" that ssh would take for an option is refused (this crashed:
# double free of the host name when the target does not parse)
run 2 -d lap.db sync ssh "-oProxyCommand=x:$HUB"
run 2 -d lap.db sync ssh "no such host:$HUB"
unchanged "failed exchanges"
no_temporary_files
exit 0
