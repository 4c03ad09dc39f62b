package lensnet

import (
	"errors"
	"fmt"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/tree"
)

// The errors of the verbs, for errors.Is; each comes wrapped with the
// path or name it is about.
// ErrChanged is the cause of a save that refused to overwrite a file
// because its text on disk is no longer what was loaded (another
// process saved it meanwhile): load again and redo the change. Save's
// error for that file is a *FileError that errors.Is finds it in.
var ErrChanged = files.ErrChanged

var (
	// ErrNoMatch: a path that must select a node selects none.
	ErrNoMatch = errors.New("no match for path expression")
	// ErrManyMatches: a path that must select one node selects more.
	ErrManyMatches = tree.ErrManyMatches
	// ErrCannotCreate: a node that must be created cannot be (a step
	// such as * or .. is missing).
	ErrCannotCreate = tree.ErrCannotCreate
	// ErrInvalidLabel: a label holds "/" (Rename, Insert).
	ErrInvalidLabel = errors.New("invalid label")
	// ErrIntoDescendant: Move or Copy would put a node inside itself.
	ErrIntoDescendant = errors.New("cannot move node into its descendant")
	// ErrTopLevel: Move would take /augeas or /files away, or Move or
	// Copy would put a node in place of the root or of /augeas (augtool
	// 1.14 crashes on the second, and after the first saves an empty
	// /files, which removes every loaded file).
	ErrTopLevel = errors.New("cannot move /augeas or /files, nor write over / or /augeas")
	// ErrNoFile: Source and Preview were given a node that belongs to
	// no loaded file.
	ErrNoFile = errors.New("not associated with a file")
	// ErrNoLens: LoadFile was given a file no transform claims, or
	// Store and Retrieve a lens that does not exist.
	ErrNoLens = errors.New("lens not found")
	// ErrSpanDisabled: Span was called while files were loaded without
	// span recording (Options.Span, /augeas/span = enable).
	ErrSpanDisabled = errors.New("span is not enabled")
	// ErrNoSpan: Span was given a node with no position in a file (it
	// is above the files, or was made by an edit).
	ErrNoSpan = errors.New("node has no span info")
)

// FileError is a file's load or save error: Errors reads them back
// from /augeas/files, and Save returns one for each file it did not
// save (joined: errors.As takes them apart).
type FileError struct {
	Path string // the file, e.g. /etc/hosts
	Kind string // what failed: parse_failed, read_failed, put_failed, write_failed, ...
	// Line and Column are where a parse error is, 1-based, as every
	// position lensnet prints (file:line:col); Line is 0 if unknown.
	// /augeas/files/<Path>/error/char holds Augeas's 0-based column,
	// Column-1.
	Line, Column int
	Lens         string // for parse and put errors, the lens part that failed
	Node         string // for put errors, the tree node that does not fit
	Msg          string // why, as /augeas/files/<Path>/error/message says
	// Err is why, as an error, in Save's errors (nil in those Errors
	// reads from the tree); a FileError wraps it.
	Err error
}

// Error prints the file and why: Err when there is one (Save's
// errors), else the position, if known, the message and the kind.
func (e *FileError) Error() string {
	switch {
	case e.Err != nil:
		return e.Path + ": " + e.Err.Error()
	case e.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s (%s)", e.Path, e.Line, e.Column, e.Msg, e.Kind)
	}
	return fmt.Sprintf("%s: %s (%s)", e.Path, e.Msg, e.Kind)
}

// Unwrap returns Err.
func (e *FileError) Unwrap() error { return e.Err }

// Errors returns the load and save errors of files (Path the file,
// e.g. /etc/hosts), of transforms whose lens is missing (Path the
// transform, e.g. Hosts) and of store (Path the tree path stored to,
// without its leading "/"), in that order.
func (h *Handle) Errors() []*FileError {
	h.loadAll()
	var out []*FileError
	var walk func(n *tree.Node, p string)
	walk = func(n *tree.Node, p string) {
		for _, c := range n.Children() {
			l, _ := c.Label()
			if l != "error" {
				walk(c, p+"/"+l)
				continue
			}
			kind, _ := c.Value()
			fe := &FileError{Path: p, Kind: kind}
			fe.Msg, _ = valueOf(c, "message")
			fe.Lens, _ = valueOf(c, "lens")
			fe.Node, _ = valueOf(c, "path")
			if s, ok := valueOf(c, "line"); ok {
				fmt.Sscan(s, &fe.Line)
			}
			if fe.Line > 0 {
				char := 0 // Augeas's column counts from 0
				if s, ok := valueOf(c, "char"); ok {
					fmt.Sscan(s, &char)
				}
				fe.Column = char + 1
			}
			out = append(out, fe)
		}
	}
	if fn := child(h.augeasNode(), "files"); fn != nil {
		walk(fn, "")
	}
	if ln := child(h.augeasNode(), "load"); ln != nil {
		for _, x := range ln.Children() {
			if e := child(x, "error"); e != nil {
				key, _ := x.Label()
				kind, _ := e.Value()
				msg, _ := valueOf(e, "message")
				out = append(out, &FileError{Path: key, Kind: kind, Msg: msg})
			}
		}
	}
	if tn := child(h.augeasNode(), "text"); tn != nil {
		for _, c := range tn.Children() {
			l, _ := c.Label()
			walk(c, l)
		}
	}
	return out
}

// TextError is Store's or Retrieve's failure to read or write the text
// with the lens; it is also recorded under /augeas/text<Path>/error.
type TextError struct {
	Path string // the tree path stored to or retrieved from
	Err  error
}

func (e *TextError) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *TextError) Unwrap() error { return e.Err }
