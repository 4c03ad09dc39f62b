// Package nft manages the nftables tables a virtual network owns, by
// running nft(8) (Debian package nftables) inside a network namespace.
//
// A network's firewall is one table of its own: [Apply] loads a
// script (`nft -f -`, one transaction: all of it or nothing),
// [DeleteTable] removes exactly that table and nothing else, and
// [Tables] and [HasTable] list what the namespace holds (`nft -j list
// tables`). Nothing here reads or changes another table, so the
// host's own rules, and other networks', are never touched.
//
// Every function names its network namespace as `ip netns add` does
// (run through `ip netns exec`), or "" for the namespace of the
// calling process. Family and table names are checked before nft
// sees them, since nft parses its arguments as a command line of its
// own language. Failures are *[Error] values whose message is nft's
// own, on one line, such as
//
//	nft -f: 2:2-5: syntax error, unexpected string (and 1 more error)
//
// The package imports nothing of lensnet's own.
package nft
