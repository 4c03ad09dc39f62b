package ifxml

import "github.com/lensnet/lensnet/internal/xmlenum"

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

func (t Type) String() string { return xmlenum.Word(typeWords, t, "Type") }

// StartMode is the mode attribute of <start>.
type StartMode uint8

const (
	StartUnset StartMode = iota
	StartOnBoot
	StartNone
	StartHotplug
)

var startWords = []string{"", "onboot", "none", "hotplug"}

func (m StartMode) String() string { return xmlenum.Word(startWords, m, "StartMode") }

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

func (s LinkState) String() string { return xmlenum.Word(linkStateWords, s, "LinkState") }

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

func (m BondMode) String() string { return xmlenum.Word(bondModeWords, m, "BondMode") }

// Carrier is the carrier attribute of <miimon> (the bonding driver's
// use_carrier setting).
type Carrier uint8

const (
	CarrierUnset Carrier = iota
	CarrierIoctl
	CarrierNetif
)

var carrierWords = []string{"", "ioctl", "netif"}

func (c Carrier) String() string { return xmlenum.Word(carrierWords, c, "Carrier") }

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

func (v ARPValidate) String() string { return xmlenum.Word(validateWords, v, "ARPValidate") }

// ParseLinkState returns the link state a word names.
func ParseLinkState(s string) (LinkState, bool) { return xmlenum.Lookup[LinkState](linkStateWords, s) }

// ParseBondMode returns the bond mode a word names.
func ParseBondMode(s string) (BondMode, bool) { return xmlenum.Lookup[BondMode](bondModeWords, s) }

// ParseARPValidate returns the ARP validation a word names.
func ParseARPValidate(s string) (ARPValidate, bool) {
	return xmlenum.Lookup[ARPValidate](validateWords, s)
}
