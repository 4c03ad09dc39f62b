package initscripts

import (
	_ "embed"
	"errors"
	"fmt"
	iofs "io/fs"
	"path"
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

//go:embed initscripts.xf
var rulesText []byte

var loadRules = sync.OnceValues(func() (*xform.Rules, error) {
	return xform.Parse("initscripts.xf", rulesText, map[string]xform.Func{
		"startmode": startMode{},
		"vlan":      backends.VLANFunc{},
	})
})

// Dir is where the ifcfg files are.
const Dir = "/etc/sysconfig/network-scripts"

// backup and editor files are not configuration
var excluded = []string{"*~", "*.bak", "*.orig", "*.rpmnew", "*.rpmorig", "*.rpmsave", "*.augnew", "*.augsave", "*.dpkg-*"}

// transforms are the lens engine's transforms for the files this
// driver manages.
func transforms() []string {
	t := []string{"Shellvars incl " + Dir + "/ifcfg-*", "Modprobe incl " + ModprobeDir + "/*"}
	for _, x := range excluded { // a pattern without "/" is matched against the file's name
		t = append(t, "Shellvars excl "+x, "Modprobe excl "+x)
	}
	return t
}

// Driver is the initscripts regime on one root. It reads the files
// when opened (and on Reload); Define and Undefine save what they
// change. Not safe for concurrent use.
type Driver struct {
	fs  afero.Fs
	h   *lensnet.Handle
	rs  *xform.Rules
	idx *index // the files' records; nil after a change
}

var _ backends.Driver = (*Driver)(nil)

func init() {
	backends.Register(backends.Regime{
		Name:   "initscripts",
		Detect: Detect,
		Open:   func(fs afero.Fs) (backends.Driver, error) { return Open(fs) },
	})
}

// Detect reports whether the root looks like this regime: it has the
// ifcfg directory.
func Detect(fs afero.Fs) bool { return backends.IsDir(fs, Dir) }

// Open reads the ifcfg files and bonding aliases of a root (see
// backends.FS).
func Open(fs afero.Fs) (*Driver, error) {
	rs, err := loadRules()
	if err != nil {
		return nil, err
	}
	h, err := lensnet.Open(lensnet.Options{Fs: fs, LoadAll: true, NoAutoload: true, Transforms: transforms(), LazyMin: -1, KeepLayout: true})
	if err != nil {
		return nil, err
	}
	return &Driver{fs: fs, h: h, rs: rs}, nil
}

// Name implements backends.Driver.
func (d *Driver) Name() string { return "initscripts" }

// Reload reads the files again.
func (d *Driver) Reload() error {
	d.idx = nil
	return d.h.Load()
}

// file is one ifcfg file.
type file struct {
	path   string     // e.g. /etc/sysconfig/network-scripts/ifcfg-eth0
	node   *tree.Node // nil when the file did not parse
	rec    *xform.Record
	name   string // DEVICE, else the file name's suffix
	owner  string // BRIDGE or MASTER
	master bool   // owner is a MASTER
	err    error  // why the file did not load
}

type index struct {
	fs     afero.Fs           // for sysfs under the root
	files  []*file            // in path order
	byName map[string][]*file // by name
	kids   map[string][]*file // by owner
}

func (d *Driver) index() (*index, error) {
	if d.idx != nil {
		return d.idx, nil
	}
	ix := &index{fs: d.fs, byName: map[string][]*file{}, kids: map[string][]*file{}}
	nodes, err := d.h.MatchNodes("/files" + Dir + "/*")
	if err != nil {
		return nil, err
	}
	for _, n := range nodes {
		label, _ := n.Label()
		f := &file{path: Dir + "/" + label, node: n, rec: xform.FromTree(n, shell{})}
		ix.files = append(ix.files, f)
	}
	for _, fe := range d.h.Errors() {
		if strings.HasPrefix(fe.Path, Dir+"/ifcfg-") && !strings.Contains(fe.Path[len(Dir)+1:], "/") {
			ix.files = append(ix.files, &file{path: fe.Path, rec: &xform.Record{}, err: fe})
		}
	}
	sort.Slice(ix.files, func(i, j int) bool { return ix.files[i].path < ix.files[j].path })
	for _, f := range ix.files {
		f.name, _ = f.rec.Value("DEVICE")
		if f.name == "" {
			f.name = strings.TrimPrefix(f.path, Dir+"/ifcfg-")
		}
		if m, ok := f.rec.Value("MASTER"); ok && m != "" {
			f.owner, f.master = m, true
		} else if b, ok := f.rec.Value("BRIDGE"); ok && b != "" {
			f.owner = b
		}
		ix.byName[f.name] = append(ix.byName[f.name], f)
		if f.owner != "" {
			ix.kids[f.owner] = append(ix.kids[f.owner], f)
		}
	}
	d.idx = ix
	return ix, nil
}

// List implements backends.Driver: the names of files that are no
// port or slave, sorted.
func (d *Driver) List() ([]string, error) {
	ix, err := d.index()
	if err != nil {
		return nil, err
	}
	var names []string
	for name, fs := range ix.byName {
		if ix.top(fs) != nil {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, nil
}

// top returns the file that defines a top-level interface among the
// files of one name, as initscripts' need_config picks it: the one
// named ifcfg-NAME, else the last by path whose HWADDR is the device's
// MAC (sysfs under the root), else the last by path.
func (ix *index) top(fs []*file) *file {
	var cands []*file
	for _, f := range fs {
		if f.owner == "" {
			cands = append(cands, f)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	for _, f := range cands {
		if strings.TrimPrefix(f.path, Dir+"/ifcfg-") == f.name {
			return f
		}
	}
	if mac := ix.mac(cands[0].name); mac != "" {
		for i := len(cands) - 1; i >= 0; i-- {
			if hw, _ := cands[i].rec.Value("HWADDR"); strings.EqualFold(hw, mac) {
				return cands[i]
			}
		}
	}
	return cands[len(cands)-1]
}

// mac returns a device's MAC as sysfs under the root has it, "" if it
// has none.
func (ix *index) mac(name string) string {
	if ix.fs == nil {
		return ""
	}
	b, err := afero.ReadFile(ix.fs, "/sys/class/net/"+name+"/address")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// typeOf detects a file's interface type.
func (d *Driver) typeOf(ix *index, f *file) string {
	rec := f.rec
	if slices.ContainsFunc(ix.kids[f.name], func(k *file) bool { return k.master }) {
		rec = rec.Clone()
		rec.Add("%slaves", "yes")
	}
	return d.rs.Type(rec)
}

// Get implements backends.Driver.
func (d *Driver) Get(name string) (*etree.Element, error) {
	ix, err := d.index()
	if err != nil {
		return nil, err
	}
	f := ix.top(ix.byName[name])
	if f == nil {
		return nil, fmt.Errorf("%w: %s", backends.ErrNotFound, name)
	}
	return d.read(ix, f, "top", nil)
}

// read builds the element of one file in a role, with its ports or
// slaves below it; parent is where it goes (nil: a new root).
func (d *Driver) read(ix *index, f *file, role string, parent *etree.Element) (*etree.Element, error) {
	if f.err != nil {
		return nil, fmt.Errorf("interface %s: %w", f.name, f.err)
	}
	typ := d.typeOf(ix, f)
	if role != "top" && typ == "bridge" {
		return nil, fmt.Errorf("interface %s: %s is a bridge, which cannot be a port or slave", f.name, f.path)
	}
	if role == "slave" && typ != "ethernet" {
		return nil, fmt.Errorf("interface %s: bond slave %s is a %s; a bond's slaves are ethernet", f.name, f.path, typ)
	}
	unit, ok := d.rs.Unit(role, typ)
	if !ok {
		return nil, fmt.Errorf("interface %s: a %s cannot be a %s", f.name, typ, role)
	}
	var el *etree.Element
	if parent == nil {
		el = etree.NewElement("interface")
	} else {
		el = parent.CreateElement("interface")
	}
	el.CreateAttr("type", typ)
	el.CreateAttr("name", f.name)
	if err := unit.Get(f.rec, el); err != nil {
		return nil, err
	}
	switch typ {
	case "bridge":
		for _, p := range d.members(ix, f, false) {
			if _, err := d.read(ix, p, "port", el.SelectElement("bridge")); err != nil {
				return nil, err
			}
		}
	case "bond":
		for _, s := range d.members(ix, f, true) {
			if _, err := d.read(ix, s, "slave", el.SelectElement("bond")); err != nil {
				return nil, err
			}
		}
	}
	return el, nil
}

// members returns the ports (or slaves) of f in their order: the
// order key's names first (lensnet writes it when no other order
// holds), then a bond's primary, then path order.
func (d *Driver) members(ix *index, f *file, slaves bool) []*file {
	var ms []*file
	for _, k := range ix.kids[f.name] {
		if k.master == slaves {
			ms = append(ms, k)
		}
	}
	var first []string
	if v, ok := f.rec.Value(orderKey(slaves)); ok {
		first = strings.Fields(v)
	}
	if slaves {
		if p := primary(f.rec); p != "" && !slices.Contains(first, p) {
			first = append(first, p)
		}
	}
	rank := func(m *file) int {
		if i := slices.Index(first, m.name); i >= 0 {
			return i
		}
		return len(first)
	}
	sort.SliceStable(ms, func(i, j int) bool { return rank(ms[i]) < rank(ms[j]) })
	return ms
}

// orderKey holds the order of a bridge's ports or a bond's slaves when
// neither the primary nor the files' path order gives it. initscripts
// ignores it.
func orderKey(slaves bool) string {
	if slaves {
		return "LENSNET_SLAVES"
	}
	return "LENSNET_PORTS"
}

// primary is the primary= option of a bond's BONDING_OPTS.
func primary(rec *xform.Record) string {
	v, _ := rec.Value("BONDING_OPTS")
	for _, kv := range xform.SplitOptions(v) {
		if kv[0] == "primary" {
			return kv[1]
		}
	}
	return ""
}

// Files implements backends.Driver: the ifcfg, route and rule files,
// and modprobe.d's.
func (d *Driver) Files() ([]string, error) {
	var out []string
	for dir, pats := range map[string][]string{
		Dir:         {"ifcfg-*", "route-*", "route6-*", "rule-*", "rule6-*"},
		ModprobeDir: {"*"},
	} {
		names, err := readDirNames(d.fs, dir)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if excludedName(n) {
				continue
			}
			for _, p := range pats {
				if ok, _ := path.Match(p, n); ok {
					out = append(out, dir+"/"+n)
					break
				}
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// readDirNames lists a directory's names (none if it is missing).
func readDirNames(fs afero.Fs, dir string) ([]string, error) {
	f, err := fs.Open(dir)
	if errors.Is(err, iofs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

// excludedName reports whether a file name is a backup or editor file.
func excludedName(base string) bool {
	if strings.HasPrefix(base, ".") {
		return true
	}
	for _, x := range excluded {
		if suffix, ok := strings.CutPrefix(x, "*"); ok && !strings.ContainsAny(suffix, "*?[") {
			if strings.HasSuffix(base, suffix) {
				return true
			}
			continue
		}
		if ok, _ := path.Match(x, base); ok {
			return true
		}
	}
	return false
}
