package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/internal/cmdline"
	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/pflag"
)

// augOptions are augtool's command-line options, plus lensnet's --json.
type augOptions struct {
	root, file                                   string
	includes, xforms, loadFiles                  []string
	noStd, noLoad, noAuto, backup, newFile       bool
	autosave, typecheck, echo, interactive, span bool
	timing, version, help, json                  bool
}

// parseAugOptions reads augtool's options (GNU style: -AL, --root=DIR,
// -r DIR); the first word that is not an option starts the command.
func parseAugOptions(args []string) (*augOptions, []string, error) {
	o := &augOptions{}
	fl := pflag.NewFlagSet("lensnet", pflag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.SetInterspersed(false)
	fl.StringVarP(&o.root, "root", "r", os.Getenv("AUGEAS_ROOT"), "")
	fl.StringArrayVarP(&o.includes, "include", "I", nil, "")
	fl.StringArrayVarP(&o.xforms, "transform", "t", nil, "")
	fl.StringArrayVarP(&o.loadFiles, "load-file", "l", nil, "")
	fl.StringVarP(&o.file, "file", "f", "", "")
	for _, b := range []struct {
		v           *bool
		long, short string
	}{
		{&o.noStd, "nostdinc", "S"}, {&o.noLoad, "noload", "L"}, {&o.noAuto, "noautoload", "A"},
		{&o.backup, "backup", "b"}, {&o.newFile, "new", "n"}, {&o.autosave, "autosave", "s"},
		{&o.typecheck, "typecheck", "c"}, {&o.echo, "echo", "e"}, {&o.interactive, "interactive", "i"},
		{&o.help, "help", "h"}, {&o.span, "span", ""}, {&o.timing, "timing", ""},
		{&o.version, "version", ""}, {&o.json, "json", ""},
	} {
		fl.BoolVarP(b.v, b.long, b.short, false, "")
	}
	if err := fl.Parse(args); err != nil {
		return nil, nil, err
	}
	if len(o.loadFiles) > 0 {
		o.noLoad = true // as augtool: -l implies -L
	}
	if len(o.xforms) > 0 {
		o.noLoad = false // as augtool: -t loads after adding the transforms, even with -L
	}
	return o, fl.Args(), nil
}

// runAug is augtool: options, then one command from the arguments, or
// commands from -f FILE or standard input, one per line, or an
// interactive shell when standard input is a terminal.
func runAug(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, cmd, err := parseAugOptions(args)
	if err != nil {
		if o == nil && hasJSON(args) {
			writeJSONError(stderr, "usage", err.Error(), "", "")
		} else {
			fmt.Fprintf(stderr, "lensnet: %v\nTry 'lensnet --help' for more information.\n", err)
		}
		return 1
	}
	switch {
	case o.help:
		fmt.Fprint(stdout, mainUsage)
		return 0
	case o.version:
		fmt.Fprintf(stderr, "lensnet %s (Augeas %s compatible)\n", buildVersion(), lensnet.AugeasVersion)
		return 0
	}
	mode := lensnet.SaveOverwrite
	if o.backup {
		mode = lensnet.SaveBackup
	}
	if o.newFile {
		mode = lensnet.SaveNewFile
	}
	start := time.Now()
	h, err := lensnet.Open(lensnet.Options{Root: o.root, LensPath: o.includes, NoStdInc: o.noStd,
		NoAutoload: o.noAuto, Transforms: o.xforms, NoLoad: o.noLoad, SaveMode: mode,
		TypeCheck: o.typecheck, Span: o.span, LazyMin: lazyMin})
	if err != nil {
		if o.json {
			writeJSONError(stderr, "open_failed", err.Error(), "", "")
		} else {
			fmt.Fprintf(stderr, "lensnet: %v\n", err)
		}
		return 1
	}
	sh := &shell{h: h, out: stdout, errw: stderr, json: o.json, timing: o.timing}
	if o.timing {
		fmt.Fprintf(stdout, "Initializing augeas ... done\nTime: %d ms\n", time.Since(start).Milliseconds())
	}
	status := 0
	for _, f := range o.loadFiles {
		if err := h.LoadFile(f); err != nil {
			sh.report(codeOf(err), "Failed to load file "+f+": Lens not found", "", f)
			status = 1
		}
	}
	switch {
	case len(cmd) == 1: // a whole command line in one argument: 'get /x'
		if !sh.line(cmd[0]) {
			status = 1
		}
	case len(cmd) > 1:
		if !sh.exec(cmd) {
			status = 1
		}
	case o.file == "" && isTerminal(stdin):
		status = max(status, sh.interactive(stdin))
	default:
		in := stdin
		if o.file != "" {
			f, err := os.Open(o.file)
			if err != nil {
				if o.json {
					sh.report("io_error", err.Error(), "", "")
				} else { // augtool's words: "Failed to open F: No such file or directory"
					msg := err.Error()
					if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
						msg = pe.Err.Error()
						msg = strings.ToUpper(msg[:1]) + msg[1:]
					}
					fmt.Fprintf(stderr, "Failed to open %s: %s\n", o.file, msg)
				}
				return 1
			}
			defer f.Close()
			in = f
		}
		status = max(status, sh.script(in, o.echo))
		if o.interactive {
			status = max(status, sh.resumeOnTerminal(stdin))
		}
	}
	if o.autosave && !sh.exec([]string{"save"}) {
		status = 1
	}
	return status
}

