package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/tree"
)

// printer writes what the shell's commands say: results on out and
// failures on errw, each in augtool's words or, with --json, as one
// line of JSON. Commands call its methods and never choose between the
// two forms themselves; each method holds both forms of one kind of
// output side by side.
type printer struct {
	out, errw io.Writer
	json      bool   // --json
	cmd       string // the command being run, named in JSON errors
}

// Failures.

// report prints a failure: augtool's "error: MSG" and an optional
// detail line, or one JSON error object.
func (p *printer) report(code, msg, detail, path string) {
	if p.json {
		if detail != "" {
			msg += ": " + detail
		}
		writeJSONError(p.errw, code, msg, p.cmd, path)
		return
	}
	fmt.Fprintf(p.errw, "error: %s\n", msg)
	if detail != "" {
		fmt.Fprintln(p.errw, detail)
	}
}

// fail prints a failed command's message as augtool does.
func (p *printer) fail(code, detail string) {
	p.report(code, "Failed to execute command", detail, "")
}

// pathErr prints a library error the way augtool shows it.
func (p *printer) pathErr(err error) {
	var pe *tree.PathError
	if errors.As(err, &pe) {
		off := min(max(pe.Offset, 0), len(pe.Path))
		if p.json {
			msg := pe.Msg
			if pe.Detail != "" {
				msg = pe.Detail
			}
			writeJSONErrorAt(p.errw, codeBadPath, "Invalid path expression: "+msg, p.cmd, pe.Path, &off)
			return
		}
		where := ""
		if pe.Msg == "invalid regular expression" && pe.Detail != "" {
			where = strings.TrimPrefix(pe.Detail, pe.Msg+": ") + " in " // as augtool: regcomp's words
		}
		fmt.Fprintf(p.errw, "error: Invalid path expression\nerror: %s\n%s%s|=|%s\n", pe.Msg, where, pe.Path[:off], pe.Path[off:])
		return
	}
	code := codeOf(err)
	msg := map[string]string{
		codeTooMany: "Too many matches for path expression", codeNoMatch: "No match for path expression",
		codeDescendant: "Cannot move node into its descendant", codeLabel: "Invalid label",
	}[code]
	if msg == "" {
		msg = err.Error()
	} else if p.json {
		msg = err.Error()
	}
	p.report(code, msg, "", "")
}

// tooMany reports a command that needed one node at path and found
// several, with augtool's line giving how many (count, called only
// for the text form; -1 when the path fails to evaluate, as when int()
// is given several nodes: augtool prints no such line then).
func (p *printer) tooMany(path string, err error, count func() int) {
	if p.json {
		writeJSONError(p.errw, codeTooMany, err.Error(), p.cmd, path)
		return
	}
	n := count()
	p.pathErr(err)
	if n >= 0 {
		fmt.Fprintf(p.errw, "There are %d nodes matching %s\n", n, path)
	}
}

// saveFailed reports a save that could not write every changed file.
// With detail (a save no errors command can follow: -s, a command-line
// command) the text form says why instead of pointing at errors: each
// file's failure as errors prints it.
func (p *printer) saveFailed(err error, detail bool) {
	switch {
	case p.json:
		writeJSONError(p.errw, codeSave, err.Error(), p.cmd, "")
	case detail:
		p.fail(codeSave, "saving failed")
		for _, e := range joined(err) {
			if fe := (*lensnet.FileError)(nil); errors.As(e, &fe) {
				writeFileErrors(p.errw, []*lensnet.FileError{fe})
			} else {
				fmt.Fprintln(p.errw, e)
			}
		}
	default:
		p.fail(codeSave, "saving failed (run 'errors' for details)")
	}
}

// openFailed reports a root that could not be opened.
func (p *printer) openFailed(err error) {
	if p.json {
		writeJSONError(p.errw, codeOpen, err.Error(), "", "")
		return
	}
	fmt.Fprintf(p.errw, "lensnet: %v\n", err)
}

// cannotOpen reports a -f script file that could not be opened.
func (p *printer) cannotOpen(name string, err error) {
	if p.json {
		p.report(codeIO, err.Error(), "", "")
		return
	}
	// augtool's words: "Failed to open F: No such file or directory"
	msg := err.Error()
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		msg = pe.Err.Error()
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	fmt.Fprintf(p.errw, "Failed to open %s: %s\n", name, msg)
}

// The shell's own lines (text only: they are no results).

// echo repeats a script line after the prompt (-e).
func (p *printer) echo(line string) { fmt.Fprintf(p.out, "%s%s\n", prompt, line) }

// echoEnd is the prompt -e shows once more at the end of the input.
func (p *printer) echoEnd() { fmt.Fprint(p.out, prompt) }

// started is --timing's line after the handle is open.
func (p *printer) started(d time.Duration) {
	fmt.Fprintf(p.out, "Initializing augeas ... done\nTime: %d ms\n", d.Milliseconds())
}

