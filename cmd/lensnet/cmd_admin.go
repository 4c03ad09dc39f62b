package main

import (
	"fmt"
	"strings"
)

// The commands about the handle rather than the tree's content:
// context, load, load-file, transform, save, errors, info, help, quit.

var cmdContext = command{
	Name: "context", MinArgs: 0, MaxArgs: 1, PathArgs: []int{0},
	Group: "Admin", Usage: "context [<PATH>]", Short: "show or set the node relative paths start from",
	Help: "Without PATH, print the context: the node relative paths start from (/augeas/context, /files at start). With PATH, make that node the context.",
	Args: []string{"<PATH>  the new context"},
	Run: func(s *shell, args []string) bool {
		if len(args) == 1 {
			s.h.SetContext(args[0])
		} else {
			s.p.context(s.h.Context())
		}
		return true
	},
}

var cmdLoad = command{
	Name: "load", MinArgs: 0, MaxArgs: 0,
	Group: "Admin", Usage: "load", Short: "read the files again into /files",
	Help: "Read again every file the transforms under /augeas/load claim, replacing their trees under /files; unsaved changes are lost.",
	Run: func(s *shell, args []string) bool {
		return s.done(s.h.Load())
	},
}

var cmdSave = command{
	Name: "save", MinArgs: 0, MaxArgs: 0,
	Group: "Admin", Usage: "save", Short: "write the files whose trees changed",
	Help: "Write every file whose tree changed, in the mode of /augeas/save (overwrite, backup, newfile or noop), and print how many were saved. Files that did not load are never written.",
	Run:  func(s *shell, args []string) bool { return s.save(false, false) == nil },
}

// save writes the changed files and prints how many. auto is a save
// lensnet runs itself (-s, and the save after command-line commands):
// no errors command can follow it, so a failure prints its detail.
// quiet leaves out the result when no file was written (text never
// has one then; --json has {"saved":[]}). It returns Save's error.
func (s *shell) save(auto, quiet bool) error {
	if err := s.h.Save(); err != nil {
		s.p.saveFailed(err, auto)
		return err
	}
	files := s.h.Saved()
	if !quiet || len(files) > 0 {
		s.p.saved(files)
	}
	return nil
}

var cmdTransform = command{
	Name: "transform", MinArgs: 3, MaxArgs: 3,
	Group: "Admin", Usage: "transform <LENS> <FILTER> <FILE>", Short: "make a lens read and write more files",
	Help: "Add FILE to the files LENS reads and writes, under /augeas/load/<Module>; run load afterwards to read them.",
	Args: []string{"<LENS>    a lens, Module.name (Module alone means Module.lns)", "<FILTER>  incl to add the file, excl to leave it out", "<FILE>    a file name or glob, e.g. /etc/hosts or /etc/sysconfig/*"},
	Run: func(s *shell, args []string) bool {
		if args[1] != "incl" && args[1] != "excl" {
			s.p.fail(codeUsage, `FILTER must be "incl" or "excl"`)
			return false
		}
		return s.done(s.h.Transform(strings.Join(args, " ")))
	},
}

var cmdLoadFile = command{
	Name: "load-file", MinArgs: 1, MaxArgs: 1,
	Group: "Admin", Usage: "load-file <FILE>", Short: "read one file into /files",
	Help: "Read FILE with the transform that claims it, replacing what was loaded of it.",
	Args: []string{"<FILE>  the file, an absolute path under the root"},
	Run: func(s *shell, args []string) bool {
		if err := s.h.LoadFile(args[0]); err != nil {
			s.p.report(codeNoLens, "Lens not found", "can not determine lens to load file "+args[0], args[0])
			return false
		}
		return true
	},
}

var cmdQuit = command{
	Name: "quit", MinArgs: 0, MaxArgs: 0,
	Group: "Admin", Usage: "quit", Short: "stop",
	Help: "Stop reading commands.",
	// a script or the interactive shell stops at a quit line; run on
	// its own (lensnet quit) it does nothing
	Run: func(s *shell, args []string) bool { return true },
}

var cmdErrors = command{
	Name: "errors", MinArgs: 0, MaxArgs: 0,
	Group: "Informational", Usage: "errors", Short: "list the errors of loading and saving",
	Help: "Print the errors recorded while loading and saving files, for missing lenses and for store/retrieve.",
	Run: func(s *shell, args []string) bool {
		s.p.fileErrors(s.h.Errors())
		return true
	},
}

var cmdInfo = command{
	Name: "info", MinArgs: 0, MaxArgs: 0,
	Group: "Informational", Usage: "info", Short: "show version, root, lens path, context, file count",
	Help: "Print the version, the root, the lens search path, the context and the number of loaded files.",
	Run: func(s *shell, args []string) bool {
		s.p.info(s.h.Info())
		return true
	},
}

var cmdHelp = command{
	Name: "help", MinArgs: 0, MaxArgs: 1,
	Group: "Informational", Usage: "help [<COMMAND>]", Short: "list the commands or describe one",
	Help: "List the commands, or describe one.",
	Args: []string{"<COMMAND>  the command to describe"},
	// Run is set by init: it reads the table that holds cmdHelp
}

func init() { cmdHelp.Run = runHelpCommand }

// runHelpCommand is help: the list, or one command's description.
func runHelpCommand(s *shell, args []string) bool {
	name := ""
	if len(args) == 1 {
		name = args[0]
	}
	if !s.p.help(name) {
		s.p.fail(codeUsage, fmt.Sprintf("Unknown command '%s'", name))
		return false
	}
	return true
}
