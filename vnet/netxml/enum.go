package netxml

import "github.com/lensnet/lensnet/internal/xmlenum"

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

func (m ForwardMode) String() string { return xmlenum.Word(forwardWords, m, "ForwardMode") }

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

func (m MACTableManager) String() string { return xmlenum.Word(macTableWords, m, "MACTableManager") }

// LeaseUnit is the unit attribute of <lease>.
type LeaseUnit uint8

const (
	LeaseUnitUnset LeaseUnit = iota
	LeaseSeconds
	LeaseMinutes
	LeaseHours
)

var leaseUnitWords = []string{"", "seconds", "minutes", "hours"}

func (u LeaseUnit) String() string { return xmlenum.Word(leaseUnitWords, u, "LeaseUnit") }

// NativeMode is the nativeMode attribute of a VLAN <tag>.
type NativeMode uint8

const (
	NativeUnset NativeMode = iota
	NativeTagged
	NativeUntagged
)

var nativeWords = []string{"", "tagged", "untagged"}

func (m NativeMode) String() string { return xmlenum.Word(nativeWords, m, "NativeMode") }

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

func (t VirtualPortType) String() string { return xmlenum.Word(vportWords, t, "VirtualPortType") }

// DriverName is the name attribute of a hostdev pool's <driver>.
type DriverName uint8

const (
	DriverUnset DriverName = iota
	DriverKVM
	DriverVFIO
)

var driverWords = []string{"", "kvm", "vfio"}

func (d DriverName) String() string { return xmlenum.Word(driverWords, d, "DriverName") }

// ParseForwardMode returns the forward mode a word names.
func ParseForwardMode(s string) (ForwardMode, bool) {
	return xmlenum.Lookup[ForwardMode](forwardWords, s)
}
