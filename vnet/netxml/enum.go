package netxml

import "strconv"

// The enums below each have a zero value that means "not given" and a
// String method that returns the word the XML uses; the words are kept
// in one table per enum, read by String and by the reader.

// ForwardMode is the mode attribute of <forward>.
type ForwardMode uint8

const (
	ForwardUnset ForwardMode = iota
	ForwardNAT
	ForwardRoute
	ForwardOpen
	ForwardBridge
	ForwardPrivate
	ForwardVEPA
	ForwardPassthrough
	ForwardHostdev
)

var forwardWords = []string{"", "nat", "route", "open", "bridge", "private", "vepa", "passthrough", "hostdev"}

func (m ForwardMode) String() string { return word(forwardWords, m, "ForwardMode") }

// OwnsBridge reports whether networks of the mode have a bridge libvirt
// (here: lensnet) creates: nat, route and open. An isolated network
// (no <forward>) owns its bridge too.
func (m ForwardMode) OwnsBridge() bool {
	return m == ForwardNAT || m == ForwardRoute || m == ForwardOpen
}

// MACTableManager is the macTableManager attribute of <bridge>.
type MACTableManager uint8

const (
	MACTableUnset MACTableManager = iota
	MACTableKernel
	MACTableLibvirt
)

var macTableWords = []string{"", "kernel", "libvirt"}

func (m MACTableManager) String() string { return word(macTableWords, m, "MACTableManager") }

// LeaseUnit is the unit attribute of <lease>.
type LeaseUnit uint8

const (
	LeaseUnitUnset LeaseUnit = iota
	LeaseSeconds
	LeaseMinutes
	LeaseHours
)

var leaseUnitWords = []string{"", "seconds", "minutes", "hours"}

func (u LeaseUnit) String() string { return word(leaseUnitWords, u, "LeaseUnit") }

// NativeMode is the nativeMode attribute of a VLAN <tag>.
type NativeMode uint8

const (
	NativeUnset NativeMode = iota
	NativeTagged
	NativeUntagged
)

var nativeWords = []string{"", "tagged", "untagged"}

func (m NativeMode) String() string { return word(nativeWords, m, "NativeMode") }

// VirtualPortType is the type attribute of <virtualport>.
type VirtualPortType uint8

const (
	VirtualPortUnset VirtualPortType = iota
	VirtualPort8021Qbg
	VirtualPort8021Qbh
	VirtualPortOpenvswitch
	VirtualPortMidonet
)

var vportWords = []string{"", "802.1Qbg", "802.1Qbh", "openvswitch", "midonet"}

func (t VirtualPortType) String() string { return word(vportWords, t, "VirtualPortType") }

// DriverName is the name attribute of a hostdev pool's <driver>.
type DriverName uint8

const (
	DriverUnset DriverName = iota
	DriverKVM
	DriverVFIO
)

var driverWords = []string{"", "kvm", "vfio"}

func (d DriverName) String() string { return word(driverWords, d, "DriverName") }

// word returns the XML word of v, or Kind(n) for a value out of the
// table and for the zero value.
func word[E ~uint8](words []string, v E, kind string) string {
	if v != 0 && int(v) < len(words) {
		return words[v]
	}
	return kind + "(" + strconv.Itoa(int(v)) + ")"
}

// valid reports whether v is a set value of its table.
func valid[E ~uint8](words []string, v E) bool {
	return v != 0 && int(v) < len(words)
}

// lookup returns the enum value whose word is s, or false.
func lookup[E ~uint8](words []string, s string) (E, bool) {
	for i, w := range words {
		if i > 0 && w == s {
			return E(i), true
		}
	}
	return 0, false
}

// ParseForwardMode returns the forward mode a word names.
func ParseForwardMode(s string) (ForwardMode, bool) { return lookup[ForwardMode](forwardWords, s) }
