# bash completion for koszyk                                 -*- shell-script -*-
# Made from the command table (src/cli/cmdtable.c) by make docs: do not
# edit; tests/cli/test_cli_generated.sh fails when it is out of date.

# files and folders, names with spaces too
_koszyk_files()
{
	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_koszyk()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local i=1 w cmd words=
	local -a args=()
	COMPREPLY=()
	# the options of koszyk itself come before the command
	while [ "$i" -lt "$COMP_CWORD" ]; do
		case ${COMP_WORDS[i]} in
		-d|-c|--as) i=$((i + 2)) ;;
		-*) i=$((i + 1)) ;;
		*) break ;;
		esac
	done
	if [ "$i" -ge "$COMP_CWORD" ]; then
		case $prev in
		-d|-c) _koszyk_files ;;
		--as) ;;
		*) mapfile -t COMPREPLY < <(compgen -W "init demo search list partner import export network check case plan gdpr report meeting task sync conflict backup restore key audit -d -c --as --help --version" -- "$cur") ;;
		esac
		return
	fi
	cmd=${COMP_WORDS[i]}
	# the arguments so far, without the options and their values
	for ((w = i + 1; w < COMP_CWORD; w++)); do
		case ${COMP_WORDS[w]} in
		--network|--status|--sector|--separator|--encoding|-o|--format|--team|--for|--key|--passphrase-file|--backup) w=$((w + 1)) ;;
		-*) ;;
		*) args+=("${COMP_WORDS[w]}") ;;
		esac
	done
	# the value of an option
	case "$cmd $prev" in
	"plan --format") words="text md html" ;;
	"report --format") words="text csv json html" ;;
	"meeting --format") words="text md html" ;;
	"export -o") _koszyk_files; return ;;
	"plan -o") _koszyk_files; return ;;
	"gdpr -o") _koszyk_files; return ;;
	"report -o") _koszyk_files; return ;;
	"meeting -o") _koszyk_files; return ;;
	"restore --key") _koszyk_files; return ;;
	"restore --passphrase-file") _koszyk_files; return ;;
	"check --backup") _koszyk_files; return ;;
	"check --key") _koszyk_files; return ;;
	"check --passphrase-file") _koszyk_files; return ;;
	"key --passphrase-file") _koszyk_files; return ;;
	"search --network") return ;;
	"list --network") return ;;
	"list --status") return ;;
	"list --sector") return ;;
	"import --separator") return ;;
	"import --encoding") return ;;
	"meeting --team") return ;;
	"sync --for") return ;;
	*)
		if [[ $cur == -* ]]; then
			# the options after the first word, else all of the command's
			case "$cmd ${args[0]-}" in
			"list services") words="--help --json --all --network" ;;
			"list partners") words="--help --json --all --network --status --sector" ;;
			"list contacts") words="--help --json --all --network" ;;
			"partner history") words="--help --json" ;;
			"import csv") words="--help --separator --encoding" ;;
			"export csv") words="--help --excel -o" ;;
			"export json") words="--help -o" ;;
			"export md") words="--help -o" ;;
			"export html") words="--help -o" ;;
			"import hsds") words="--help" ;;
			"export hsds") words="--help" ;;
			"network add") words="--help" ;;
			"network update") words="--help" ;;
			"network list") words="--help" ;;
			"export xlsx") words="--help -o" ;;
			"list cases") words="--help --json" ;;
			"case open") words="--help" ;;
			"case add") words="--help" ;;
			"gdpr export") words="--help -o" ;;
			"gdpr erase") words="--help --yes" ;;
			"list meetings") words="--help --json" ;;
			"list tasks") words="--help --json" ;;
			"meeting add") words="--help" ;;
			"meeting attend") words="--help" ;;
			"meeting decide") words="--help" ;;
			"meeting next-host") words="--help" ;;
			"meeting minutes") words="--help --format -o" ;;
			"meeting ics") words="--help -o" ;;
			"meeting next-chair") words="--help" ;;
			"meeting invite") words="--help --partners --team" ;;
			"task add") words="--help" ;;
			"task close") words="--help" ;;
			"task list") words="--help --json" ;;
			"sync clone") words="--help" ;;
			"sync export") words="--help --for" ;;
			"sync import") words="--help" ;;
			"sync ssh") words="--help" ;;
			"sync status") words="--help" ;;
			"sync compact") words="--help" ;;
			"sync forget") words="--help" ;;
			"sync dump") words="--help" ;;
			"list conflicts") words="--help --json" ;;
			"list dropped") words="--help --json" ;;
			"conflict resolve") words="--help" ;;
			"case share") words="--help" ;;
			"case unshare") words="--help" ;;
			"key show") words="--help" ;;
			"key export") words="--help --passphrase-file" ;;
			"key import") words="--help --passphrase-file --replace" ;;
			"init "*) words="--help" ;;
			"demo "*) words="--help" ;;
			"search "*) words="--help --json --network --own" ;;
			"list "*) words="--help --json --all --network --status --sector" ;;
			"partner "*) words="--help --json" ;;
			"import "*) words="--help --separator --encoding" ;;
			"export "*) words="--help --excel -o" ;;
			"network "*) words="--help" ;;
			"check "*) words="--help --backup --key --passphrase-file" ;;
			"case "*) words="--help" ;;
			"plan "*) words="--help --format -o" ;;
			"gdpr "*) words="--help -o --yes" ;;
			"report "*) words="--help --format -o" ;;
			"meeting "*) words="--help --format -o --partners --team" ;;
			"task "*) words="--help --json" ;;
			"sync "*) words="--help --for" ;;
			"conflict "*) words="--help" ;;
			"backup "*) words="--help" ;;
			"restore "*) words="--help --key --passphrase-file" ;;
			"key "*) words="--help --passphrase-file --replace" ;;
			"audit "*) words="--help --json" ;;
			esac
		else
			# a word the command knows, else a file
			case "$cmd ${#args[@]} ${args[0]-}" in
			"list 0 ") words="services partners contacts cases meetings tasks conflicts dropped" ;;
			"partner 0 ") words="history" ;;
			"import 0 ") words="csv hsds" ;;
			"import 1 csv") words="services partners" ;;
			"export 0 ") words="csv json md html hsds xlsx" ;;
			"export 1 csv") words="services partners" ;;
			"network 0 ") words="add update list" ;;
			"case 0 ") words="open add share unshare" ;;
			"case 1 add") words="member team plan diagnosis goal action review progress" ;;
			"gdpr 0 ") words="export erase" ;;
			"report 0 ") words="coverage gaps usage workload stale overdue outcomes partnership retention" ;;
			"meeting 0 ") words="add attend decide next-host minutes ics next-chair invite" ;;
			"task 0 ") words="add close list" ;;
			"task 1 list") words="all mine overdue by-partner partner case" ;;
			"sync 0 ") words="clone export import ssh status compact forget dump" ;;
			"conflict 0 ") words="resolve" ;;
			"key 0 ") words="show export import" ;;
			*) _koszyk_files; return ;;
			esac
		fi ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _koszyk koszyk
