#!/usr/bin/env bash
# Runs every check lensnet's CI runs, on a fresh Debian machine with Go:
# installs what the tests need, then gofmt, go vet, staticcheck, go test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need: augeas-lenses holds Augeas's lens
# library and its 231 test modules, the judge of lensnet's lens language
# (lens/lang TestAugeasSuite fails without them) and the reference the
# shipped lenses are compared with; augeas-tools gives augtool, which
# the golden, fixture and CLI differential tests replay (they fail
# without it), and augparse for the benchmarks. apt-get runs only when
# one is missing. libvirt0 holds libvirt's RelaxNG schemas
# (/usr/share/libvirt/schemas/interface.rng) and libxml2-utils holds
# xmllint: iface/ifxml checks everything its writer produces against
# the schema with them (the tests skip those checks without them).
# The process and firewall runners of virtual networks run the real
# programs inside test namespaces (as root they fail without them):
# dnsmasq-base is the dnsmasq internal/dnsmasq starts, stops and reloads;
# nftables gives nft, which internal/nft drives;
# busybox gives udhcpc and nslookup, the guest's DHCP and DNS client;
# iproute2 gives ip, for `ip netns` and the tests' own checks.
packages=(augeas-lenses augeas-tools libvirt0 libxml2-utils dnsmasq-base nftables busybox iproute2)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
echo "== go vet"
go vet ./...
echo "== staticcheck"
go tool staticcheck ./...
echo "== go test"
go test -count=1 ./...
# the safe-save tests (link races, temporary files, special bits,
# backups, lost updates) again on tmpfs, where links, renames and
# flock behave as on a RAM file system
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ -w /dev/shm ]; then
	echo "== go test on tmpfs (/dev/shm)"
	TMPDIR=/dev/shm go test -count=1 -run 'Root|WriteFile|Save' ./internal/files .
fi
