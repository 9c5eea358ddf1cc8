#!/bin/sh
# Install the Debian packages koszyk needs to build and to run its tests.
# Asks apt only for what is missing; uses sudo when not run as root.
set -eu
packages="build-essential pkg-config clang gettext tmux libncurses-dev
libsqlite3-dev libyaml-dev libcmocka-dev libsodium-dev libical-dev libicu-dev jq sqlite3
valgrind fzf openssh-client openssh-server chromium chromium-driver python3
python3-selenium python3-openpyxl libxlsxwriter-dev"
missing=""
for p in $packages; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y $missing
