// Package xform is the declarative transform engine between
// configuration trees and XML: rule files, which are data, say how the
// keys of a record (an ifcfg file's variables, a Debian stanza's
// options) map to elements and attributes of an XML document, and both
// directions come from the same rules. It knows trees and XML, nothing
// of network interfaces: the rules belong to the backends, which also
// say which records make up one document.
//
// # Records
//
// A Record is an ordered list of keys and values (a key may repeat).
// FromTree reads one from the children of a tree node through a Codec
// (which children are keys, how values are quoted); Apply writes one
// back, touching only the children whose decoded value changed, so
// comments, unknown keys, order and quoting survive.
//
// # Rule files
//
// A rule file is lines of blank-separated words; "#" at the start of a
// word starts a comment. Words may hold brackets and quotes with
// blanks inside. The lines are:
//
//	map NAME CFG=XML...        value spellings: reading takes any CFG
//	                           (case aside), writing the first pair
//	                           with the XML value; a value no pair
//	                           names is copied
//	detect TYPE COND... [| COND...]
//	                           the first detect line whose conditions
//	                           hold gives a record's type (COND: KEY,
//	                           KEY=VALUE ignoring case, !KEY); a line
//	                           without conditions always holds
//	section NAME               starts a section of rule lines
//	FUNC ARG... [only=get|put] a rule: a function applied to arguments
//	unit ROLE TYPE = SECTION... [keep SECTION...]
//	                           what an element of a role (top, port...)
//	                           and type is made of, in the order new
//	                           keys are written; the keys of keep
//	                           sections are left as they are
//
// Paths are relative to the element a unit is applied to: "a/b",
// "a[@k='v']", "a[2]", ".." and a leading "/" (the root element), with
// "@attr" as the last step for an attribute. Keys ending in "#" stand
// for numbered families (IPADDR# is IPADDR, IPADDR0, IPADDR1...).
//
// The generic functions:
//
//	value PATH@a KEY [map=M] [create=no]   an attribute is a key's value
//	const KEY VALUE                        a key always written so
//	flag PATH KEY VALUE [else=V]           an element is there when the
//	                                       key has the value; else= is
//	                                       written when it is not but its
//	                                       parent is
//	exists PATH COND...                    an element is there when a
//	                                       condition holds; KEY=VALUE
//	                                       conditions are written for it
//	element PATH                           an element always there
//	indexed PATH @a=KEY#[:M][|KEY#...]...  repeated elements as numbered
//	                                       keys (the first without number)
//	list PATH @a[/@b] KEY [KEY2]           repeated elements as a blank
//	                                       separated list (the first item
//	                                       in KEY, the rest in KEY2)
//	packed PATH KEY NAME=SPEC...           NAME=VALUE options inside one
//	                                       value; SPEC is
//	                                       [>]RELPATH[:M][?PATH=VALUE]
//	                                       (">": written only; "?": only
//	                                       when the condition holds);
//	                                       unknown options are kept
//
// Any rule may say update=only: it then writes into an existing record
// only the keys that record has (a port's own ONBOOT follows its
// bridge's start mode, a port without one keeps having none), and
// everything into a new one.
//
// Two maps are built in: netmask (a dotted IPv4 netmask in the file, a
// prefix length in the XML) and nozone (an address whose %zone the XML
// drops).
//
// Backends add functions of their own (Func) for what no generic one
// says, e.g. start modes from two yes/no keys.
//
// # How put keeps a file as it was
//
// Unit.Put lays what the XML implies over the old record: keys no rule
// owns stay where they are; a rule whose old keys read as what the XML
// now says keeps them as written (ONBOOT=YES, a NETMASK instead of a
// PREFIX, mode=1 instead of mode=active-backup); other owned keys are
// changed in place, removed when the XML no longer implies them, and
// new ones go after the key before them in rule order. Defining
// exactly what reading gives therefore changes nothing.
//
// # A worked example
//
// With these rules,
//
//	map yesno yes=on no=off
//	detect bridge TYPE=Bridge
//	detect ethernet
//	section common
//	value  @name         DEVICE
//	value  mtu/@size     MTU
//	section bridge
//	const  TYPE          Bridge
//	value  bridge/@stp   STP map=yesno
//	unit top ethernet = common
//	unit top bridge   = common bridge
//
// the record DEVICE=br0 TYPE=Bridge STP=yes reads (Rules.Type gives
// bridge) as <interface name='br0'><bridge stp='on'/></interface>, and
// putting <interface name='br0'><mtu size='9000'/><bridge
// stp='on'/></interface> over it gives DEVICE=br0 MTU=9000 TYPE=Bridge
// STP=yes: STP keeps its spelling and MTU goes after DEVICE.
package xform
