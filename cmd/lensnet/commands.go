package main

import "strings"

// A command is one augtool command of the shell: everything the shell,
// help and Tab completion know of it. Each is declared beside its run
// function, in the cmd_*.go file of its kind.
type command struct {
	Name    string
	Aliases []string // other names that run it; help lists each as "the same as Name"

	// MinArgs and MaxArgs bound the number of arguments; the shell
	// refuses a command line outside them before Run is called.
	MinArgs, MaxArgs int
	// PathArgs are the arguments (from 0) that are paths: the shell
	// drops their trailing '/' as augtool does, and Tab completes them
	// from the tree. The others are values, labels, lens or file names.
	PathArgs []int

	Group string   // the heading help lists it under, one of groups
	Usage string   // the synopsis: "set <PATH> [<VALUE>]"
	Short string   // what help's list says of it, lowercase
	Help  string   // the description 'help NAME' prints, wrapped
	Args  []string // "<ARG>  meaning" lines of 'help NAME'

	// Run runs the command on arguments the shell has checked, prints
	// its result or failure through s.p and reports whether it
	// succeeded.
	Run func(s *shell, args []string) bool
}

// groups are help's headings, in the order it lists them.
var groups = []string{"Admin", "Informational", "Read", "Write", "Path expression"}

// commands is the shell's command table, in the order help lists the
// commands of a group. It is a static table: building it costs nothing
// at start-up.
var commands = []*command{
	// Admin
	&cmdContext, &cmdLoad, &cmdSave, &cmdTransform, &cmdLoadFile, &cmdRetrieve, &cmdStore, &cmdQuit,
	// Informational
	&cmdErrors, &cmdInfo, &cmdHelp, &cmdSource, &cmdPreview,
	// Read
	&cmdDumpXML, &cmdGet, &cmdLabel, &cmdLs, &cmdMatch, &cmdCount, &cmdPrint, &cmdSpan,
	// Write
	&cmdClear, &cmdClearm, &cmdIns, &cmdMv, &cmdCp, &cmdRename, &cmdRm, &cmdSet, &cmdSetm, &cmdTouch,
	// Path expression
	&cmdDefnode, &cmdDefvar,
}

// lookup finds the command a name (or an alias) runs, nil if none.
func lookup(name string) *command {
	for _, c := range commands {
		if c.Name == name {
			return c
		}
		for _, a := range c.Aliases {
			if a == name {
				return c
			}
		}
	}
	return nil
}

// names are a command's name, then its aliases.
func (c *command) names() []string {
	return append([]string{c.Name}, c.Aliases...)
}

// isPathArg reports whether argument i (from 0) is a path.
func (c *command) isPathArg(i int) bool {
	for _, p := range c.PathArgs {
		if p == i {
			return true
		}
	}
	return false
}

// aliasHelp is how help describes an alias of c: a command of its own
// whose description sends the reader to c.
func (c *command) aliasHelp(alias string) *command {
	return &command{
		Name:  alias,
		Group: c.Group,
		Usage: alias + strings.TrimPrefix(c.Usage, c.Name),
		Short: "the same as " + c.Name,
		Help:  "The same as " + c.Name + ".",
	}
}