// timing is --timing's line after each command.
func (p *printer) timing(d time.Duration) { fmt.Fprintf(p.out, "Time: %d ms\n", d.Milliseconds()) }

// Results.

// value is the result of get (key "value") or label (key "label") for
// the single node path: its value or label v, has false for none.
func (p *printer) value(key, path, v string, has bool) {
	switch {
	case p.json:
		var vp *string
		if has {
			vp = &v
		}
		writeJSON(p.out, map[string]any{"path": path, "exists": true, key: vp})
	case has:
		fmt.Fprintf(p.out, "%s = %s\n", path, v)
	default:
		fmt.Fprintf(p.out, "%s (none)\n", path)
	}
}

// missing is the result of get or label when path matches nothing.
func (p *printer) missing(path string) {
	if p.json {
		writeJSON(p.out, map[string]any{"path": path, "exists": false})
		return
	}
	fmt.Fprintf(p.out, "%s (o)\n", path)
}

// source is the /files path of the file the node path comes from.
func (p *printer) source(path, file string) {
	if p.json {
		writeJSON(p.out, map[string]string{"path": path, "source": file})
		return
	}
	fmt.Fprintln(p.out, file)
}

// preview is the text a save would write for the file of node path.
func (p *printer) preview(path, text string) {
	if p.json {
		writeJSON(p.out, map[string]string{"path": path, "preview": text})
		return
	}
	fmt.Fprint(p.out, text)
}

// context is the node relative paths start from.
func (p *printer) context(ctx string) {
	if p.json {
		writeJSON(p.out, map[string]string{"context": ctx})
		return
	}
	fmt.Fprintln(p.out, ctx)
}

// info is the handle's description.
func (p *printer) info(in lensnet.Info) {
	if p.json {
		writeJSON(p.out, map[string]any{"version": in.Version, "root": in.Root, "loadpath": in.LoadPath, "context": in.Context, "num_files": in.NumFiles})
		return
	}
	fmt.Fprintf(p.out, "version = %s\nroot = %s\nloadpath = %s\ncontext = %s\nnum_files = %d\n",
		in.Version, in.Root, strings.Join(in.LoadPath, ":"), in.Context, in.NumFiles)
}

// renamed is the result of rename: n nodes at path now labelled label.
func (p *printer) renamed(path, label string, n int) {
	if p.json {
		writeJSON(p.out, map[string]any{"path": path, "label": label, "renamed": n})
		return
	}
	fmt.Fprintf(p.out, "rename : %s to %s %d\n", path, label, n)
}

// removed is the result of rm: n nodes went with path.
func (p *printer) removed(path string, n int) {
	if p.json {
		writeJSON(p.out, map[string]any{"path": path, "removed": n})
		return
	}
	fmt.Fprintf(p.out, "rm : %s %d\n", path, n)
}

// count is the result of count: path matches n nodes.
func (p *printer) count(path string, n int) {
	switch {
	case p.json:
		writeJSON(p.out, map[string]any{"path": path, "count": n})
	case n == 0:
		fmt.Fprintln(p.out, "  no matches")
	case n == 1:
		fmt.Fprintln(p.out, "  1 match")
	default:
		fmt.Fprintf(p.out, "  %d matches\n", n)
	}
}

// matches is the result of match: the nodes ns at paths with their
// values, or (byValue, when match was given a value) only their paths.
func (p *printer) matches(ns []*tree.Node, paths []string, byValue bool) {
	if p.json {
		js := make([]jsonNode, 0, len(ns))
		for i, n := range ns {
			js = append(js, jsonNode{Path: paths[i], Value: valuePtr(n)})
		}
		writeJSON(p.out, js)
		return
	}
	for i, n := range ns {
		v, has := n.Value()
		switch {
		case byValue:
			fmt.Fprintln(p.out, paths[i])
		case has:
			fmt.Fprintf(p.out, "%s = %s\n", paths[i], v)
		default:
			fmt.Fprintf(p.out, "%s = (none)\n", paths[i])
		}
	}
	if len(ns) == 0 && !byValue {
		fmt.Fprintln(p.out, "  (no matches)")
	}
}

// children is the result of ls: the nodes ns at paths, children of the
// nodes ls names, by label (with [n] where it repeats) and value; a
// trailing / marks one that has children itself.
func (p *printer) children(ns []*tree.Node, paths []string) {
	if p.json {
		js := make([]jsonNode, 0, len(ns))
		for i, c := range ns {
			kids := c.Len()
			lbl, _ := c.Label()
			js = append(js, jsonNode{Path: paths[i], Label: &lbl, Value: valuePtr(c), Children: &kids})
		}
		writeJSON(p.out, js)
		return
	}
	parents := map[*tree.Node]int{} // length of each parent's path
	for i, c := range ns {
		pl, ok := parents[c.Parent()]
		if !ok {
			pl = len(strings.TrimSuffix(c.Parent().Path(), "/")) // the root's is "/"
			parents[c.Parent()] = pl
		}
		l := paths[i][pl+1:] // the label with [n] where it repeats
		if c.Len() > 0 {
			l += "/"
		}
		v, has := c.Value()
		if !has {
			v = "(none)"
		}
		fmt.Fprintf(p.out, "%s = %s\n", l, v)
	}
}

