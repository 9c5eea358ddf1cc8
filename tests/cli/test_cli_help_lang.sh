#!/usr/bin/env bash
# --help and COMMAND --help speak as the rest of the program: KOSZYK_LANG,
# else the language of the configuration (-c before or after --help,
# KOSZYK_CONFIG, the default place, else the example, which says pl),
# else the locale (LC_ALL, LC_MESSAGES, LANG), Polish even where the
# Polish locale is not installed.
source "$(dirname "$0")/lib.sh"

cfg_src=$TESTS_DIR/../config/koszyk.yaml
sed '/^language:/d' "$cfg_src" >nolang.yaml
sed 's/^language:.*/language: en/' "$cfg_src" >en.yaml
! grep -q '^language' nolang.yaml || fail "cannot make a configuration without a language"
grep -q '^language: en$' en.yaml || fail "cannot make an English configuration"

# help WANT ENV... -- ARGS...: koszyk ARGS with the environment ENV
# (KOSZYK_LANG and the locale's variables unset first); WANT pl or en.
help() {
	local want=$1 envs=()
	shift
	while [ "$1" != -- ]; do envs+=("$1"); shift; done
	shift
	env -u KOSZYK_LANG -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "${envs[@]}" \
		"$KOSZYK_BIN" "$@" >out 2>err || fail "koszyk $* (${envs[*]}) failed"
	if [ "$want" = pl ]; then
		grep -q "Użycie:" out ||
			fail "koszyk $* (${envs[*]}) is not Polish"
		out_lacks "Usage:"
	else
		out_has "Usage:"
		out_lacks "Użycie:"
	fi
}

# the locale decides when the configuration does not
help pl KOSZYK_CONFIG=nolang.yaml LANG=pl_PL.UTF-8 -- --help
help pl KOSZYK_CONFIG=nolang.yaml LANG=pl_PL.UTF-8 -- search --help
help en KOSZYK_CONFIG=nolang.yaml LANG=en_US.UTF-8 -- --help
help pl KOSZYK_CONFIG=nolang.yaml LANG=en_US.UTF-8 LC_ALL=pl_PL.UTF-8 -- -h
help en KOSZYK_CONFIG=nolang.yaml LANG=pl_PL.UTF-8 LC_MESSAGES=C -- --help
help en KOSZYK_CONFIG=nolang.yaml -- --help
# as the commands: the same environment, the same language
env -u KOSZYK_LANG KOSZYK_CONFIG=nolang.yaml LANG=pl_PL.UTF-8 "$KOSZYK_BIN" -d none.db search x >out 2>err
err_has "nie ma tu bazy danych"
# the configuration's language outranks the locale, wherever -c stands
help en LANG=pl_PL.UTF-8 -- -c en.yaml --help
help en LANG=pl_PL.UTF-8 -- --help -c en.yaml
help en LANG=pl_PL.UTF-8 -- -c en.yaml list --help
help en KOSZYK_CONFIG=en.yaml LANG=pl_PL.UTF-8 -- --help
help pl LANG=en_US.UTF-8 -- -c "$cfg_src" --help
# the configuration in the default place
mkdir -p config/koszyk && cp en.yaml config/koszyk/koszyk.yaml
help en LANG=pl_PL.UTF-8 -- --help
rm -r config/koszyk
# no configuration file: the example's language (pl), as every command
help pl LANG=en_US.UTF-8 -- --help
# a configuration that cannot be read leaves it to the locale
help pl LANG=pl_PL.UTF-8 -- -c missing.yaml --help
help en LANG=en_US.UTF-8 -- -c missing.yaml --help
# KOSZYK_LANG outranks everything
help en KOSZYK_LANG=en LANG=pl_PL.UTF-8 -- --help
help pl KOSZYK_LANG=pl -- -c en.yaml --help
[ ! -e none.db ] || fail "a search must not create a database"

# --- usage messages in Polish name their arguments in Polish ---
run_pl_usage() {
	KOSZYK_LANG=pl "$KOSZYK_BIN" -d none.db "$@" >out 2>err
	[ $? -eq 2 ] || fail "koszyk $* did not exit 2"
	err_has "użycie: koszyk"
	! grep -qE '\b(FILE|SOURCE|TABLE|FIELD|VALUE|USER|PATH|NAME)\b' err ||
		fail "koszyk $* names English placeholders in Polish: $(cat err)"
}
run_pl_usage sync import
run_pl_usage sync export
run_pl_usage sync clone
run_pl_usage sync ssh
run_pl_usage conflict resolve x
[ ! -e none.db ] || fail "a usage error must not create a database"

# --- every KOSZYK_ variable the program reads is in the man page's ENVIRONMENT ---
root=$TESTS_DIR/..
vars=$(grep -rhoE '"KOSZYK_[A-Z_]+"' "$root/src" | tr -d '"' | sort -u)
[ -n "$vars" ] || fail "no KOSZYK_ variables found in the sources"
sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$root/man/koszyk.1" >env.man
for v in $vars; do
	grep -qx "\.B $v" env.man || fail "$v is not described in ENVIRONMENT of man/koszyk.1"
done
exit 0
