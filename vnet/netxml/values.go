package netxml

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// The checks below are the value types of libvirt's network schema
// (basictypes.rng, networkcommon.rng) and the rules of its parser,
// each turned into a message that says what is wrong. Every form they
// accept is one the schema accepts.

// maxDevLen is the longest device name: the kernel's IFNAMSIZ (16)
// less the final NUL.
const maxDevLen = 15

// checkDev checks a device name: [a-zA-Z0-9_.\-\\:/]+, shorter than
// IFNAMSIZ.
func checkDev(s string) string {
	if s == "" {
		return "a device name cannot be empty"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && !strings.ContainsRune(`_.-\:/`, rune(c)) {
			return fmt.Sprintf("%q is not a device name (letters, digits and _ . - \\ : / only)", s)
		}
	}
	if len(s) > maxDevLen {
		return fmt.Sprintf("%q is too long for a device name (at most %d characters)", s, maxDevLen)
	}
	return ""
}

// checkPortGroupName checks a portgroup name: the schema's device name
// pattern, any length.
func checkPortGroupName(s string) string {
	if s == "" {
		return "a portgroup name cannot be empty"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && !strings.ContainsRune(`_.-\:/`, rune(c)) {
			return fmt.Sprintf("%q is not a portgroup name (letters, digits and _ . - \\ : / only)", s)
		}
	}
	return ""
}

// checkNetworkName checks the network's name: it names the config file
// and the state directory, so it cannot hold '/' (libvirt's rule), nor
// be "." or "..", nor hold control characters or surrounding space.
func checkNetworkName(s string) string {
	switch {
	case s == "":
		return "the network name cannot be empty"
	case strings.Contains(s, "/"):
		return fmt.Sprintf("%q: a network name cannot contain '/'", s)
	case s == "." || s == "..":
		return fmt.Sprintf("%q is not a network name", s)
	case strings.TrimSpace(s) != s:
		return fmt.Sprintf("%q: a network name cannot start or end with white space", s)
	case strings.HasPrefix(s, "-"):
		return fmt.Sprintf("%q: a network name cannot start with '-'", s)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return fmt.Sprintf("%q: a network name cannot contain control characters", s)
		}
	}
	return ""
}

// checkDNSName checks the schema's dnsName: [a-zA-Z0-9.-]+.
func checkDNSName(s string) string {
	if s == "" {
		return "a DNS name cannot be empty"
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '.' && c != '-' {
			return fmt.Sprintf("%q is not a DNS name (letters, digits, '.' and '-' only)", s)
		}
	}
	return ""
}

// checkZone checks a firewalld zone name: [a-zA-Z0-9_-]+.
func checkZone(s string) string {
	if s == "" {
		return "a zone name cannot be empty"
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '_' && c != '-' {
			return fmt.Sprintf("%q is not a zone name (letters, digits, '_' and '-' only)", s)
		}
	}
	return ""
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// checkMAC checks a unicast MAC address xx:xx:xx:xx:xx:xx, hex digits
// in either case.
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
	if b, _ := strconv.ParseUint(s[:2], 16, 8); b&1 == 1 {
		return fmt.Sprintf("%q is a multicast MAC address: a unicast one is needed", s)
	}
	return ""
}

// checkDUID checks a DHCPv6 client id: hex bytes separated by ':'
// (libvirt takes one or two digits a byte).
func checkDUID(s string) string {
	parts := strings.Split(s, ":")
	if len(parts) < 2 {
		return fmt.Sprintf("%q is not a DUID (hex bytes separated by ':')", s)
	}
	for _, p := range parts {
		if len(p) < 1 || len(p) > 2 || !isHex(p[0]) || len(p) == 2 && !isHex(p[1]) {
			return fmt.Sprintf("%q is not a DUID (hex bytes separated by ':')", s)
		}
	}
	return ""
}

// parseUint reads a decimal number from min to max. Leading zeros are
// refused: libvirt would read them as octal.
func parseUint(s string, min, max uint64) (uint64, string) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || s[0] == '+' || len(s) > 1 && s[0] == '0' {
		return 0, fmt.Sprintf("%q is not a decimal number", s)
	}
	if n < min || n > max {
		return 0, fmt.Sprintf("%d is out of range (%d-%d)", n, min, max)
	}
	return n, ""
}

// parseNum reads a number given in decimal or as 0x hex, from 0 to max.
func parseNum(s string, max uint64) (uint64, string) {
	if h, ok := strings.CutPrefix(s, "0x"); ok {
		n, err := strconv.ParseUint(h, 16, 64)
		if err != nil || h == "" || h[0] == '+' {
			return 0, fmt.Sprintf("%q is not a hex number", s)
		}
		if n > max {
			return 0, fmt.Sprintf("%s is out of range (0-%#x)", s, max)
		}
		return n, ""
	}
	return parseUint(s, 0, max)
}

// parseAddr reads an IP address (no zone), of family 4 or 6 when
// family is not 0.
func parseAddr(s string, family int) (netip.Addr, string) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return netip.Addr{}, fmt.Sprintf("%q is not an IP address", s)
	}
	switch {
	case family == 4 && !a.Is4():
		return netip.Addr{}, fmt.Sprintf("%q is not an IPv4 address", s)
	case family == 6 && !a.Is6():
		return netip.Addr{}, fmt.Sprintf("%q is not an IPv6 address", s)
	}
	return a, ""
}

// parseUUID reads a UUID (32 hex digits, dashed 8-4-4-4-12 or not) and
// returns its canonical form.
func parseUUID(s string) (string, string) {
	h := s
	if len(s) == 36 {
		if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
			return "", fmt.Sprintf("%q is not a UUID", s)
		}
		h = s[:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	}
	b, err := hex.DecodeString(h)
	if err != nil || len(b) != 16 {
		return "", fmt.Sprintf("%q is not a UUID", s)
	}
	return formatUUID(b), ""
}

func formatUUID(b []byte) string {
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// EnsureUUID gives the network a random (version 4) UUID if it has
// none, as libvirt does when it defines a network without one.
func (n *Network) EnsureUUID() error {
	if n.UUID != "" {
		return nil
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	n.UUID = formatUUID(b)
	return nil
}

// netmaskBits returns the prefix length of a contiguous IPv4 netmask.
func netmaskBits(m netip.Addr) (int, bool) {
	if !m.Is4() {
		return 0, false
	}
	b := m.As4()
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	n := 0
	for n < 32 && v&(1<<(31-n)) != 0 {
		n++
	}
	if n < 32 && v<<n != 0 {
		return 0, false
	}
	return n, true
}