// subtrees is the result of print: the nodes ns at paths and their
// subtrees, one node a line.
func (p *printer) subtrees(ns []*tree.Node, paths []string) {
	if p.json {
		js := []jsonNode{}
		for i, n := range ns {
			tree.Walk(n, paths[i], func(m *tree.Node, mp string) {
				js = append(js, jsonNode{Path: mp, Value: valuePtr(m)})
			})
		}
		writeJSON(p.out, js)
		return
	}
	for i, n := range ns {
		_ = tree.Fprint(p.out, n, paths[i])
	}
}

// xml is the result of dump-xml: the nodes ns that match matched, at
// paths, with their subtrees, as augtool's XML even with --json.
func (p *printer) xml(match string, ns []*tree.Node, paths []string) error {
	return dumpXML(p.out, match, ns, paths)
}

// help is the result of help: the command list (name "") or one
// command's description, text even with --json; false if there is no
// such command.
func (p *printer) help(name string) bool { return printHelp(p.out, name) }

// span is where a node is in its file.
func (p *printer) span(sp lensnet.Span) {
	if p.json {
		writeJSON(p.out, sp)
		return
	}
	fmt.Fprintf(p.out, "%s label=(%d:%d) value=(%d:%d) span=(%d,%d)\n", sp.File,
		sp.LabelStart, sp.LabelEnd, sp.ValueStart, sp.ValueEnd, sp.Start, sp.End)
}

// saved is the result of save: the files written.
func (p *printer) saved(files []string) {
	if p.json {
		writeJSON(p.out, map[string]any{"saved": files})
	} else if len(files) > 0 { // augtool says nothing when nothing changed
		fmt.Fprintf(p.out, "Saved %d file(s)\n", len(files))
	}
}

// fileErrors is the result of errors: what went wrong loading and
// saving files (and in store and retrieve).
func (p *printer) fileErrors(errs []*lensnet.FileError) {
	if p.json {
		writeJSON(p.out, fileErrorsJSON(errs))
		return
	}
	if len(errs) == 0 {
		fmt.Fprintln(p.out, "  (no errors)") // as augtool says it
		return
	}
	writeFileErrors(p.out, errs)
}

// writeFileErrors writes errs as augtool's errors command does.
func writeFileErrors(w io.Writer, errs []*lensnet.FileError) {
	for i, e := range errs {
		if i > 0 {
			fmt.Fprintln(w) // augtool's separator
		}
		switch {
		case e.Line > 0:
			fmt.Fprintf(w, "Error in %s:%d.%d (%s)\n  %s\n  Lens: %s\n", e.Path, e.Line, e.Column-1, e.Kind, e.Msg, e.Lens)
		case e.Node != "":
			fmt.Fprintf(w, "Error in %s at node %s (%s)\n  %s\n  Lens: %s\n", e.Path, e.Node, e.Kind, e.Msg, e.Lens)
		case strings.HasPrefix(e.Kind, "Can not find lens"):
			fmt.Fprintf(w, "Error in %s (%s)\n", e.Path, e.Kind)
		default:
			fmt.Fprintf(w, "Error in %s (%s)\n  %s\n", e.Path, e.Kind, e.Msg)
		}
	}
}

// jsonFileError is an entry of errors --json.
type jsonFileError struct {
	Code    string `json:"code"`
	File    string `json:"file"`
	Kind    string `json:"kind"`
	Line    int    `json:"line,omitempty"`
	Char    *int   `json:"char,omitempty"`
	Lens    string `json:"lens,omitempty"`
	Node    string `json:"node,omitempty"`
	Message string `json:"message,omitempty"`
}

func fileErrorsJSON(errs []*lensnet.FileError) []jsonFileError {
	out := []jsonFileError{}
	for _, e := range errs {
		j := jsonFileError{File: e.Path, Kind: e.Kind, Lens: e.Lens, Node: e.Node, Message: e.Msg}
		switch e.Kind {
		case "parse_failed":
			j.Code = codeParse
		case "put_failed":
			j.Code = codeSave
		case "read_failed":
			j.Code = codeIO
		default:
			j.Code = codeFailed
			if strings.HasPrefix(e.Kind, "Can not find lens") {
				j.Code = codeNoLens
			}
		}
		if e.Line > 0 {
			j.Line = e.Line
			c := e.Column - 1 // Augeas's char counts from 0
			j.Char = &c
		}
		out = append(out, j)
	}
	return out
}
