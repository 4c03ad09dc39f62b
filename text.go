package lensnet

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/tree"
)

// ErrNoLens is returned by LoadFile when no transform claims the file,
// and by Store and Retrieve when the lens does not exist.
var ErrNoLens = errors.New("lens not found")

// LoadFile reads one file (an absolute path under the root) with the
// transform of /augeas/load that claims it, replacing what was loaded
// of it before, as augtool's load-file. Parse errors are recorded as
// Load records them (Errors).
func (h *Handle) LoadFile(p string) error {
	x := claim(h.transforms(), p)
	if x == nil {
		return fmt.Errorf("can not determine lens to load file %s: %w", p, ErrNoLens)
	}
	if n := h.pathNode(h.filesNode(), p); n != nil {
		n.Detach()
	}
	if n := h.pathNode(h.augeasNode(), "/files"+p); n != nil {
		n.Detach()
	}
	delete(h.files, p)
	if h.failed == nil {
		h.failed = map[string]bool{}
	}
	delete(h.failed, p)
	h.loadFile(p, x)
	return nil
}

// pathNode returns the node at the slash-separated path under n, or nil.
func (h *Handle) pathNode(n *tree.Node, p string) *tree.Node {
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		if n = child(n, seg); n == nil {
			return nil
		}
	}
	return n
}

// Store parses the value of the single node node with the named lens
// (e.g. "Hosts.lns") and puts the resulting tree at path, replacing its
// children, as augtool's store. A parse error is recorded under
// /augeas/text<path>/error (see Errors) and returned.
func (h *Handle) Store(lensName, node, path string) error {
	l, err := h.namedLens(lensName)
	if err != nil {
		return err
	}
	n, err := h.one(node)
	if err != nil {
		return err
	}
	text, ok := n.Value()
	if !ok {
		return fmt.Errorf("%s: node has no value to parse", node)
	}
	meta := h.textMeta(path)
	t, gerr := l.Get(text)
	if gerr != nil {
		e := tree.NewValue("error", "parse_failed")
		meta.Append(e)
		var ge *lens.GetError
		if errors.As(gerr, &ge) {
			set(e, "pos", fmt.Sprint(ge.Pos.Offset))
			set(e, "line", fmt.Sprint(ge.Pos.Line))
			set(e, "char", fmt.Sprint(ge.Pos.Column-1))
			set(e, "lens", lensName+": "+ge.Lens.String())
			set(e, "message", ge.Msg)
		} else {
			set(e, "message", gerr.Error())
		}
		return fmt.Errorf("store %s into %s: %w", node, path, gerr)
	}
	dst, err := h.one(path)
	if errors.Is(err, ErrNoMatch) {
		dst, err = h.createAtContext(path)
	}
	if err != nil {
		return err
	}
	kids := t.Children()
	t.SetChildren(nil)
	dst.SetChildren(kids)
	return nil
}

// Retrieve writes the tree at path with the named lens, using the value
// of nodeIn as the original text, and stores the text in nodeOut
// (created when missing), as augtool's retrieve.
func (h *Handle) Retrieve(lensName, nodeIn, path, nodeOut string) error {
	l, err := h.namedLens(lensName)
	if err != nil {
		return err
	}
	in, err := h.one(nodeIn)
	if err != nil {
		return err
	}
	text, _ := in.Value()
	src, err := h.one(path)
	if err != nil {
		return err
	}
	meta := h.textMeta(path)
	root := tree.NewHidden()
	root.SetChildren(cloneKids(src))
	out, perr := l.Put(root, text)
	if perr != nil {
		e := tree.NewValue("error", "put_failed")
		meta.Append(e)
		set(e, "message", perr.Error())
		return fmt.Errorf("retrieve %s: %w", path, perr)
	}
	return h.setValue(nodeOut, &out)
}

// textMeta returns /augeas/text<path> with any old error removed.
func (h *Handle) textMeta(path string) *tree.Node {
	n := h.metaNode("text")
	for _, seg := range strings.Split(strings.Trim(path, "/"), "/") {
		c := child(n, seg)
		if c == nil {
			c = tree.New(seg)
			n.Append(c)
		}
		n = c
	}
	if e := child(n, "error"); e != nil {
		e.Detach()
	}
	return n
}

// namedLens compiles a lens given as "Module.name" ("Module" alone
// means Module.lns).
func (h *Handle) namedLens(name string) (*lens.Lens, error) {
	if !strings.Contains(name, ".") {
		name += ".lns"
	}
	l, err := h.lensOf(&xform{name: name})
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrNoLens, err)
	}
	return l, nil
}
