package debian

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/tree"
	"github.com/lensnet/lensnet/xform"
	"github.com/spf13/afero"
)

//go:embed debian.xf
var rulesText []byte

var loadRules = sync.OnceValues(func() (*xform.Rules, error) {
	return xform.Parse("debian.xf", rulesText, funcs)
})

// Driver is the debian regime on one root. It reads the files when
// opened (and on Reload); Define and Undefine save what they change.
// Not safe for concurrent use.
type Driver struct {
	fs    afero.Fs
	h     *lensnet.Handle
	rs    *xform.Rules
	files []string // the interfaces files, in ifupdown's order
	idx   *index   // nil after a change
}

var _ backends.Driver = (*Driver)(nil)

func init() {
	backends.Register(backends.Regime{
		Name:   "debian",
		Detect: Detect,
		Open:   func(fs afero.Fs) (backends.Driver, error) { return Open(fs) },
	})
}

// Detect reports whether the root looks like this regime: it has
// /etc/network/interfaces.
func Detect(fs afero.Fs) bool {
	fi, err := fs.Stat(Interfaces)
	return err == nil && !fi.IsDir()
}

// Open reads /etc/network/interfaces, the files it sources and the
// bonding aliases of a root (see backends.FS).
func Open(fs afero.Fs) (*Driver, error) {
	rs, err := loadRules()
	if err != nil {
		return nil, err
	}
	d := &Driver{fs: fs, rs: rs}
	if err := d.Reload(); err != nil {
		return nil, err
	}
	return d, nil
}

// Name implements backends.Driver.
func (d *Driver) Name() string { return "debian" }

// Reload reads the files again (and finds again which files are
// sourced).
func (d *Driver) Reload() error {
	d.idx = nil
	d.files = configFiles(d.fs)
	t := []string{"Modprobe incl " + ModprobeDir + "/*"}
	for _, x := range excluded {
		t = append(t, "Modprobe excl "+x) // matched against the name
	}
	for _, f := range d.files {
		t = append(t, "Interfaces incl "+f)
	}
	if len(d.files) == 0 {
		t = append(t, "Interfaces incl "+Interfaces)
	}
	h, err := lensnet.Open(lensnet.Options{Fs: d.fs, LoadAll: true, NoAutoload: true, Transforms: t, LazyMin: -1, KeepLayout: true})
	if err != nil {
		return err
	}
	d.h = h
	return nil
}

// stanza is one "iface NAME FAMILY METHOD" stanza and its option lines.
type stanza struct {
	file   string
	node   *tree.Node
	name   string
	family string
	rec    *xform.Record
	nodes  []*tree.Node // the line of each entry of rec
	dash   bool         // the stanza writes bond-*, bridge-* options with dashes
	pos    int          // file order
}

// broken is a file that did not parse, with the interfaces its text
// declares.
type broken struct {
	err   *lensnet.FileError
	names []string
}

type index struct {
	stanzas []*stanza
	byName  map[string][]*stanza
	starts  []*tree.Node      // auto and allow-hotplug lines
	owner   map[string]string // a port or slave's bridge or bond
	broken  []broken
	mainErr error // /etc/network/interfaces did not parse
	// slavesOf lists, by bond, the stanzas naming it as their
	// bond-master, in order (made on first use)
	slavesOf map[string][]string
	// modes is each name's start mode by its auto and allow-hotplug
	// lines (made on first use)
	modes map[string]string
}

func (d *Driver) fileNode(p string) *tree.Node {
	ns, _ := d.h.MatchNodes("/files" + p)
	if len(ns) == 1 {
		return ns[0]
	}
	return nil
}

func (d *Driver) index() (*index, error) {
	if d.idx != nil {
		return d.idx, nil
	}
	ix := &index{byName: map[string][]*stanza{}, owner: map[string]string{}}
	for _, fe := range d.h.Errors() {
		if !slices.Contains(d.files, fe.Path) {
			continue
		}
		ix.broken = append(ix.broken, broken{fe, declared(d.fs, fe.Path)})
		if fe.Path == Interfaces {
			ix.mainErr = fe
		}
	}
	for _, f := range d.files {
		n := d.fileNode(f)
		if n == nil {
			continue
		}
		for _, k := range n.Children() {
			label, _ := k.Label()
			switch label {
			case "auto", "allow-hotplug":
				ix.starts = append(ix.starts, k)
			case "iface":
				st := &stanza{file: f, node: k, pos: len(ix.stanzas)}
				st.name, _ = k.Value()
				for _, c := range k.Children() {
					if l, _ := c.Label(); l == "family" {
						st.family, _ = c.Value()
					}
				}
				st.rec, st.nodes, st.dash = readStanza(k)
				ix.stanzas = append(ix.stanzas, st)
				ix.byName[st.name] = append(ix.byName[st.name], st)
			}
		}
	}
	for name, sts := range ix.byName {
		rec := ix.record(mainStanza(sts))
		for _, k := range []string{"bridge_ports", "bond_slaves"} {
			for _, m := range memberNames(onlyKey(rec, k), k, "") {
				if _, ok := ix.owner[m]; !ok && m != name {
					ix.owner[m] = name
				}
			}
		}
		for _, st := range sts {
			if b, ok := st.rec.Value("bond_master"); ok && b != name {
				if _, ok := ix.owner[name]; !ok {
					ix.owner[name] = b
				}
			}
		}
	}
	d.idx = ix
	return ix, nil
}

