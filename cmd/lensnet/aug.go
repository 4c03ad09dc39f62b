package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/internal/cmdline"
	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/tree"
)

// multi is a repeatable string option.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

// runAug is augtool: options, then one command from the arguments, or
// commands from -f FILE or standard input, one per line.
func runAug(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("lensnet", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, mainUsage) }
	var includes, xforms multi
	var root, file string
	var noStd, noLoad, noAuto, backup, newFile, autosave, typecheck, echo, interact bool
	for _, n := range []string{"r", "root"} {
		fl.StringVar(&root, n, os.Getenv("AUGEAS_ROOT"), "file system root")
	}
	for _, n := range []string{"I", "include"} {
		fl.Var(&includes, n, "lens module directory searched first (repeatable)")
	}
	for _, n := range []string{"t", "transform"} {
		fl.Var(&xforms, n, `transform "Lens incl|excl GLOB" (repeatable)`)
	}
	for _, n := range []string{"f", "file"} {
		fl.StringVar(&file, n, "", "read commands from FILE")
	}
	bools := []struct {
		v     *bool
		names []string
	}{
		{&noStd, []string{"S", "nostdinc"}}, {&noLoad, []string{"L", "noload"}},
		{&noAuto, []string{"A", "noautoload"}}, {&backup, []string{"b", "backup"}},
		{&newFile, []string{"n", "new"}}, {&autosave, []string{"s", "autosave"}},
		{&typecheck, []string{"c", "typecheck"}}, {&echo, []string{"e", "echo"}},
		{&interact, []string{"i", "interactive"}},
	}
	for _, b := range bools {
		for _, n := range b.names {
			fl.BoolVar(b.v, n, false, "")
		}
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	mode := files.Overwrite
	if backup {
		mode = files.Backup
	}
	if newFile {
		mode = files.NewFile
	}
	h, err := lensnet.Open(lensnet.Options{Root: root, LensPath: includes, NoStdInc: noStd,
		NoAutoload: noAuto, Transforms: xforms, NoLoad: noLoad, SaveMode: mode, TypeCheck: typecheck})
	if err != nil {
		fmt.Fprintf(stderr, "lensnet: %v\n", err)
		return 1
	}
	sh := &shell{h: h, out: stdout, errw: stderr}
	status := 0
	if fl.NArg() > 0 {
		if !sh.exec(fl.Args()) {
			status = 1
		}
	} else if file == "" && isTerminal(stdin) {
		status = sh.interactive(stdin)
	} else {
		in := stdin
		if file != "" {
			f, err := os.Open(file)
			if err != nil {
				fmt.Fprintf(stderr, "lensnet: %v\n", err)
				return 1
			}
			defer f.Close()
			in = f
		}
		status = sh.script(in, echo)
		if interact {
			status = max(status, sh.resumeOnTerminal(stdin))
		}
	}
	if autosave && !sh.exec([]string{"save"}) {
		status = 1
	}
	return status
}

// script runs one command per line from in (blank lines and lines
// starting with # skipped, "quit" stops) and returns 1 if any failed.
func (s *shell) script(in io.Reader, echo bool) int {
	status := 0
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if echo {
			fmt.Fprintf(s.out, "augtool> %s\n", line)
		}
		if line == "quit" {
			break
		}
		if !s.line(line) {
			status = 1
		}
	}
	return status
}

// line tokenises and runs one command line.
func (s *shell) line(line string) bool {
	words, err := cmdline.Split(line)
	if err != nil {
		s.fail(err.Error())
		return false
	}
	if len(words) == 0 {
		return true
	}
	return s.exec(words)
}

// shell runs augtool commands on a handle.
type shell struct {
	h    *lensnet.Handle
	out  io.Writer
	errw io.Writer
}

// fail prints a failed command's message as augtool does.
func (s *shell) fail(detail string) {
	fmt.Fprintf(s.errw, "error: Failed to execute command\n%s\n", detail)
}

// pathErr prints a library error the way augtool shows it.
func (s *shell) pathErr(err error) {
	var pe *tree.PathError
	switch {
	case errors.As(err, &pe):
		off := min(max(pe.Offset, 0), len(pe.Path))
		fmt.Fprintf(s.errw, "error: Invalid path expression\nerror: %s\n%s|=|%s\n", pe.Msg, pe.Path[:off], pe.Path[off:])
	case errors.Is(err, lensnet.ErrManyMatches):
		fmt.Fprintln(s.errw, "error: Too many matches for path expression")
	case errors.Is(err, lensnet.ErrNoMatch):
		fmt.Fprintln(s.errw, "error: No match for path expression")
	case errors.Is(err, lensnet.ErrIntoDescendant):
		fmt.Fprintln(s.errw, "error: Cannot move node into its descendant")
	case errors.Is(err, lensnet.ErrInvalidLabel):
		fmt.Fprintln(s.errw, "error: Invalid label")
	default:
		fmt.Fprintf(s.errw, "error: %v\n", err)
	}
}

// tooMany reports a command that needed one node and found several,
// with augtool's count line.
func (s *shell) tooMany(p string, err error) {
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
}

