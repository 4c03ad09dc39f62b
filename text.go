package lensnet

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/tree"
)

// TextError is Store's or Retrieve's failure to read or write the text
// with the lens; it is also recorded under /augeas/text<Path>/error.
type TextError struct {
	Path string // the tree path stored to or retrieved from
	Err  error
}

func (e *TextError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *TextError) Unwrap() error { return e.Err }

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

// ErrSpanDisabled is returned by Span when files were loaded without
// span recording (Options.Span, /augeas/span = enable); ErrNoSpan when
// the node has no position in a file (it is above the files, or was
// made by an edit).
var (
	ErrSpanDisabled = errors.New("span is not enabled")
	ErrNoSpan       = errors.New("node has no span info")
)

// Span is where a node is in its file: byte ranges of its label, its
// value and its whole text (End exclusive); a range that does not apply
// is 0:0.
type Span struct {
	File       string `json:"file"` // the file's name with the root, as augtool shows it
	LabelStart int    `json:"label_start"`
	LabelEnd   int    `json:"label_end"`
	ValueStart int    `json:"value_start"`
	ValueEnd   int    `json:"value_end"`
	Start      int    `json:"span_start"`
	End        int    `json:"span_end"`
}

// Span returns where the single node p is in the file it was read
// from, as augtool's span.
func (h *Handle) Span(p string) (Span, error) {
	if !h.spans {
		return Span{}, ErrSpanDisabled
	}
	n, err := h.one(p)
	if err != nil {
		return Span{}, err
	}
	node, fp, err := h.fileOfNode(n)
	if err != nil {
		return Span{}, fmt.Errorf("%s: %w", p, ErrNoSpan)
	}
	root, _ := h.metaValue("root")
	sp := Span{File: strings.TrimSuffix(root, "/") + fp}
	if n == node {
		sp.End = len(h.files[fp].text)
		return sp, nil
	}
	s := n.Span
	if s == (tree.Span{}) {
		return Span{}, fmt.Errorf("%s: %w", p, ErrNoSpan)
	}
	if s.LabelStart < s.LabelEnd { // a label from the text, not from label/seq
		sp.LabelStart, sp.LabelEnd = s.LabelStart, s.LabelEnd
	}
	sp.ValueStart, sp.ValueEnd = s.ValueStart, s.ValueEnd
	sp.Start, sp.End = s.Start, s.End
	return sp, nil
}
