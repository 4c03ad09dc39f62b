package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/lensnet/lensnet/regular"
)

// lensnet regexp: a family of verbs on regular expressions in Augeas's
// dialect.

var subRegexp = subcommand{
	Name:     "regexp",
	Synopsis: regexpSynopsis,
	Short:    "work with regular expressions",
	Usage:    regexpUsage,
	Run:      runRegexp,
}

func regexpUsage() string { return regexpFamily.usage() }

const regexpSynopsis = "regexp [-i] COMMAND ARGS..."

var regexpFamily = family[*regexpRun]{
	Name:     "regexp",
	Synopsis: regexpSynopsis,
	Doc: `Work with regular expressions in Augeas's dialect (the text between the
slashes of a lens-language /.../ literal, after its escapes are read).
`,
	Verbs: []verb[*regexpRun]{
		{Name: "show", MinArgs: 1, MaxArgs: 1, Usage: "show PATTERN", Run: (*regexpRun).show,
			Short: "print the pattern as Augeas prints it, a shortest word it matches and the size of its minimal DFA"},
		{Name: "match", MinArgs: 2, MaxArgs: -1, Usage: "match PATTERN WORD...", Run: (*regexpRun).match,
			Short: "tell for each WORD whether the whole word matches; exit 1 if one does not"},
		{Name: "minus", MinArgs: 2, MaxArgs: 2, Usage: "minus PATTERN1 PATTERN2", Run: (*regexpRun).minus,
			Short: "print the difference PATTERN1 - PATTERN2; an empty result is an error, as in Augeas"},
		{Name: "ambig", MinArgs: 1, MaxArgs: 2, Usage: "ambig PATTERN [PATTERN2]", Run: (*regexpRun).ambig,
			Short: "check PATTERN* (one pattern) or PATTERN.PATTERN2 (two) for ambiguity; exit 1 with a witness word if ambiguous"},
	},
	Options: "  -i                      case-insensitive patterns (the /re/i form)\n",
}

// regexpRun is what the regexp verbs run on: the family's options and
// the output.
type regexpRun struct {
	flags          regular.Flags
	stdout, stderr io.Writer
}

// runRegexp is "lensnet regexp [-i] VERB ARGS...".
func runRegexp(_ config, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lensnet regexp", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fold := fs.Bool("i", false, "case-insensitive")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) { // -h, --help
		fmt.Fprint(stdout, regexpFamily.usage())
		return 0
	} else if err != nil {
		fmt.Fprintf(stderr, "lensnet: %v\n%s", err, regexpFamily.usage())
		return 2
	}
	x := &regexpRun{stdout: stdout, stderr: stderr}
	if *fold {
		x.flags = regular.FoldCase
	}
	return regexpFamily.run(x, fs.Args(), stdout, stderr)
}

// compile compiles a pattern, reporting a bad one.
func (x *regexpRun) compile(p string) (*regular.FA, bool) {
	fa, err := regular.CompilePattern(p, x.flags)
	if err != nil {
		fmt.Fprintf(x.stderr, "lensnet: %v\n", err)
		return nil, false
	}
	return fa, true
}

func (x *regexpRun) show(args []string, _ opts) int {
	fa, ok := x.compile(args[0])
	if !ok {
		return 1
	}
	fmt.Fprintf(x.stdout, "regexp:  %s\n", fa.Regexp().Quote())
	if w, ok := fa.Example(); ok {
		fmt.Fprintf(x.stdout, "example: %s\n", strconv.Quote(w))
	} else {
		fmt.Fprintln(x.stdout, "example: none (the language is empty)")
	}
	fmt.Fprintf(x.stdout, "states:  %d\n", fa.NumStates())
	return 0
}

func (x *regexpRun) match(args []string, _ opts) int {
	fa, ok := x.compile(args[0])
	if !ok {
		return 1
	}
	status := 0
	for _, w := range args[1:] {
		verdict := "match"
		if !fa.Match(w) {
			verdict, status = "no match", 1
		}
		fmt.Fprintf(x.stdout, "%s: %s\n", strconv.Quote(w), verdict)
	}
	return status
}

func (x *regexpRun) minus(args []string, _ opts) int {
	fa, ok := x.compile(args[0])
	if !ok {
		return 1
	}
	fb, ok := x.compile(args[1])
	if !ok {
		return 1
	}
	d, err := regular.Subtract(fa, fb)
	if err != nil {
		fmt.Fprintf(x.stderr, "lensnet: %v\n", err)
		return 1
	}
	fmt.Fprintln(x.stdout, d.Regexp().Quote())
	return 0
}

func (x *regexpRun) ambig(args []string, _ opts) int {
	fa, ok := x.compile(args[0])
	if !ok {
		return 1
	}
	var w regular.Ambiguity
	var amb bool
	what := "iteration"
	if len(args) == 2 {
		fb, ok := x.compile(args[1])
		if !ok {
			return 1
		}
		w, amb = regular.AmbigConcat(fa, fb)
		what = "concatenation"
	} else {
		w, amb = regular.AmbigStar(fa)
	}
	if amb {
		fmt.Fprintf(x.stdout, "ambiguous %s: %s\n", what, w)
		return 1
	}
	fmt.Fprintf(x.stdout, "unambiguous %s\n", what)
	return 0
}