// hasJSON reports whether --json is among args (for reporting errors in
// the options themselves).
func hasJSON(args []string) bool {
	for _, a := range args {
		if a == "--json" {
			return true
		}
		if !strings.HasPrefix(a, "-") {
			return false
		}
	}
	return false
}

// buildVersion is lensnet's module version, "devel" in a source tree.
func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// script runs one command per line from in (blank lines and lines
// starting with # skipped, "quit" stops) and returns 1 if any failed.
func (s *shell) script(in io.Reader, echo bool) int {
	status := 0
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		if echo { // augtool echoes every line as read, blank and comment lines too
			fmt.Fprintf(s.out, "augtool> %s\n", sc.Text())
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line == "quit" {
			return status
		}
		if !s.line(line) {
			status = 1
		}
	}
	if echo { // and prompts once more at the end of the input
		fmt.Fprint(s.out, "augtool> ")
	}
	return status
}

// line tokenises and runs one command line.
func (s *shell) line(line string) bool {
	words, err := cmdline.Split(line)
	if err != nil {
		s.fail(codeUsage, err.Error())
		return false
	}
	if len(words) == 0 {
		return true
	}
	return s.exec(words)
}

// shell runs augtool commands on a handle.
type shell struct {
	h      *lensnet.Handle
	out    io.Writer
	errw   io.Writer
	json   bool   // --json: results and errors as JSON
	timing bool   // --timing: "Time: N ms" after each command
	cmd    string // the command being run, for --json errors
}

// report prints a failure: augtool's "error: MSG" and an optional
// detail line, or with --json one error object.
func (s *shell) report(code, msg, detail, path string) {
	if s.json {
		if detail != "" {
			msg += ": " + detail
		}
		writeJSONError(s.errw, code, msg, s.cmd, path)
		return
	}
	fmt.Fprintf(s.errw, "error: %s\n", msg)
	if detail != "" {
		fmt.Fprintln(s.errw, detail)
	}
}

// fail prints a failed command's message as augtool does.
func (s *shell) fail(code, detail string) {
	s.report(code, "Failed to execute command", detail, "")
}

// pathErr prints a library error the way augtool shows it.
func (s *shell) pathErr(err error) {
	var pe *tree.PathError
	if errors.As(err, &pe) {
		off := min(max(pe.Offset, 0), len(pe.Path))
		if s.json {
			msg := pe.Msg
			if pe.Detail != "" {
				msg = pe.Detail
			}
			writeJSONErrorAt(s.errw, codeBadPath, "Invalid path expression: "+msg, s.cmd, pe.Path, &off)
			return
		}
		where := ""
		if pe.Msg == "invalid regular expression" && pe.Detail != "" {
			where = strings.TrimPrefix(pe.Detail, pe.Msg+": ") + " in " // as augtool: regcomp's words
		}
		fmt.Fprintf(s.errw, "error: Invalid path expression\nerror: %s\n%s%s|=|%s\n", pe.Msg, where, pe.Path[:off], pe.Path[off:])
		return
	}
	code := codeOf(err)
	msg := map[string]string{
		codeTooMany: "Too many matches for path expression", codeNoMatch: "No match for path expression",
		codeDescendant: "Cannot move node into its descendant", codeLabel: "Invalid label",
	}[code]
	if msg == "" {
		msg = err.Error()
	} else if s.json {
		msg = err.Error()
	}
	s.report(code, msg, "", "")
}

