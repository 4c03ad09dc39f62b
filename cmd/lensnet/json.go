package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/tree"
)

// Error codes of --json error objects. They are part of lensnet's
// interface: programs switch on them, so they never change meaning.
const (
	codeUsage      = "usage"            // unknown command, wrong arguments or options
	codeNoMatch    = "no_match"         // a path that must match matched nothing
	codeTooMany    = "too_many_matches" // a path that must match one node matched more
	codeBadPath    = "invalid_path"     // a path expression that does not parse
	codeParse      = "parse_error"      // a file (or stored text) its lens cannot read
	codeSave       = "save_failed"      // save could not write every changed file
	codeLabel      = "invalid_label"    // a label with "/"
	codeDescendant = "into_descendant"  // mv/cp into the node's own subtree
	codeNoFile     = "no_file"          // a node that belongs to no file
	codeNoLens     = "no_lens"          // no lens (or no transform) for a file
	codeIO         = "io_error"         // a file that cannot be read
	codeOpen       = "open_failed"      // a root that cannot be opened
	codeFailed     = "failed"           // any other failure
)

// jsonError is what --json writes on standard error for a failure.
type jsonError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Command string `json:"command,omitempty"`
		Path    string `json:"path,omitempty"`
		Offset  *int   `json:"offset,omitempty"` // into Path, for invalid_path
	} `json:"error"`
}

func writeJSONError(w io.Writer, code, msg, cmd, path string) {
	writeJSONErrorAt(w, code, msg, cmd, path, nil)
}

func writeJSONErrorAt(w io.Writer, code, msg, cmd, path string, off *int) {
	var e jsonError
	e.Error.Code, e.Error.Message, e.Error.Command, e.Error.Path, e.Error.Offset = code, msg, cmd, path, off
	writeJSON(w, e)
}

// writeJSON writes v as one line of JSON.
func writeJSON(w io.Writer, v any) {
	b, err := json.Marshal(v)
	if err != nil { // only plain data is written
		b = []byte(fmt.Sprintf(`{"error":{"code":"failed","message":%q}}`, err.Error()))
	}
	b = append(b, '\n')
	_, _ = w.Write(b)
}

// codeOf classifies a library error.
func codeOf(err error) string {
	var pe *tree.PathError
	switch {
	case errors.As(err, &pe):
		return codeBadPath
	case errors.Is(err, lensnet.ErrManyMatches):
		return codeTooMany
	case errors.Is(err, lensnet.ErrNoMatch):
		return codeNoMatch
	case errors.Is(err, lensnet.ErrIntoDescendant):
		return codeDescendant
	case errors.Is(err, lensnet.ErrInvalidLabel):
		return codeLabel
	case errors.Is(err, lensnet.ErrNoFile):
		return codeNoFile
	case errors.Is(err, lensnet.ErrNoLens):
		return codeNoLens
	}
	return codeFailed
}

// jsonNode is a node in --json output.
type jsonNode struct {
	Path     string  `json:"path,omitempty"`
	Label    *string `json:"label,omitempty"`
	Value    *string `json:"value"`
	Children *int    `json:"children,omitempty"`
}

func valuePtr(n *tree.Node) *string {
	if v, ok := n.Value(); ok {
		return &v
	}
	return nil
}
