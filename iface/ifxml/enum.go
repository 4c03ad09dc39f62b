package ifxml

import "strconv"

// The enums below each have a zero value that means "not given" (for
// Type: not valid) and a String method that returns the word the XML
// uses. The words are kept in one table per enum, read by String and
// by the reader, instead of stringer output, because the XML words
// ("802.3ad", "lowerlayerdown") are not Go identifiers.

// Type is the interface type: the type attribute of <interface>.
type Type uint8

const (
	TypeInvalid Type = iota
	TypeEthernet
	TypeBridge
	TypeBond
	TypeVLAN
)

var typeWords = []string{"", "ethernet", "bridge", "bond", "vlan"}

func (t Type) String() string { return word(typeWords, t, "Type") }

// StartMode is the mode attribute of <start>.
type StartMode uint8

const (
	StartUnset StartMode = iota
	StartOnBoot
	StartNone
	StartHotplug
)

var startWords = []string{"", "onboot", "none", "hotplug"}

func (m StartMode) String() string { return word(startWords, m, "StartMode") }

// LinkState is the state attribute of <link>.
type LinkState uint8

const (
	LinkStateUnset LinkState = iota
	LinkUnknown
	LinkNotPresent
	LinkDown
	LinkLowerLayerDown
	LinkTesting
	LinkDormant
	LinkUp
)

var linkStateWords = []string{"", "unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up"}

func (s LinkState) String() string { return word(linkStateWords, s, "LinkState") }

// BondMode is the mode attribute of <bond>.
type BondMode uint8

const (
	BondModeUnset BondMode = iota
	BondBalanceRR
	BondActiveBackup
	BondBalanceXOR
	BondBroadcast
	Bond8023AD
	BondBalanceTLB
	BondBalanceALB
)

var bondModeWords = []string{"", "balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb"}

func (m BondMode) String() string { return word(bondModeWords, m, "BondMode") }

// Carrier is the carrier attribute of <miimon> (the bonding driver's
// use_carrier setting).
type Carrier uint8

const (
	CarrierUnset Carrier = iota
	CarrierIoctl
	CarrierNetif
)

var carrierWords = []string{"", "ioctl", "netif"}

func (c Carrier) String() string { return word(carrierWords, c, "Carrier") }

// ARPValidate is the validate attribute of <arpmon>.
type ARPValidate uint8

const (
	ValidateUnset ARPValidate = iota
	ValidateNone
	ValidateActive
	ValidateBackup
	ValidateAll
)

var validateWords = []string{"", "none", "active", "backup", "all"}

func (v ARPValidate) String() string { return word(validateWords, v, "ARPValidate") }

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

// ParseLinkState returns the link state a word names.
func ParseLinkState(s string) (LinkState, bool) { return lookup[LinkState](linkStateWords, s) }

// ParseBondMode returns the bond mode a word names.
func ParseBondMode(s string) (BondMode, bool) { return lookup[BondMode](bondModeWords, s) }

// ParseARPValidate returns the ARP validation a word names.
func ParseARPValidate(s string) (ARPValidate, bool) { return lookup[ARPValidate](validateWords, s) }
