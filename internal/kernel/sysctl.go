package kernel

import (
	"errors"
	"strings"
)

// ErrSysctlKey is the cause of an *Error about a sysctl key the
// package refuses: only net.* keys, written with dots, whose parts
// are non-empty and hold no '/', whitespace or control characters.
var ErrSysctlKey = errors.New("invalid sysctl key (net.* only, parts separated by dots, no '/' or '..')")

// sysctlPath returns the file under /proc/sys of a valid net.* key,
// or false. A key names a file under /proc/sys/net only: its first
// part is "net", no part is empty, ".." or holds a '/' (so no key
// leaves /proc/sys/net), and none holds whitespace or control
// characters. Interface names with dots (eth0.10) cannot be named:
// sysctl(8) writes them with '/', which is refused here.
func sysctlPath(key string) (string, bool) {
	parts := strings.Split(key, ".")
	if len(parts) < 2 || parts[0] != "net" || len(key) > 256 {
		return "", false
	}
	for _, p := range parts {
		if p == "" || strings.ContainsFunc(p, func(r rune) bool { return r == '/' || r <= ' ' || r == 0x7f }) {
			return "", false
		}
	}
	return "/proc/sys/" + strings.Join(parts, "/"), true
}

// validSysctlValue refuses values that would write more than one
// value or end early: newlines and NULs.
func validSysctlValue(v string) bool {
	return !strings.ContainsAny(v, "\n\r\x00")
}
