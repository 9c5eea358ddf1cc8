#!/bin/sh
# Turn standard input into a NUL-terminated C byte array named $1 (the
# built-in configuration and the demo data are compiled into the binary);
# $2 names the source file in the comment. Bytes rather than a string
# literal: ISO C limits the length of string literals.
name=$1
echo "/* generated from ${2:-config/koszyk.yaml} by tools/embed.sh */"
echo "const char $name[] = {"
od -An -v -td1 | sed -e "s/-\{0,1\}[0-9][0-9]*/&,/g" -e "s/^ */\t/"
echo "	0"
echo "};"