// tooMany reports a command that needed one node and found several,
// with augtool's count line.
func (s *shell) tooMany(p string, err error) {
	if s.json {
		writeJSONError(s.errw, codeTooMany, err.Error(), s.cmd, p)
		return
	}
	n, _ := s.h.Match(p)
	s.pathErr(err)
	fmt.Fprintf(s.errw, "There are %d nodes matching %s\n", len(n), p)
}

var arity = map[string][2]int{
	"get": {1, 1}, "set": {1, 2}, "clear": {1, 1}, "rm": {1, 1}, "ins": {3, 3}, "insert": {3, 3},
	"source": {1, 1}, "preview": {1, 1}, "load": {0, 0}, "transform": {3, 3},
	"defvar": {2, 2}, "defnode": {2, 3}, "setm": {2, 3}, "clearm": {2, 2},
	"label": {1, 1}, "touch": {1, 1}, "rename": {2, 2}, "mv": {2, 2}, "move": {2, 2}, "cp": {2, 2}, "copy": {2, 2},
	"match": {1, 2}, "ls": {1, 1}, "count": {1, 1}, "print": {0, 1}, "save": {0, 0}, "errors": {0, 0},
	"context": {0, 1}, "info": {0, 0}, "load-file": {1, 1}, "store": {3, 3}, "retrieve": {4, 4},
	"dump-xml": {0, 1}, "help": {0, 1}, "span": {1, 1}, "quit": {0, 0},
}

// exec runs one command and reports whether it succeeded.
func (s *shell) exec(words []string) bool {
	start := time.Now()
	s.cmd = words[0]
	ok := s.run(words[0], words[1:])
	if s.timing {
		fmt.Fprintf(s.out, "Time: %d ms\n", time.Since(start).Milliseconds())
	}
	return ok
}

