#!/usr/bin/env bash
# The configuration: where it is looked for, and bad files.
source "$(dirname "$0")/lib.sh"

cfg_src=$TESTS_DIR/../config/koszyk.yaml

# a broken file: position named, exit 2, nothing created
printf 'gmina: Test\nsectors: [a, b\n' > broken.yaml
run 2 -c broken.yaml -d b.db init
err_has "broken.yaml:"
[ ! -e b.db ] || fail "nothing may be written when the configuration is bad"

# an unknown key, with line and column
sed 's/^stale_days:/stale_day:/' "$cfg_src" > typo.yaml
line=$(grep -n '^stale_day:' typo.yaml | cut -d: -f1)
run 2 -c typo.yaml -d t.db init
err_has "typo.yaml:$line:1:"
err_has "stale_day"

# a wrong type
sed 's/^stale_days:.*/stale_days: "dawno"/' "$cfg_src" > type.yaml
run 2 -c type.yaml -d t.db init
err_has "stale_days"

# a need area answered by a category that is not configured
sed 's/categories: \[pomoc_materialna, poradnictwo\]/categories: [pomoc_materialna, porady]/' \
	"$cfg_src" > need.yaml
grep -q 'porady' need.yaml || fail "the example no longer names poradnictwo for dochod"
line=$(grep -n 'porady' need.yaml | cut -d: -f1)
run 2 -c need.yaml -d n.db init
err_has "need.yaml:$line:"
err_has "the need area 'dochod' names the category 'porady'"
[ ! -e n.db ] || fail "nothing may be written when the configuration is bad"

# KOSZYK_CONFIG and the XDG place are read; English from the file
sed 's/^language:.*/language: en/' "$cfg_src" > en.yaml
KOSZYK_CONFIG=en.yaml run 0 -d e.db init
mkdir -p config/koszyk && cp en.yaml config/koszyk/koszyk.yaml
run 0 -d x.db init
[ ! -s err ] || fail "no notice expected when the XDG configuration exists: $(cat err)"

# KOSZYK_DB and the XDG data place
KOSZYK_DB=$WORK/viaenv.db run 0 init
[ -f viaenv.db ] || fail "KOSZYK_DB not used"
run 0 init
[ -f data/koszyk/koszyk.db ] || fail "default database not in \$XDG_DATA_HOME/koszyk"
exit 0
