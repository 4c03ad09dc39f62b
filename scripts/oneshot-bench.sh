#!/bin/sh
# oneshot-bench.sh [LENSNET] — issue 21's table: one-shot commands of
# lensnet and augtool side by side, wall time and peak RSS
# (/usr/bin/time), best of 3. Read-only commands run on the real root;
# set + save runs on a copy of /etc under a temporary root.
set -eu
LENSNET=${1:-lensnet}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -a /etc "$tmp/etc" 2>/dev/null || true
best() { # tool args... : best wall time and its peak RSS of 3 runs
	b=""
	for _ in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
		read -r s kb <"$tmp/t"
		if [ -z "$b" ] || [ "$(echo "$s < ${b%% *}" | bc)" = 1 ]; then b="$s $kb"; fi
	done
	echo "${b%% *} s, $(( ${b##* } / 1024 )) MB"
}
row() { # name, args...
	name=$1
	shift
	printf '| %s | %s | %s |\n' "$name" "$(best augtool "$@")" "$(best "$LENSNET" "$@")"
}
echo "| command | augtool | lensnet |"
echo "|---|---|---|"
row '`get /files/etc/hosts/1/ipaddr`' get /files/etc/hosts/1/ipaddr
row '`set /files/etc/hosts/1/ipaddr` + save (copy of /etc)' -r "$tmp" -s set /files/etc/hosts/1/ipaddr 127.0.0.2
row '`print /files`' print /files
row '`-L get /augeas/version` (the floor)' -L get /augeas/version
