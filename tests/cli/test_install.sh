#!/usr/bin/env bash
# make install and make uninstall: into a prefix of the test's own (and
# under DESTDIR), the program installed finds its catalogue at the place
# made for that prefix and speaks Polish, names its installed example
# configuration, and uninstall takes away all it put there. The objects
# come from the build the tests run (copied: that build is not touched);
# only what depends on the prefix is compiled again.
source "$(dirname "$0")/lib.sh"

root=$TESTS_DIR/..
build=$(dirname "$KOSZYK_BIN")
[ -f "$build/libkoszyk.a" ] || fail "no build to install from in $build"
before=$(git -C "$root" status --porcelain 2>/dev/null)

mkdir -p b
cp -a "$build/src" "$build/gen" "$build/locale" "$build/libkoszyk.a" "$build/koszyk" b/ ||
	fail "cannot copy the build"
[ ! -e "$build/prefix.stamp" ] || cp -a "$build/prefix.stamp" b/

# mk ARGS...: make in the tree, into the copied build; its output in ./mk
mk() {
	make -C "$root" BUILD="$WORK/b" "$@" >mk 2>&1 || { cat mk; fail "make $* failed"; }
}

# --- install into a prefix: only the prefix's objects are made anew ---
p=$WORK/prefix
mk install PREFIX="$p"
compiled=$(grep -c '^  CC ' mk)
[ "$compiled" -le 2 ] || fail "make install compiled $compiled files, not only those of the prefix: $(grep '^  CC ' mk)"
grep -q 'CC      src/core/i18n.c' mk || fail "make install did not compile the catalogue's place anew: $(cat mk)"
for f in bin/koszyk share/man/man1/koszyk.1 share/man/man5/koszyk.yaml.5 \
	share/locale/pl/LC_MESSAGES/koszyk.mo share/bash-completion/completions/koszyk \
	share/koszyk/koszyk.yaml.example; do
	[ -f "$p/$f" ] || fail "make install did not install $f: $(cd "$p" && find . -type f)"
done
cmp -s "$root/config/koszyk.yaml" "$p/share/koszyk/koszyk.yaml.example" || fail "the example configuration differs"
cmp -s "$root/completion/koszyk.bash" "$p/share/bash-completion/completions/koszyk" || fail "the completion differs"
# again at the same prefix: nothing to compile
mk install PREFIX="$p"
! grep -q '^  CC ' mk || fail "a second make install compiled again: $(cat mk)"

# --- the installed program speaks Polish from its own catalogue ---
mkdir -p elsewhere && cd elsewhere
env -u KOSZYK_LANG -u KOSZYK_LOCALEDIR -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=pl_PL.UTF-8 \
	"$p/bin/koszyk" --help >../out 2>../err || fail "the installed koszyk --help failed"
cd "$WORK"
out_has "Użycie: koszyk"
out_lacks "Usage:"
# the first-run notice names the installed example
env -u KOSZYK_LANG -u KOSZYK_LOCALEDIR LANG=pl_PL.UTF-8 "$p/bin/koszyk" -d new.db init >out 2>err ||
	fail "the installed koszyk init failed"
out_has "Utworzono bazę danych"
err_has " $p/share/koszyk/koszyk.yaml.example "
KOSZYK_LANG=en "$p/bin/koszyk" -d new2.db init >out 2>err || fail "koszyk init failed"
err_has "Copy $p/share/koszyk/koszyk.yaml.example to"

# --- uninstall leaves no koszyk file ---
mk uninstall PREFIX="$p"
left=$(find "$p" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
[ ! -e "$p/share/koszyk" ] || fail "make uninstall left the koszyk folder"
# the build's program names the source tree's example again
KOSZYK_LANG=en "$WORK/b/koszyk" -d new3.db init >out 2>err || fail "koszyk init failed"
err_has "Copy config/koszyk.yaml to"

# --- DESTDIR: a package's tree, paths for /usr compiled in ---
mk install DESTDIR="$WORK/dest" PREFIX=/usr
[ -x dest/usr/bin/koszyk ] || fail "no dest/usr/bin/koszyk: $(find dest -type f)"
[ -f dest/usr/share/locale/pl/LC_MESSAGES/koszyk.mo ] || fail "no catalogue under DESTDIR"
[ -f dest/usr/share/koszyk/koszyk.yaml.example ] || fail "no example under DESTDIR"
[ -f dest/usr/share/bash-completion/completions/koszyk ] || fail "no completion under DESTDIR"
grep -qa '/usr/share/locale' dest/usr/bin/koszyk || fail "the binary does not look in /usr/share/locale"
! grep -qa "$p" dest/usr/bin/koszyk || fail "the binary still names the earlier prefix"
mk uninstall DESTDIR="$WORK/dest" PREFIX=/usr
left=$(find dest -type f)
[ -z "$left" ] || fail "make uninstall under DESTDIR left: $left"

# --- nothing in the source tree changed ---
[ "$(git -C "$root" status --porcelain 2>/dev/null)" = "$before" ] ||
	fail "the tree changed: $(git -C "$root" status --porcelain)"
exit 0
