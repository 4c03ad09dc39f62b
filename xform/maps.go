package xform

import (
	"fmt"
	"math/bits"
	"net/netip"
	"strconv"
	"strings"
)

// Map converts values between their configuration and XML spellings:
// a map line's CFG=XML pairs, or a built-in conversion (netmask).
type Map struct {
	pairs [][2]string
	// conv replaces the pairs for a built-in map
	toXML, toCfg func(string) (string, bool)
}

// ToXML converts a configuration value: the pair whose CFG side equals
// it, ignoring case, else the value itself.
func (m *Map) ToXML(cfg string) string {
	if m == nil {
		return cfg
	}
	if m.toXML != nil {
		if x, ok := m.toXML(cfg); ok {
			return x
		}
		return cfg
	}
	for _, p := range m.pairs {
		if p[0] == cfg {
			return p[1]
		}
	}
	for _, p := range m.pairs {
		if strings.EqualFold(p[0], cfg) {
			return p[1]
		}
	}
	return cfg
}

// ToCfg converts an XML value: the CFG side of the first pair with
// that XML side, else the value itself.
func (m *Map) ToCfg(x string) string {
	if m == nil {
		return x
	}
	if m.toCfg != nil {
		if c, ok := m.toCfg(x); ok {
			return c
		}
		return x
	}
	for _, p := range m.pairs {
		if p[1] == x {
			return p[0]
		}
	}
	return x
}

// noZoneMap drops an address's zone (fe80::1%eth0) when read: the zone
// of a gateway is the interface's own, which XML does not spell.
var noZoneMap = &Map{
	toXML: func(a string) (string, bool) {
		i := strings.IndexByte(a, '%')
		return a[:max(i, 0)], i > 0
	},
	toCfg: func(a string) (string, bool) { return a, true },
}

// netmaskMap converts a dotted IPv4 netmask (configuration) to a prefix
// length (XML) and back. A mask that is not contiguous is not a
// netmask: it is left as written, and the XML reader rejects it.
var netmaskMap = &Map{
	toXML: func(mask string) (string, bool) {
		n, ok := MaskPrefix(mask)
		return strconv.Itoa(n), ok
	},
	toCfg: func(prefix string) (string, bool) {
		n, err := strconv.Atoi(prefix)
		if err != nil || n < 0 || n > 32 {
			return "", false
		}
		return PrefixMask(n), true
	},
}

// MaskPrefix returns the prefix length of a contiguous dotted IPv4
// netmask.
func MaskPrefix(mask string) (int, bool) {
	a, err := netip.ParseAddr(mask)
	if err != nil || !a.Is4() {
		return 0, false
	}
	b := a.As4()
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	n := bits.LeadingZeros32(^v)
	if v<<n != 0 {
		return 0, false
	}
	return n, true
}

// PrefixMask returns the dotted netmask of an IPv4 prefix length 0-32.
func PrefixMask(n int) string {
	v := ^uint32(0) << (32 - n)
	if n == 0 {
		v = 0
	}
	return fmt.Sprintf("%d.%d.%d.%d", v>>24, v>>16&0xff, v>>8&0xff, v&0xff)
}
