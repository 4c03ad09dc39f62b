package lensnet

import (
	"runtime/debug"
	"strings"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/tree"
)

// AugeasVersion is the version of Augeas whose behaviour lensnet
// follows: the value of /augeas/version, which scripts test for
// features, and the version augtool's info shows (Info.Version).
const AugeasVersion = "1.14.0"

// modulePath is lensnet's module, whose version Version looks up.
const modulePath = "github.com/lensnet/lensnet"

// Version returns lensnet's own version: the version of the lensnet
// module the program was built with (e.g. "v0.4.0"), or "devel" when
// it was built in lensnet's source tree. AugeasVersion is the version
// of Augeas it follows.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return moduleVersion(bi)
}

// moduleVersion finds lensnet's version in a program's build
// information: the main module's, or a dependency's (or its
// replacement's).
func moduleVersion(bi *debug.BuildInfo) string {
	m := &bi.Main
	if m.Path != modulePath {
		m = nil
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				m = d
				break
			}
		}
	}
	if m != nil && m.Replace != nil {
		m = m.Replace
	}
	if m == nil || m.Version == "" || m.Version == "(devel)" {
		return "devel"
	}
	return m.Version
}

// initMeta builds /augeas as Augeas does at start: root, context,
// variables, version (with the save modes, defvar and path functions it
// knows), save and span.
func (h *Handle) initMeta(root string, mode files.Mode, span bool) {
	a := h.augeasNode()
	if !strings.HasSuffix(root, "/") {
		root += "/"
	}
	a.Append(tree.NewValue("root", root), tree.NewValue("context", "/files"), tree.New("variables"))
	v := tree.NewValue("version", AugeasVersion)
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
	Version  string // AugeasVersion, as augtool shows its own
	Root     string
	LoadPath []string
	Context  string
	NumFiles int
}

// Info describes the handle: version, root, lens search path, context
// and the number of loaded files.
func (h *Handle) Info() Info {
	h.loadAll()
	in := Info{Version: AugeasVersion, Context: h.Context()}
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
