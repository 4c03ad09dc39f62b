// Package gen generates realistic configuration files of any size for
// the lens tests, the benchmarks and bench/: Debian interfaces, RHEL
// ifcfg, sysctl.conf, hosts, resolv.conf and modprobe.d files. Each is
// deterministic in its arguments and varies layout (comments, blank
// lines, indentation, quoting) with the index.
package gen