// exec runs one command and reports whether it succeeded.
func (s *shell) exec(words []string) bool {
	cmd, args := words[0], words[1:]
	ar, ok := arity[cmd]
	if !ok {
		s.fail(fmt.Sprintf("Unknown command '%s'", cmd))
		return false
	}
	if len(args) < ar[0] {
		s.fail("Not enough arguments for " + cmd)
		return false
	}
	if len(args) > ar[1] {
		s.fail("Too many arguments for " + cmd)
		return false
	}
	h := s.h
	switch cmd {
	case "get":
		v, has, err := h.Get(args[0])
		switch {
		case errors.Is(err, lensnet.ErrNoMatch):
			fmt.Fprintf(s.out, "%s (o)\n", args[0])
		case errors.Is(err, lensnet.ErrManyMatches):
			s.tooMany(args[0], err)
			return false
		case err != nil:
			s.pathErr(err)
			return false
		case has:
			fmt.Fprintf(s.out, "%s = %s\n", args[0], v)
		default:
			fmt.Fprintf(s.out, "%s (none)\n", args[0])
		}
	case "label":
		l, err := h.Label(args[0])
		switch {
		case errors.Is(err, lensnet.ErrNoMatch):
			fmt.Fprintf(s.out, "%s (o)\n", args[0])
		case err != nil:
			s.pathErr(err)
			return false
		default:
			fmt.Fprintf(s.out, "%s = %s\n", args[0], l)
		}
	case "source", "preview":
		var text string
		var err error
		if cmd == "source" {
			text, err = h.Source(args[0])
			text += "\n"
		} else {
			text, err = h.Preview(args[0])
		}
		switch {
		case errors.Is(err, lensnet.ErrNoFile):
			fmt.Fprintf(s.errw, "error: Invalid argument in function call\nPath %s is not associated with a file\n", args[0])
			return false
		case errors.Is(err, lensnet.ErrManyMatches):
			s.tooMany(args[0], err)
			return false
		case err != nil:
			s.pathErr(err)
			return false
		}
		fmt.Fprint(s.out, text)
	case "load":
		if err := h.Load(); err != nil {
			s.pathErr(err)
			return false
		}
	case "transform":
		if args[1] != "incl" && args[1] != "excl" {
			s.fail(`FILTER must be "incl" or "excl"`)
			return false
		}
		if err := h.Transform(strings.Join(args, " ")); err != nil {
			s.pathErr(err)
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
			fmt.Fprintf(s.errw, "error: Invalid label\nLabel %s contains a /\n", args[1])
			return false
		}
		if err != nil {
			s.pathErr(err)
			return false
		}
		fmt.Fprintf(s.out, "rename : %s to %s %d\n", args[0], args[1], n)
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
			fmt.Fprintf(s.errw, "error: Cannot %s node into its descendant\ndestination %s is a descendant of %s\n", verb, args[1], args[0])
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
		fmt.Fprintf(s.out, "rm : %s %d\n", args[0], n)
	case "ins", "insert":
		if args[1] != "before" && args[1] != "after" {
			s.fail("the <WHERE> argument for ins must be either 'before' or 'after'.")
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
		printed := 0
		for _, n := range ns {
			v, has := n.Value()
			if len(args) == 2 {
				if has && v == args[1] {
					fmt.Fprintln(s.out, n.Path())
					printed++
				}
				continue
			}
			if !has {
				v = "(none)"
			}
			fmt.Fprintf(s.out, "%s = %s\n", n.Path(), v)
			printed++
		}
		if printed == 0 && len(args) == 1 {
			fmt.Fprintln(s.out, "  (no matches)")
		}
	case "count":
		ns, err := h.MatchNodes(args[0])
		if err != nil {
			s.pathErr(err)
			return false
		}
		switch len(ns) {
		case 0:
			fmt.Fprintln(s.out, "  no matches")
		case 1:
			fmt.Fprintln(s.out, "  1 match")
		default:
			fmt.Fprintf(s.out, "  %d matches\n", len(ns))
		}
	case "ls":
		ns, err := h.MatchNodes(args[0])
		if err != nil {
			s.pathErr(err)
			return false
		}
		for _, n := range ns {
			base := len(n.Path()) + 1
			for _, c := range n.Children() {
				if c.Hidden() {
					continue
				}
				l := c.Path()[base:] // the label with [n] where it repeats
				if c.Len() > 0 {
					l += "/"
				}
				v, has := c.Value()
				if !has {
					v = "(none)"
				}
				fmt.Fprintf(s.out, "%s = %s\n", l, v)
			}
		}
	case "print":
		p := "/*"
		if len(args) == 1 {
			p = args[0]
		}
		ns, err := h.MatchNodes(p)
		if err != nil {
			s.pathErr(err)
			return false
		}
		for _, n := range ns {
			_ = tree.Fprint(s.out, n, n.Path())
		}
	case "save":
		err := h.Save()
		saved, _ := h.Match("/augeas/events/saved")
		if err != nil {
			s.fail("saving failed (run 'errors' for details)")
			return false
		}
		if len(saved) > 0 { // augtool says nothing when nothing changed
			fmt.Fprintf(s.out, "Saved %d file(s)\n", len(saved))
		}
	case "errors":
		for _, e := range h.Errors() {
			if e.Line > 0 {
				fmt.Fprintf(s.out, "Error in %s:%d.%d (%s)\n  %s\n  Lens: %s\n", e.Path, e.Line, e.Char, e.Kind, e.Msg, e.Lens)
			} else {
				fmt.Fprintf(s.out, "Error in %s (%s)\n  %s\n", e.Path, e.Kind, e.Msg)
			}
		}
	}
	return true
}
