// Serverroot writes a root that resembles a real server's, for
// benchmarking lensnet against augtool on hundreds of files under
// dozens of lenses (scripts/oneshot-bench.sh runs its table on one).
//
//	go run ./bench/serverroot -o /tmp/server [-lenses DIR] [-ifaces N] [-v]
//
// For every lens module with an autoload transform, it takes the texts
// that the module's test module (tests/test_<module>.aug in the -lenses
// directory) reads with the transform's lens in its get tests, written
// as string literals, names bound to strings, or concatenations of
// those, and writes them at paths the transform's filter claims: one
// file at each literal path, and up to three at paths made from the
// globs with wildcards ("*" becomes sample1, sample2, ...). A path
// another module's filter claims as well is left out (augtool would
// report the file as an error under both), and so is a sample the lens
// does not read. Modules, filters and lenses are lensnet's: with the
// default -lenses (/usr/share/augeas/lenses/dist) they come from
// lensnet's search path, as "lensnet -r DIR" loads the root (lensnet's
// own modules before Augeas's); with another directory, from that
// directory only.
//
// Generated files (internal/gen) come first, at their paths: -ifaces N
// RHEL ifcfg files under /etc/sysconfig/network-scripts (default 200),
// a Debian /etc/network/interfaces of N stanzas, /etc/hosts,
// /etc/resolv.conf, /etc/sysctl.conf and a modprobe.d file, each where
// exactly one lens claims it and reads it.
//
// The root is opened with lensnet at the end; a file it reports an
// error for is removed and named on stderr, which also gets the number
// of files and of lenses loading them (-v lists each file and its
// lens). The output depends only on the lens and test modules: two runs
// write the same tree. DIR must be empty or absent.
package main
