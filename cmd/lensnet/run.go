package main

import (
	"fmt"
	"io"
	"strings"
)

// config holds what a run takes besides its arguments and files:
// switches for tests. The zero config is the command's own.
type config struct {
	// lazyMin is lensnet.Options.LazyMin for the handle augtool mode
	// opens: 0, the handle's default, except in tests that read every
	// file lazily.
	lazyMin int
	// loadAll reads every file at start, as LENSNET_LOAD=all does;
	// otherwise files are read when a command's path can reach them
	// (without lensnet.Options.LoadAll).
	loadAll bool
}

// run is the whole command, callable from tests. It returns the exit
// status: 0 on success, 1 when a command or check fails, 2 on usage
// errors of the subcommands.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(config{}, args, stdin, stdout, stderr)
}

// runWith is run with a config: a first argument naming a subcommand
// runs it; anything else (no argument, an option, an augtool command)
// is augtool.
func runWith(cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if sc := findSubcommand(args[0]); sc != nil {
			return sc.Run(cfg, args[1:], stdin, stdout, stderr)
		}
	}
	return runAug(cfg, args, stdin, stdout, stderr)
}

// A subcommand is a top-level command, "lensnet NAME ARGS...", other
// than augtool's mode. A family of verbs (regexp) is one too: its Run
// parses the family's options and hands the rest to the family.
type subcommand struct {
	Name string
	// Synopsis and Short are its entry in 'lensnet --help' (Synopsis
	// after "lensnet "); an empty Synopsis leaves it out.
	Synopsis, Short string
	// Usage is the text of 'lensnet help NAME' and of its usage errors;
	// nil for help, whose 'lensnet help help' describes the shell's help
	// command.
	Usage func() string
	Run   func(cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// subcommands are the top-level commands, in the order 'lensnet --help'
// names them. Augtool's own commands are never looked up here: a first
// argument that is not one of these names goes to augtool, so these
// names shadow augtool's commands of the same name (lensnet help is
// this table's help; lensnet -r / help is the shell's).
var subcommands = []*subcommand{&subCheck, &subRegexp, &subIface, &subNet, &subHelp}

// findSubcommand finds a subcommand by name, nil if none.
func findSubcommand(name string) *subcommand {
	for _, sc := range subcommands {
		if sc.Name == name {
			return sc
		}
	}
	return nil
}

var subCheck = subcommand{
	Name:     "check",
	Synopsis: checkSynopsis,
	Short:    "load lens modules, type-check their lenses and run their unit tests (the augparse equivalent)",
	Usage:    func() string { return checkUsage },
	Run:      runCheck,
}

var subHelp = subcommand{
	Name: "help",
	// Run is set by init: it reads the table that holds subHelp
}

func init() { subHelp.Run = runHelp }

// runHelp is "lensnet help [COMMAND]": no handle is opened.
func runHelp(_ config, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprint(stderr, "usage: lensnet help [COMMAND]\n")
		return 2
	}
	if len(args) == 0 {
		fmt.Fprint(stdout, mainUsage())
		printHelp(stdout, "")
		return 0
	}
	if sc := findSubcommand(args[0]); sc != nil && sc.Usage != nil {
		fmt.Fprint(stdout, sc.Usage())
		return 0
	}
	if !printHelp(stdout, args[0]) {
		fmt.Fprintf(stderr, "lensnet: no command %q; 'lensnet help' lists them\n", args[0])
		return 2
	}
	return 0
}

// mainUsage is 'lensnet --help': augtool's mode and its options, then
// the subcommands.
func mainUsage() string {
	var names []string
	for _, sc := range subcommands {
		names = append(names, sc.Name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, augUsage, strings.Join(names, "|"))
	b.WriteString("\n")
	for _, sc := range subcommands {
		if sc.Synopsis != "" {
			listEntry(&b, 2, 23, sc.Synopsis, sc.Short)
		}
	}
	return b.String()
}

// augUsage is the head of 'lensnet --help'; %s is the subcommands'
// names.
const augUsage = `usage: lensnet [OPTIONS] [COMMAND ARGS...]
       lensnet %s ARGS...

lensnet is a drop-in for augtool: it loads the files the lenses claim
under the root and runs augtool commands on the tree: those given on
the command line, then saved, as augtool does; or one per line from -f
FILE or standard input, or in an interactive shell when standard input
is a terminal, whose changes are written only by save (or -s).

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

environment:
  AUGEAS_ROOT            the root when -r is not given
  AUGEAS_LENS_LIB        lens directories searched after -I, ':'-separated
  LENSNET_CACHE          where to keep the autoload filters and the trees
                         read, keyed by the texts they came from (default
                         $XDG_CACHE_HOME/lensnet or ~/.cache/lensnet);
                         "off" keeps none
  LENSNET_LOAD           "all" reads every file at start instead of when a
                         command's path can reach it

commands: 'lensnet help' lists them, 'lensnet help COMMAND' describes one.
`
