package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/lens/syntax"
	"github.com/lensnet/lensnet/lenses"
)

const checkSynopsis = "check [-I DIR]... [--notypecheck] [--nostdinc] [-t] FILE.aug..."

const checkUsage = "usage: lensnet " + checkSynopsis + `

Load each lens module, type-check every lens it binds and run its unit
tests, as augparse does. Modules it refers to are searched in the -I
directories, then $AUGEAS_LENS_LIB, then /usr/share/augeas/lenses, the
lenses built into lensnet and /usr/share/augeas/lenses/dist.

options:
  -I, --include DIR   search DIR for modules (repeatable; first wins)
  --notypecheck       do not type-check lenses
  --nostdinc          search only -I and $AUGEAS_LENS_LIB directories
  -t, --trace         print "Module FILE loaded" for every module loaded
`

// dirList collects repeated -I options.
type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ":") }
func (d *dirList) Set(s string) error { *d = append(*d, s); return nil }

// runCheck is "lensnet check": augparse.
func runCheck(_ config, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lensnet check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var dirs dirList
	fs.Var(&dirs, "I", "")
	fs.Var(&dirs, "include", "")
	noTypecheck := fs.Bool("notypecheck", false, "")
	noStd := fs.Bool("nostdinc", false, "")
	trace := fs.Bool("t", false, "")
	fs.BoolVar(trace, "trace", false, "")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) { // -h, --help
		fmt.Fprint(stdout, checkUsage)
		return 0
	} else if err != nil {
		fmt.Fprintf(stderr, "lensnet check: %v\n%s", err, checkUsage)
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, checkUsage)
		return 2
	}
	opts := lang.Options{
		Path:      lang.DefaultPath(dirs, *noStd, lenses.FS),
		TypeCheck: !*noTypecheck,
		Tests:     true,
		Stdout:    stdout,
	}
	if *trace {
		opts.Trace = stdout
	}
	ld := lang.NewLoader(opts)
	status := 0
	for _, file := range fs.Args() {
		if _, err := ld.LoadFile(file); err != nil {
			fmt.Fprintf(stderr, "%s\nlensnet check: failed to load %s\n", errorLines(err), file)
			status = 1
		}
	}
	return status
}

// errorLines is err's message, or, for syntax errors, every one of them
// on a line of its own (as augparse lists them).
func errorLines(err error) string {
	var list syntax.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return err.Error()
	}
	msgs := make([]string, len(list))
	for i, e := range list {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}
