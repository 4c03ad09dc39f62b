package lensnet

import (
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/tree"
)

// Version is the Augeas version whose behaviour lensnet follows; it is
// the value of /augeas/version, which scripts test for features.
const Version = "1.14.0"

// initMeta builds /augeas as Augeas does at start: root, context,
// variables, version (with the save modes, defvar and path functions it
// knows), save and span.
func (h *Handle) initMeta(root string, mode files.Mode, span bool) {
	a := h.augeasNode()
	if !strings.HasSuffix(root, "/") {
		root += "/"
	}
	a.Append(tree.NewValue("root", root), tree.NewValue("context", "/files"), tree.New("variables"))
	v := tree.NewValue("version", Version)
	a.Append(v)
	save := tree.New("save")
	for _, m := range []files.Mode{files.Backup, files.NewFile, files.Noop, files.Overwrite} {
		save.Append(tree.NewValue("mode", m.String()))
	}
	defvar := tree.New("defvar")
	defvar.Append(tree.New("expr"))
	fns := tree.New("functions")
	for _, f := range []string{"count", "glob", "label", "last", "modified", "position", "regexp"} {
		fns.Append(tree.New(f))
	}
	pathx := tree.New("pathx")
	pathx.Append(fns)
	v.Append(save, defvar, pathx)
	a.Append(tree.NewValue("save", mode.String()))
	sp := "disable"
	if span {
		sp = "enable"
	}
	a.Append(tree.NewValue("span", sp))
}

// metaNode returns /augeas/<label>, creating it at the end when missing.
func (h *Handle) metaNode(label string) *tree.Node {
	a := h.augeasNode()
	if n := child(a, label); n != nil {
		return n
	}
	n := tree.New(label)
	a.Append(n)
	return n
}

// metaValue returns the value of /augeas/<label>.
func (h *Handle) metaValue(label string) (string, bool) { return valueOf(h.augeasNode(), label) }

// addLoad adds the globs of filter to the transform /augeas/load/<key>,
// creating it with lensName, or giving it lensName, as augtool's
// transform command does. Globs are written in the reverse of the
// filter's order, as Augeas lists them.
func (h *Handle) addLoad(key, lensName string, filter lang.Filter) {
	load := h.metaNode("load")
	x := child(load, key)
	if x == nil {
		x = tree.New(key)
		load.Append(x)
	}
	set(x, "lens", lensName)
	for i := len(filter) - 1; i >= 0; i-- {
		g := filter[i]
		kind := "excl"
		if g.Include {
			kind = "incl"
		}
		x.Append(tree.NewValue(kind, g.Pattern))
	}
}

// transforms reads the transforms from /augeas/load, where autoload,
// Transform and users (set /augeas/load/X/lens ...) put them. Each
// transform's lens is compiled when a file it claims is read or written
// (lensOf).
func (h *Handle) transforms() []*xform {
	load := child(h.augeasNode(), "load")
	if load == nil {
		return nil
	}
	var out []*xform
	for _, n := range load.Children() {
		key, ok := n.Label()
		if !ok {
			continue
		}
		x := &xform{key: key, node: n}
		for _, c := range n.Children() {
			l, _ := c.Label()
			v, _ := c.Value()
			switch l {
			case "lens":
				x.name = v
			case "incl", "excl":
				x.filter = append(x.filter, lang.Glob{Include: l == "incl", Pattern: v})
			}
		}
		out = append(out, x)
	}
	return out
}

// lensOf compiles (once per lens name) the lens of a transform: "@Mod"
// is the lens of module Mod's autoload transform, "Mod.name" a lens
// of module Mod. A lens that cannot be found or compiled records
// /augeas/load/<key>/error, as Augeas does.
func (h *Handle) lensOf(x *xform) (*lens.Lens, error) {
	if r, ok := h.lenses[x.name]; ok {
		return r.lens, r.err
	}
	var l *lens.Lens
	var err error
	switch {
	case x.name == "":
		err = fmt.Errorf("transform %s has no lens", x.key)
	case strings.HasPrefix(x.name, "@"):
		var m *lang.Module
		if m, err = h.ld.Load(x.name[1:]); err == nil {
			if t, ok := m.Transform(); ok {
				l = t.Lens
			} else {
				err = fmt.Errorf("module %s has no autoload transform", x.name[1:])
			}
		}
	default:
		l, err = h.ld.Lens(x.name)
	}
	if h.lenses == nil {
		h.lenses = map[string]lensResult{}
	}
	h.lenses[x.name] = lensResult{l, err}
	return l, err
}

type lensResult struct {
	lens *lens.Lens
	err  error
}

// saveMode reads /augeas/save.
func (h *Handle) saveMode() (files.Mode, error) {
	v, _ := h.metaValue("save")
	return files.ParseMode(v)
}

// contextNode is the node /augeas/context names, against which
// relative paths are read. When it names no node, relative paths match
// nothing (a detached node stands in) and, with create, the node is
// created, as augtool creates it when a relative path is set.
func (h *Handle) contextNode(create bool) (*tree.Node, error) {
	c, ok := h.metaValue("context")
	if !ok || c == "" || c == "/files" {
		return h.filesNode(), nil
	}
	px, err := tree.ParsePath(c)
	if err != nil {
		return nil, fmt.Errorf("/augeas/context: %w", err)
	}
	ns, err := px.MatchVars(h.root, h.liveVars())
	if err != nil {
		return nil, fmt.Errorf("/augeas/context: %w", err)
	}
	switch {
	case len(ns) == 1:
		return ns[0], nil
	case len(ns) > 1:
		return nil, fmt.Errorf("/augeas/context %s: %w", c, ErrManyMatches)
	case create:
		return px.CreateVars(h.root, h.liveVars())
	}
	return tree.NewHidden(), nil
}

// Context returns /augeas/context, the path relative paths start from.
func (h *Handle) Context() string {
	c, _ := h.metaValue("context")
	return c
}

// SetContext sets /augeas/context (a trailing "/" is dropped).
func (h *Handle) SetContext(p string) {
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
	}
	set(h.augeasNode(), "context", p)
}

// Info is what augtool's info command shows.
type Info struct {
	Version  string
	Root     string
	LoadPath []string
	Context  string
	NumFiles int
}

// Info describes the handle: version, root, lens search path, context
// and the number of loaded files.
func (h *Handle) Info() Info {
	in := Info{Version: Version, Context: h.Context()}
	in.Root, _ = h.metaValue("root")
	for _, d := range h.ld.Path() {
		in.LoadPath = append(in.LoadPath, d.Name)
	}
	if fn := child(h.augeasNode(), "files"); fn != nil {
		var walk func(n *tree.Node)
		walk = func(n *tree.Node) {
			for _, c := range n.Children() {
				if l, _ := c.Label(); l == "path" {
					in.NumFiles++
				} else if l != "error" && l != "lens" && l != "mtime" {
					walk(c)
				}
			}
		}
		walk(fn)
	}
	return in
}
