package ifxml

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// The checks below are the value types of libvirt's interface schema
// (basictypes.rng), each turned into a message that says what is wrong.
// Every form they accept is one the schema accepts, so whatever this
// package writes validates against interface.rng.

// maxNameLen is the longest device name: the kernel's IFNAMSIZ (16)
// less the final NUL.
const maxNameLen = 15

// checkName checks a device name: [a-zA-Z0-9_.\-\\:/]+, shorter than
// IFNAMSIZ.
func checkName(s string) string {
	if s == "" {
		return "a device name cannot be empty"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && !strings.ContainsRune(`_.-\:/`, rune(c)) {
			return fmt.Sprintf("%q is not a device name (letters, digits and _ . - \\ : / only)", s)
		}
	}
	if len(s) > maxNameLen {
		return fmt.Sprintf("%q is too long for a device name (at most %d characters)", s, maxNameLen)
	}
	return ""
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// checkMAC checks xx:xx:xx:xx:xx:xx, hex digits in either case.
func checkMAC(s string) string {
	ok := len(s) == 17
	for i := 0; ok && i < len(s); i++ {
		if i%3 == 2 {
			ok = s[i] == ':'
		} else {
			ok = isHex(s[i])
		}
	}
	if !ok {
		return fmt.Sprintf("%q is not a MAC address (xx:xx:xx:xx:xx:xx)", s)
	}
	return ""
}

// checkDelay checks a bridge forward delay: a non-negative decimal,
// digits with an optional fraction ("15", "0.01"). The schema's double
// also takes exponents, INF and a sign; those are refused here.
func checkDelay(s string) string {
	whole, frac, dot := strings.Cut(s, ".")
	if !digits(whole) || dot && !digits(frac) {
		return fmt.Sprintf("%q is not a non-negative decimal number (like 15 or 0.01)", s)
	}
	return ""
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseUint reads an unsigned decimal ([0-9]+, the schema's
// unsignedInt) no larger than max.
func parseUint(s string, max uint64) (uint64, string) {
	if !digits(s) {
		return 0, fmt.Sprintf("%q is not a number", s)
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n > max {
		return 0, fmt.Sprintf("%q is out of range (0-%d)", s, max)
	}
	return n, ""
}

// parseIPv4 reads a dotted quad without leading zeros.
func parseIPv4(s string) (netip.Addr, string) {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return netip.Addr{}, fmt.Sprintf("%q is not an IPv4 address", s)
	}
	return a, ""
}

// parseIPv6 reads an IPv6 address without a zone, in a form the
// schema's pattern accepts: hex groups with at most one "::", or
// with a dotted-quad tail, where a "::" must come first or right
// before the dotted quad ("::ffff:1.2.3.4", "1::1.2.3.4", but not
// "1::2:1.2.3.4").
func parseIPv6(s string) (netip.Addr, string) {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is6() || a.Zone() != "" || !schemaIPv6Form(s) {
		return netip.Addr{}, fmt.Sprintf("%q is not an IPv6 address", s)
	}
	return a, ""
}

func schemaIPv6Form(s string) bool {
	if !strings.Contains(s, ".") {
		return true
	}
	head, tail, ok := strings.Cut(s, "::")
	if !ok {
		return true
	}
	return head == "" || !strings.Contains(tail, ":")
}

// checkAddr checks an address of a model built in Go: of the family,
// and for IPv6 without a zone.
func checkAddr(a netip.Addr, v6 bool) string {
	switch {
	case !a.IsValid():
		return "the address is missing"
	case !v6 && !a.Is4():
		return fmt.Sprintf("%s is not an IPv4 address", a)
	case v6 && (!a.Is6() || a.Zone() != ""):
		return fmt.Sprintf("%s is not an IPv6 address (no zone)", a)
	}
	return ""
}
