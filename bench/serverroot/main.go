package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lensnet/lensnet/lens/lang"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// run is the command: it parses args, writes the root and reports on
// stderr; it returns the exit status.
func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("serverroot", flag.ContinueOnError)
	fl.SetOutput(stderr)
	cfg := &config{log: stderr}
	fl.StringVar(&cfg.out, "o", "", "write the root into `dir` (empty or absent)")
	fl.StringVar(&cfg.lensDir, "lenses", lang.SystemDistDir, "the lens modules and their tests/ in `dir`; for the default, lensnet's search path, its own modules first")
	fl.IntVar(&cfg.ifaces, "ifaces", 200, "ifcfg files, and stanzas of /etc/network/interfaces")
	fl.BoolVar(&cfg.verbose, "v", false, "list each file with the module that loads it")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if cfg.out == "" || fl.NArg() > 0 || cfg.ifaces < 0 {
		fmt.Fprintln(stderr, "usage: serverroot -o DIR [-lenses DIR] [-ifaces N] [-v]")
		return 2
	}
	sum, err := generate(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "serverroot:", err)
		return 1
	}
	for _, d := range sum.dropped {
		fmt.Fprintln(stderr, "serverroot: dropped", d)
	}
	fmt.Fprintf(stderr, "serverroot: wrote %s under %s\n", plural(sum.files, "file"), plural(sum.modules, "lens"))
	return 0
}

// plural returns "1 lens", "2 lenses", "3 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "s") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