func onlyKey(rec *xform.Record, key string) *xform.Record {
	out := &xform.Record{}
	for _, v := range rec.Values(key) {
		out.Add(key, v)
	}
	if key == "bond_slaves" {
		for _, v := range rec.Values("%slave") {
			out.Add("%slave", v)
		}
	}
	return out
}

// linkKey reports whether a key is one of the interface's own options
// (not of one address family): these live in the main stanza.
func linkKey(k string) bool {
	return k == "hwaddress" || k == "mtu" || k == "%ifup" || k == "%ifdown" ||
		strings.HasPrefix(k, "bridge_") || strings.HasPrefix(k, "bond_") || strings.HasPrefix(k, "vlan_")
}

func hasLinkKey(st *stanza) bool {
	return slices.ContainsFunc(st.rec.Entries, func(e xform.Entry) bool { return linkKey(e.Key) })
}

// firstOf returns the first stanza of a family.
func firstOf(sts []*stanza, family string) *stanza {
	for _, st := range sts {
		if st.family == family {
			return st
		}
	}
	return nil
}

// mainStanza returns the stanza that holds the interface's own options
// (mac, mtu, bridge, bond, vlan): the first of the first inet and
// first inet6 stanzas that has any, else the first inet stanza, else
// the first inet6 one, else the first.
func mainStanza(sts []*stanza) *stanza {
	if len(sts) == 0 {
		return nil
	}
	var firsts []*stanza
	for _, f := range []string{"inet", "inet6"} {
		if st := firstOf(sts, f); st != nil {
			firsts = append(firsts, st)
		}
	}
	sort.Slice(firsts, func(i, j int) bool { return firsts[i].pos < firsts[j].pos })
	for _, st := range firsts {
		if hasLinkKey(st) {
			return st
		}
	}
	if len(firsts) > 0 {
		if st := firstOf(sts, "inet"); st != nil {
			return st
		}
		return firsts[0]
	}
	return sts[0]
}

// record is a stanza's record with what other stanzas say of its
// interface: %slave for each stanza naming it as bond-master, and
// %vlanname when its name is DEV.TAG.
func (ix *index) record(st *stanza) *xform.Record {
	rec := st.rec.Clone()
	rec.Add("%name", st.name)
	if ix.slavesOf == nil {
		ix.slavesOf = map[string][]string{}
		for _, o := range ix.stanzas {
			if b, ok := o.rec.Value("bond_master"); ok && !slices.Contains(ix.slavesOf[b], o.name) {
				ix.slavesOf[b] = append(ix.slavesOf[b], o.name)
			}
		}
	}
	for _, s := range ix.slavesOf[st.name] {
		rec.Add("%slave", s)
	}
	if vlanName(st.name) {
		rec.Add("%vlanname", "yes")
	}
	return rec
}

// vlanName reports whether a name is a VLAN's DEV.TAG.
func vlanName(name string) bool {
	_, tag, ok := backends.VLANFromName(name, "")
	if !ok || len(tag) > 4 {
		return false
	}
	n := 0
	for _, c := range tag {
		n = n*10 + int(c-'0')
	}
	return n <= 4095
}

// typeOf is the type of an interface by its main stanza (ethernet, or
// vlan by its name, when it has none).
func (d *Driver) typeOf(ix *index, name string) string {
	st := mainStanza(ix.byName[name])
	if st == nil {
		if vlanName(name) {
			return "vlan"
		}
		return "ethernet"
	}
	return d.rs.Type(ix.record(st))
}