func (s *shell) run(cmd string, args []string) bool {
	ar, ok := arity[cmd]
	if !ok {
		s.fail(codeUsage, fmt.Sprintf("Unknown command '%s'", cmd))
		return false
	}
	if len(args) < ar[0] {
		s.fail(codeUsage, "Not enough arguments for "+cmd)
		return false
	}
	if len(args) > ar[1] {
		s.fail(codeUsage, fmt.Sprintf("Too many arguments. Command %s takes only %d arguments", cmd, ar[1]))
		return false
	}
	for _, i := range pathArgs[cmd] { // augtool cleans path arguments
		if i < len(args) && len(args[i]) > 1 {
			if p := strings.TrimRight(args[i], "/"); p != "" {
				args[i] = p
			}
		}
	}
	h := s.h
	switch cmd {
	case "quit":
	case "get", "label":
		var v string
		var has bool
		var err error
		if cmd == "get" {
			v, has, err = h.Get(args[0])
		} else {
			v, err = h.Label(args[0])
			has = err == nil
		}
		switch {
		case errors.Is(err, lensnet.ErrNoMatch):
			if s.json {
				writeJSON(s.out, map[string]any{"path": args[0], "exists": false})
			} else {
				fmt.Fprintf(s.out, "%s (o)\n", args[0])
			}
		case errors.Is(err, lensnet.ErrManyMatches):
			s.tooMany(args[0], err)
			return false
		case err != nil:
			s.pathErr(err)
			return false
		case s.json:
			var vp *string
			if has {
				vp = &v
			}
			key := "value"
			if cmd == "label" {
				key = "label"
			}
			writeJSON(s.out, map[string]any{"path": args[0], "exists": true, key: vp})
		case has:
			fmt.Fprintf(s.out, "%s = %s\n", args[0], v)
		default:
			fmt.Fprintf(s.out, "%s (none)\n", args[0])
		}
	case "source", "preview":
		var text string
		var err error
		if cmd == "source" {
			text, err = h.Source(args[0])
		} else {
			text, err = h.Preview(args[0])
		}
		switch {
		case errors.Is(err, lensnet.ErrNoFile):
			s.report(codeNoFile, "Invalid argument in function call", fmt.Sprintf("Path %s is not associated with a file", args[0]), args[0])
			return false
		case errors.Is(err, lensnet.ErrManyMatches):
			s.tooMany(args[0], err)
			return false
		case err != nil:
			s.pathErr(err)
			return false
		case s.json:
			writeJSON(s.out, map[string]string{"path": args[0], cmd: text})
		case cmd == "source":
			fmt.Fprintln(s.out, text)
		default:
			fmt.Fprint(s.out, text)
		}
	case "load":
		if err := h.Load(); err != nil {
			s.pathErr(err)
			return false
		}
	case "load-file":
		if err := h.LoadFile(args[0]); err != nil {
			s.report(codeNoLens, "Lens not found", "can not determine lens to load file "+args[0], args[0])
			return false
		}
	case "transform":
		if args[1] != "incl" && args[1] != "excl" {
			s.fail(codeUsage, `FILTER must be "incl" or "excl"`)
			return false
		}
		if err := h.Transform(strings.Join(args, " ")); err != nil {
			s.pathErr(err)
			return false
		}
	case "store", "retrieve":
		var err error
		if cmd == "store" {
			err = h.Store(args[0], args[1], args[2])
		} else {
			err = h.Retrieve(args[0], args[1], args[2], args[3])
		}
		var te *lensnet.TextError
		switch {
		case errors.As(err, &te):
			// as augtool: recorded under /augeas/text (errors shows it)
		case errors.Is(err, lensnet.ErrNoLens):
			detail := "Can not find lens " + args[0]
			if !strings.Contains(err.Error(), "Could not find module") {
				detail += ": " + err.Error() // the module is there but broken
			}
			s.report(codeNoLens, "Lens not found", detail, "")
			return false
		case errors.Is(err, lensnet.ErrNoMatch):
			s.report(codeNoMatch, "No match for path expression", fmt.Sprintf("Source node %s does not exist", args[1]), args[1])
			return false
		case errors.Is(err, lensnet.ErrManyMatches):
			s.tooMany(args[1], err)
			return false
		case err != nil:
			s.pathErr(err)
			return false
		}
	case "context":
		if len(args) == 1 {
			h.SetContext(args[0])
		} else if s.json {
			writeJSON(s.out, map[string]string{"context": h.Context()})
		} else {
			fmt.Fprintln(s.out, h.Context())
		}
	case "info":
		in := h.Info()
		if s.json {
			writeJSON(s.out, map[string]any{"version": in.Version, "root": in.Root, "loadpath": in.LoadPath, "context": in.Context, "num_files": in.NumFiles})
		} else {
			fmt.Fprintf(s.out, "version = %s\nroot = %s\nloadpath = %s\ncontext = %s\nnum_files = %d\n",
				in.Version, in.Root, strings.Join(in.LoadPath, ":"), in.Context, in.NumFiles)
		}
	case "help":
		name := ""
		if len(args) == 1 {
			name = args[0]
		}
		if !printHelp(s.out, name) {
			s.fail(codeUsage, fmt.Sprintf("Unknown command '%s'", name))
			return false
		}
	case "defvar":
		if _, err := h.DefineVariable(args[0], args[1]); err != nil {
			s.pathErr(err)
			return false
		}
	case "defnode":
		var v *string
		if len(args) == 3 {
			v = &args[2]
		}
		if _, err := h.DefineNode(args[0], args[1], v); err != nil {
			s.pathErr(err)
			return false
		}
	case "setm", "clearm":
		var err error
		if cmd == "setm" && len(args) == 3 {
			_, err = h.SetMultiple(args[0], args[1], args[2])
		} else {
			_, err = h.ClearMultiple(args[0], args[1])
		}
		if err != nil {
			s.pathErr(err)
			return false
		}
	case "touch":
		if err := h.Touch(args[0]); err != nil {
			s.pathErr(err)
			return false
		}
	case "rename":
		n, err := h.Rename(args[0], args[1])
		if errors.Is(err, lensnet.ErrInvalidLabel) {
			s.report(codeLabel, "Invalid label", fmt.Sprintf("Label %s contains a /", args[1]), args[1])
			return false
		}
		if err != nil {
			s.pathErr(err)
			return false
		}
		if s.json {
			writeJSON(s.out, map[string]any{"path": args[0], "label": args[1], "renamed": n})
		} else {
			fmt.Fprintf(s.out, "rename : %s to %s %d\n", args[0], args[1], n)
		}
	case "mv", "move", "cp", "copy":
		move := cmd == "mv" || cmd == "move"
		var err error
		if move {
			err = h.Move(args[0], args[1])
		} else {
			err = h.Copy(args[0], args[1])
		}
		if errors.Is(err, lensnet.ErrIntoDescendant) {
			verb := "copy"
			if move {
				verb = "move"
			}
			s.report(codeDescendant, fmt.Sprintf("Cannot %s node into its descendant", verb),
				fmt.Sprintf("destination %s is a descendant of %s", args[1], args[0]), args[1])
			return false
		}
		if err != nil {
			s.pathErr(err)
			return false
		}
	case "set", "clear":
		var err error
		if cmd == "set" && len(args) == 2 {
			err = h.Set(args[0], args[1])
		} else {
			err = h.Clear(args[0])
		}
		if errors.Is(err, lensnet.ErrCannotCreate) {
			s.fail(codeFailed, fmt.Sprintf("Setting %s failed", args[0]))
			return false
		}
		if err != nil {
			s.pathErr(err)
			return false
		}
	case "rm":
		n, err := h.Remove(args[0])
		if err != nil {
			s.pathErr(err)
			return false
		}
		if s.json {
			writeJSON(s.out, map[string]any{"path": args[0], "removed": n})
		} else {
			fmt.Fprintf(s.out, "rm : %s %d\n", args[0], n)
		}
	case "ins", "insert":
		if args[1] != "before" && args[1] != "after" {
			s.fail(codeUsage, "the <WHERE> argument for ins must be either 'before' or 'after'.")
			return false
		}
		if err := h.Insert(args[2], args[0], args[1] == "before"); err != nil {
			s.pathErr(err)
			return false
		}
	case "match":
		ns, err := h.MatchNodes(args[0])
		if err != nil {
			s.pathErr(err)
			return false
		}
		var js []jsonNode
		printed := 0
		paths := tree.Paths(ns) // linear; n.Path() on each of many siblings is not
		for i, n := range ns {
			v, has := n.Value()
			if len(args) == 2 && (!has || v != args[1]) {
				continue
			}
			printed++
			switch {
			case s.json:
				js = append(js, jsonNode{Path: paths[i], Value: valuePtr(n)})
			case len(args) == 2:
				fmt.Fprintln(s.out, paths[i])
			case has:
				fmt.Fprintf(s.out, "%s = %s\n", paths[i], v)
			default:
				fmt.Fprintf(s.out, "%s = (none)\n", paths[i])
			}
		}
		if s.json {
			writeJSON(s.out, nonNil(js))
		} else if printed == 0 && len(args) == 1 {
			fmt.Fprintln(s.out, "  (no matches)")
		}
	case "count":
		ns, err := h.MatchNodes(args[0])
		if err != nil {
			s.pathErr(err)
			return false
		}
		switch {
		case s.json:
			writeJSON(s.out, map[string]any{"path": args[0], "count": len(ns)})
		case len(ns) == 0:
			fmt.Fprintln(s.out, "  no matches")
		case len(ns) == 1:
			fmt.Fprintln(s.out, "  1 match")
		default:
			fmt.Fprintf(s.out, "  %d matches\n", len(ns))
		}
	case "ls":
		// as augtool: the matches of PATH/*, errors shown for that path
		ns, err := h.MatchNodes(args[0] + "/*")
		if err != nil {
			s.pathErr(err)
			return false
		}
		var js []jsonNode
		paths := tree.Paths(ns)
		parents := map[*tree.Node]int{} // length of each parent's path
		for i, c := range ns {
			p := paths[i]
			pl, ok := parents[c.Parent()]
			if !ok {
				pl = len(c.Parent().Path())
				parents[c.Parent()] = pl
			}
			l := p[pl+1:] // the label with [n] where it repeats
			if s.json {
				kids := c.Len()
				lbl, _ := c.Label()
				js = append(js, jsonNode{Path: p, Label: &lbl, Value: valuePtr(c), Children: &kids})
				continue
			}
			if c.Len() > 0 {
				l += "/"
			}
			v, has := c.Value()
			if !has {
				v = "(none)"
			}
			fmt.Fprintf(s.out, "%s = %s\n", l, v)
		}
		if s.json {
			writeJSON(s.out, nonNil(js))
		}
	case "print", "dump-xml":
		p := "/*"
		if len(args) == 1 {
			p = args[0]
		}
		ns, err := h.MatchNodes(p)
		if err != nil {
			s.pathErr(err)
			return false
		}
		paths := tree.Paths(ns)
		switch {
		case cmd == "dump-xml":
			if err := dumpXML(s.out, p, ns, paths); err != nil {
				s.report(codeFailed, err.Error(), "", p)
				return false
			}
		case s.json:
			var js []jsonNode
			for i, n := range ns {
				tree.Walk(n, paths[i], func(m *tree.Node, mp string) {
					js = append(js, jsonNode{Path: mp, Value: valuePtr(m)})
				})
			}
			writeJSON(s.out, nonNil(js))
		default:
			for i, n := range ns {
				_ = tree.Fprint(s.out, n, paths[i])
			}
		}
	case "span":
		sp, err := h.Span(args[0])
		switch {
		case errors.Is(err, lensnet.ErrSpanDisabled):
			s.fail(codeFailed, "Span is not enabled. To enable, run the commands:\n    set /augeas/span enable\n    rm /files\n    load\n")
			return false
		case errors.Is(err, lensnet.ErrNoSpan):
			s.report(codeFailed, "Node has no span info", "No span info for "+args[0], args[0])
			return false
		case errors.Is(err, lensnet.ErrManyMatches):
			s.report(codeTooMany, "Too many matches for path expression", "Multiple nodes match "+args[0], args[0])
			return false
		case errors.Is(err, lensnet.ErrNoMatch):
			s.report(codeNoMatch, "No match for path expression", "No node matching "+args[0], args[0])
			return false
		case err != nil:
			s.pathErr(err)
			return false
		case s.json:
			writeJSON(s.out, sp)
		default:
			fmt.Fprintf(s.out, "%s label=(%d:%d) value=(%d:%d) span=(%d,%d)\n", sp.File,
				sp.LabelStart, sp.LabelEnd, sp.ValueStart, sp.ValueEnd, sp.Start, sp.End)
		}
	case "save":
		err := h.Save()
		saved, _ := h.Match("/augeas/events/saved")
		if err != nil {
			if s.json {
				writeJSONError(s.errw, codeSave, err.Error(), s.cmd, "")
			} else {
				s.fail(codeSave, "saving failed (run 'errors' for details)")
			}
			return false
		}
		if s.json {
			files := []string{}
			for _, p := range saved {
				v, _, _ := h.Get(p)
				files = append(files, v)
			}
			writeJSON(s.out, map[string]any{"saved": files})
		} else if len(saved) > 0 { // augtool says nothing when nothing changed
			fmt.Fprintf(s.out, "Saved %d file(s)\n", len(saved))
		}
	case "errors":
		errs := h.Errors()
		if s.json {
			writeJSON(s.out, fileErrorsJSON(errs))
			break
		}
		for _, e := range errs {
			switch {
			case e.Line > 0:
				fmt.Fprintf(s.out, "Error in %s:%d.%d (%s)\n  %s\n  Lens: %s\n", e.Path, e.Line, e.Column-1, e.Kind, e.Msg, e.Lens)
			case e.Node != "":
				fmt.Fprintf(s.out, "Error in %s at node %s (%s)\n  %s\n  Lens: %s\n", e.Path, e.Node, e.Kind, e.Msg, e.Lens)
			case strings.HasPrefix(e.Kind, "Can not find lens"):
				fmt.Fprintf(s.out, "Error in %s (%s)\n", e.Path, e.Kind)
			default:
				fmt.Fprintf(s.out, "Error in %s (%s)\n  %s\n", e.Path, e.Kind, e.Msg)
			}
		}
	}
	return true
}

// nonNil makes an empty list print as [] rather than null.
func nonNil(js []jsonNode) []jsonNode {
	if js == nil {
		return []jsonNode{}
	}
	return js
}
