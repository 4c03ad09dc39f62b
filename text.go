package lensnet

import (
	"errors"
	"fmt"

	"github.com/lensnet/lensnet/tree"
)

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
		describeGetError(e, lensName, gerr)
		return &TextError{Path: path, Err: gerr}
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
	ns, err := h.match(path)
	if err != nil {
		return err
	}
	root := tree.NewHidden()
	switch len(ns) {
	case 0: // as augtool: no tree is the empty tree
	case 1:
		root.SetChildren(cloneKids(ns[0]))
	default:
		return fmt.Errorf("%s: %w", path, ErrManyMatches)
	}
	meta := h.textMeta(path)
	out, perr := l.Put(root, text)
	if perr != nil {
		e := tree.NewValue("error", "put_failed")
		meta.Append(e)
		set(e, "message", perr.Error())
		return &TextError{Path: path, Err: perr}
	}
	return h.setValue(nodeOut, &out)
}

// textMeta returns /augeas/text<path> with any old error removed.
func (h *Handle) textMeta(path string) *tree.Node {
	n := h.mkdirs(h.metaNode("text"), path)
	if e := child(n, "error"); e != nil {
		e.Detach()
	}
	return n
}