// List implements backends.Driver: the names of the interfaces that
// have stanzas and are no port or slave, sorted. A file that did not
// parse adds the names its iface lines declare.
func (d *Driver) List() ([]string, error) {
	ix, err := d.index()
	if err != nil {
		return nil, err
	}
	var names []string
	for name, sts := range ix.byName {
		if _, port := ix.owner[name]; !port && slices.ContainsFunc(sts, func(st *stanza) bool { return st.family == "inet" || st.family == "inet6" }) {
			names = append(names, name)
		}
	}
	for _, b := range ix.broken {
		for _, n := range b.names {
			if _, port := ix.owner[n]; !port && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names, nil
}

// brokenFor returns the error of a file that did not parse and may
// hold stanzas of name.
func (ix *index) brokenFor(name string) error {
	if ix.mainErr != nil {
		return ix.mainErr
	}
	for _, b := range ix.broken {
		if slices.Contains(b.names, name) {
			return b.err
		}
	}
	return nil
}

// Get implements backends.Driver.
func (d *Driver) Get(name string) (*etree.Element, error) {
	ix, err := d.index()
	if err != nil {
		return nil, err
	}
	if err := ix.brokenFor(name); err != nil {
		return nil, fmt.Errorf("interface %s: %w", name, err)
	}
	if len(ix.byName[name]) == 0 {
		return nil, fmt.Errorf("%w: %s", backends.ErrNotFound, name)
	}
	if o, port := ix.owner[name]; port {
		return nil, fmt.Errorf("%w: %s (it belongs to %s)", backends.ErrNotFound, name, o)
	}
	return d.read(ix, name, "top", nil, 0)
}

// startMode is what auto and allow-hotplug lines say of name.
func (ix *index) startMode(name string) string {
	if ix.modes == nil {
		ix.modes = map[string]string{}
		for _, n := range ix.starts {
			l, _ := n.Label()
			for _, k := range n.Children() {
				v, _ := k.Value()
				if l == "auto" {
					ix.modes[v] = "onboot"
				} else if ix.modes[v] == "" {
					ix.modes[v] = "hotplug"
				}
			}
		}
	}
	if m := ix.modes[name]; m != "" {
		return m
	}
	return "none"
}

// famRole is the role of a stanza by its place among the stanzas of
// its interface: the first of its family, or an extra one.
func famRole(sts []*stanza, st *stanza) string {
	if firstOf(sts, st.family) == st {
		return st.family
	}
	return st.family + "-extra"
}

// read builds the element of an interface in a role, with its ports or
// slaves below it; parent is where it goes (nil: a new root).
func (d *Driver) read(ix *index, name, role string, parent *etree.Element, depth int) (*etree.Element, error) {
	if depth > 2 {
		return nil, fmt.Errorf("interface %s: ports nested too deep", name)
	}
	if role != "top" {
		if err := ix.brokenFor(name); err != nil {
			return nil, fmt.Errorf("interface %s: %w", name, err)
		}
	}
	typ := d.typeOf(ix, name)
	if role != "top" && typ == "bridge" {
		return nil, fmt.Errorf("interface %s: a bridge cannot be a port or slave", name)
	}
	if role == "slave" && typ != "ethernet" {
		return nil, fmt.Errorf("interface %s: bond slave is a %s; a bond's slaves are ethernet", name, typ)
	}
	var el *etree.Element
	if parent == nil {
		el = etree.NewElement("interface")
	} else {
		el = parent.CreateElement("interface")
	}
	el.CreateAttr("type", typ)
	el.CreateAttr("name", name)
	sts := ix.byName[name]
	main := mainStanza(sts)
	if role == "top" {
		el.CreateElement("start").CreateAttr("mode", ix.startMode(name))
		for _, st := range sts {
			if st.family != "inet" && st.family != "inet6" {
				continue
			}
			r, t := famRole(sts, st), "none"
			if st == main {
				t = typ
			}
			u, ok := d.rs.Unit(r, t)
			if !ok {
				return nil, fmt.Errorf("interface %s: no rules for a %s stanza of a %s", name, r, t)
			}
			if err := u.Get(ix.record(st), el); err != nil {
				return nil, err
			}
		}
	} else {
		u, ok := d.rs.Unit(role, typ)
		if !ok {
			return nil, fmt.Errorf("interface %s: a %s cannot be a %s", name, typ, role)
		}
		rec := &xform.Record{}
		if main != nil {
			rec = ix.record(main)
		}
		if err := u.Get(rec, el); err != nil {
			return nil, err
		}
	}
	for _, kind := range []string{"bridge", "bond"} {
		holder := el.SelectElement(kind)
		if holder == nil {
			continue
		}
		sub := "port"
		if kind == "bond" {
			sub = "slave"
		}
		var names []string
		for _, m := range holder.SelectElements("interface") {
			names = append(names, m.SelectAttrValue("name", ""))
			holder.RemoveChild(m)
		}
		for _, n := range names {
			if _, err := d.read(ix, n, sub, holder, depth+1); err != nil {
				return nil, err
			}
		}
	}
	return el, nil
}

// Files implements backends.Driver.
func (d *Driver) Files() ([]string, error) {
	out := slices.Clone(d.files)
	ps, err := d.h.Match("/files" + ModprobeDir + "/*")
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		out = append(out, strings.TrimPrefix(p, "/files"))
	}
	sort.Strings(out)
	return slices.Compact(out), nil
}
