package debian

import (
	"regexp"
	"strings"

	"github.com/lensnet/lensnet/tree"
	"github.com/lensnet/lensnet/xform"
)

// A stanza's option lines and its record: the key of a line is its
// option name in underscore style for the options ifupdown's bonding,
// bridge and vlan scripts read in either style (bond-slaves is
// bond_slaves), or a key of its own for netcf's command lines (see
// debian.xf). Values are the line's rest; hwaddress loses "ether", and
// the lens's word lists (bond-slaves, bridge-ports) are joined by
// blanks.

// commands are netcf's command lines: label, pattern of the value, key.
var commands = []struct {
	label string
	re    *regexp.Regexp
	key   string
}{
	{"pre-up", regexp.MustCompile(`^echo 0 > /proc/sys/net/ipv6/conf/\S+/autoconf$`), "%autoconf-pre"},
	{"post-down", regexp.MustCompile(`^echo 1 > /proc/sys/net/ipv6/conf/\S+/autoconf$`), "%autoconf-post"},
	{"up", regexp.MustCompile(`^/sbin/ifconfig \S+ inet6 add \S+$`), "%inet6-add"},
	{"down", regexp.MustCompile(`^/sbin/ifconfig \S+ inet6 del \S+$`), "%inet6-del"},
	{"pre-up", regexp.MustCompile(`^ifup \S+$`), "%ifup"},
	{"post-down", regexp.MustCompile(`^ifdown \S+$`), "%ifdown"},
}

// wordLists are the options the Interfaces lens splits into numbered
// words (in dash style only).
var wordLists = map[string]bool{"bond-slaves": true, "bridge-ports": true}

// dual reports whether an option is read in both styles.
func dual(label string) bool {
	return strings.HasPrefix(label, "bond") || strings.HasPrefix(label, "bridge") || strings.HasPrefix(label, "vlan")
}

// keyOf returns the record key of an option line.
func keyOf(label, value string) string {
	for _, c := range commands {
		if c.label == label && c.re.MatchString(value) {
			return c.key
		}
	}
	if dual(label) {
		return strings.ReplaceAll(label, "-", "_")
	}
	return label
}

// labelOf returns the option name to write a key under: a command's
// label, or the key in the stanza's style.
func labelOf(key string, dash bool) string {
	for _, c := range commands {
		if c.key == key {
			return c.label
		}
	}
	if dash && dual(key) {
		return strings.ReplaceAll(key, "_", "-")
	}
	return key
}

// isOption reports whether a child of an iface node is an option line
// (not family, a comment or an empty line's node).
func isOption(label string) bool {
	return label != "" && label != "family" && label[0] != '#'
}

// nodeValue is an option's value: a word list's words joined.
func nodeValue(n *tree.Node) string {
	l, _ := n.Label()
	if wordLists[l] {
		var ws []string
		for _, k := range n.Children() {
			v, _ := k.Value()
			ws = append(ws, v)
		}
		return strings.Join(ws, " ")
	}
	v, _ := n.Value()
	return v
}

func decode(key, raw string) string {
	if key == "hwaddress" {
		return strings.TrimSpace(strings.TrimPrefix(raw, "ether "))
	}
	return raw
}

func encode(key, v string, old *string) string {
	if key == "hwaddress" && (old == nil || strings.HasPrefix(*old, "ether ")) {
		return "ether " + v
	}
	return v
}

// readStanza reads a stanza's option lines: the record and the node
// of each entry.
func readStanza(n *tree.Node) (*xform.Record, []*tree.Node, bool) {
	rec := &xform.Record{}
	var nodes []*tree.Node
	dash := false
	for _, k := range n.Children() {
		label, _ := k.Label()
		if !isOption(label) {
			continue
		}
		raw := nodeValue(k)
		key := keyOf(label, raw)
		if dual(label) && strings.Contains(label, "-") {
			dash = true
		}
		rec.Add(key, decode(key, raw))
		nodes = append(nodes, k)
	}
	return rec, nodes, dash
}

// setNode gives an option node its value, as words for a word list.
func setNode(n *tree.Node, v string) {
	l, _ := n.Label()
	if !wordLists[l] {
		n.SetValue(v)
		return
	}
	for n.Len() > 0 {
		n.Remove(n.Len() - 1)
	}
	for i, w := range strings.Fields(v) {
		n.Append(tree.NewValue(itoa(i+1), w))
	}
}

func itoa(i int) string {
	const d = "0123456789"
	if i < 10 {
		return d[i : i+1]
	}
	return itoa(i/10) + d[i%10:i%10+1]
}

func newOption(key, v string, dash bool) *tree.Node {
	label := labelOf(key, dash)
	if wordLists[label] {
		n := tree.New(label)
		setNode(n, v)
		return n
	}
	return tree.NewValue(label, v)
}

// applyStanza makes the option lines of n hold rec, the record
// readStanza read (old, with its nodes) as Unit.Put changed it: the
// i-th entry of a key is the i-th line with it; lines whose value is
// unchanged are not touched, lines of removed entries go, and new
// lines go after the line of the entry before them (the first after
// the header). Comments stay where they are.
func applyStanza(n *tree.Node, old *xform.Record, nodes []*tree.Node, rec *xform.Record, dash bool) {
	byKey := map[string][]*tree.Node{}
	raws := map[*tree.Node]string{}
	for i, e := range old.Entries {
		byKey[e.Key] = append(byKey[e.Key], nodes[i])
		raws[nodes[i]] = nodeValue(nodes[i])
	}
	used := map[*tree.Node]bool{}
	var last *tree.Node
	for _, e := range rec.Entries {
		if strings.HasPrefix(e.Key, "%") && !isCommand(e.Key) {
			continue // what the driver added (%slave, %vlanname)
		}
		if ns := byKey[e.Key]; len(ns) > 0 {
			node := ns[0]
			byKey[e.Key] = ns[1:]
			used[node] = true
			raw := raws[node]
			if decode(e.Key, raw) != e.Value {
				setNode(node, encode(e.Key, e.Value, &raw))
			}
			last = node
			continue
		}
		node := newOption(e.Key, encode(e.Key, e.Value, nil), dash)
		if last == nil {
			// after the header's family and method, before the rest
			at := 0
			for i, k := range n.Children() {
				if l, _ := k.Label(); l == "family" || l == "method" {
					at = i + 1
				}
			}
			n.Insert(at, node)
		} else {
			n.Insert(last.Index()+1, node)
		}
		last = node
	}
	for _, ns := range byKey {
		for _, k := range ns {
			if !used[k] {
				k.Detach()
			}
		}
	}
}

func isCommand(key string) bool {
	for _, c := range commands {
		if c.key == key {
			return true
		}
	}
	return false
}
