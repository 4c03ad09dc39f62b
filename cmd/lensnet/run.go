package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/lensnet/lensnet/regular"
)

const mainUsage = `usage: lensnet [OPTIONS] [COMMAND ARGS...]
       lensnet check|regexp|help ARGS...

lensnet is a drop-in for augtool: it loads the files the lenses claim
under the root and runs augtool commands on the tree, the one given on
the command line, or one per line from -f FILE or standard input, or in
an interactive shell when standard input is a terminal. Changes are
written only by save (or -s).

options:
  -r, --root ROOT        the file system root (default $AUGEAS_ROOT or /)
  -I, --include DIR      search DIR for lens modules first (repeatable)
  -S, --nostdinc         do not search the standard lens directories
  -A, --noautoload       do not use the modules' autoload transforms
  -t, --transform XFM    add a transform, "Lens incl|excl GLOB" (repeatable)
  -L, --noload           load no file at start
  -l, --load-file FILE   load FILE at start (implies -L; repeatable)
  -f, --file FILE        read commands from FILE
  -e, --echo             echo each command read
  -s, --autosave         save after the commands
  -b, --backup           keep the original of a saved file as FILE.augsave
  -n, --new              save into FILE.augnew, leaving FILE alone
  -i, --interactive      after the commands of -f/standard input, go on
                         in the interactive shell
  -c, --typecheck        type-check the lenses
      --span             record where each node is in its file (span)
      --timing           print how long start-up and each command took
      --json             results and errors as JSON, one value per line
      --version          print the version
  -h, --help             print this text

commands: 'lensnet help' lists them, 'lensnet help COMMAND' describes one.

  check [-I DIR]... [--notypecheck] [--nostdinc] [-t] FILE.aug...
                         load lens modules, type-check their lenses and run
                         their unit tests (the augparse equivalent)
  regexp [-i] COMMAND ARGS...
                         work with regular expressions
`

const usage = `usage: lensnet regexp [-i] COMMAND ARGS...

Work with regular expressions in Augeas's dialect (the text between the
slashes of a lens-language /.../ literal, after its escapes are read).

commands:
  show PATTERN            print the pattern as Augeas prints it, a shortest
                          word it matches and the size of its minimal DFA
  match PATTERN WORD...   tell for each WORD whether the whole word matches;
                          exit 1 if one does not
  minus PATTERN1 PATTERN2 print the difference PATTERN1 - PATTERN2; an empty
                          result is an error, as in Augeas
  ambig PATTERN [PATTERN2]
                          check PATTERN* (one pattern) or PATTERN.PATTERN2
                          (two) for ambiguity; exit 1 with a witness word if
                          ambiguous

options:
  -i                      case-insensitive patterns (the /re/i form)
`

// run is the whole command, callable from tests. It returns the exit
// status: 0 on success, 1 when a check fails, 2 on usage errors.
// lazyMin is lensnet.Options.LazyMin for the handle run opens: 0, the
// handle's default, except in tests that read every file lazily.
var lazyMin int

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 { // augtool: commands from standard input
		return runAug(args, stdin, stdout, stderr)
	}
	switch args[0] {
	case "help":
		return runHelp(args[1:], stdout, stderr)
	case "regexp":
		return runRegexp(args, stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	}
	return runAug(args, stdin, stdout, stderr)
}

func runRegexp(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lensnet regexp", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fold := fs.Bool("i", false, "case-insensitive")
	if err := fs.Parse(args[1:]); err != nil {
		fmt.Fprintf(stderr, "lensnet: %v\n%s", err, usage)
		return 2
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var flags regular.Flags
	if *fold {
		flags = regular.FoldCase
	}
	compile := func(p string) (*regular.FA, bool) {
		fa, err := regular.CompilePattern(p, flags)
		if err != nil {
			fmt.Fprintf(stderr, "lensnet: %v\n", err)
			return nil, false
		}
		return fa, true
	}
	cmd, rest := rest[0], rest[1:]
	want := map[string][2]int{"show": {1, 1}, "match": {2, -1}, "minus": {2, 2}, "ambig": {1, 2}}
	n, ok := want[cmd]
	if !ok {
		fmt.Fprintf(stderr, "lensnet: unknown regexp command %q\n%s", cmd, usage)
		return 2
	}
	if len(rest) < n[0] || n[1] >= 0 && len(rest) > n[1] {
		fmt.Fprintf(stderr, "lensnet: wrong number of arguments for %s\n%s", cmd, usage)
		return 2
	}
	fa, ok := compile(rest[0])
	if !ok {
		return 1
	}
	switch cmd {
	case "show":
		fmt.Fprintf(stdout, "regexp:  %s\n", fa.Regexp().Quote())
		if w, ok := fa.Example(); ok {
			fmt.Fprintf(stdout, "example: %s\n", strconv.Quote(w))
		} else {
			fmt.Fprintln(stdout, "example: none (the language is empty)")
		}
		fmt.Fprintf(stdout, "states:  %d\n", fa.NumStates())
	case "match":
		status := 0
		for _, w := range rest[1:] {
			verdict := "match"
			if !fa.Match(w) {
				verdict, status = "no match", 1
			}
			fmt.Fprintf(stdout, "%s: %s\n", strconv.Quote(w), verdict)
		}
		return status
	case "minus":
		fb, ok := compile(rest[1])
		if !ok {
			return 1
		}
		d, err := regular.Subtract(fa, fb)
		if err != nil {
			fmt.Fprintf(stderr, "lensnet: %v\n", err)
			return 1
		}
		fmt.Fprintln(stdout, d.Regexp().Quote())
	case "ambig":
		var x regular.Ambiguity
		var amb bool
		what := "iteration"
		if len(rest) == 2 {
			fb, ok := compile(rest[1])
			if !ok {
				return 1
			}
			x, amb = regular.AmbigConcat(fa, fb)
			what = "concatenation"
		} else {
			x, amb = regular.AmbigStar(fa)
		}
		if amb {
			fmt.Fprintf(stdout, "ambiguous %s: %s\n", what, x)
			return 1
		}
		fmt.Fprintf(stdout, "unambiguous %s\n", what)
	}
	return 0
}

// runHelp is "lensnet help [COMMAND]": no handle is opened.
func runHelp(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, mainUsage)
		printHelp(stdout, "")
	case len(args) > 1:
		fmt.Fprint(stderr, "usage: lensnet help [COMMAND]\n")
		return 2
	case args[0] == "check":
		fmt.Fprint(stdout, checkUsage)
	case args[0] == "regexp":
		fmt.Fprint(stdout, usage)
	case !printHelp(stdout, args[0]):
		fmt.Fprintf(stderr, "lensnet: no command %q; 'lensnet help' lists them\n", args[0])
		return 2
	}
	return 0
}
