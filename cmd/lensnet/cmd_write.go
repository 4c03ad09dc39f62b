package main

import (
	"errors"
	"fmt"

	"github.com/lensnet/lensnet"
)

// The commands that change the tree: set, setm, clear, clearm, touch,
// ins, mv, cp, rename, rm. Nothing reaches the files before save.

var cmdSet = command{
	Name: "set", MinArgs: 1, MaxArgs: 2, PathArgs: []int{0},
	Group: "Write", Usage: "set <PATH> [<VALUE>]", Short: "give a node a value",
	Help: "Give the node PATH the value VALUE (none without VALUE), creating it and missing ancestors; PATH must match at most one node.",
	Args: []string{"<PATH>   the node", "<VALUE>  its new value"},
	Run: func(s *shell, args []string) bool {
		if len(args) == 1 {
			return s.setDone(args[0], s.h.Clear(args[0]))
		}
		return s.setDone(args[0], s.h.Set(args[0], args[1]))
	},
}

var cmdClear = command{
	Name: "clear", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Write", Usage: "clear <PATH>", Short: "remove a node's value",
	Help: "Remove the value of the node PATH, creating it when it does not exist.",
	Args: []string{"<PATH>  the node"},
	Run: func(s *shell, args []string) bool {
		return s.setDone(args[0], s.h.Clear(args[0]))
	},
}

// setDone reports how set or clear of path went.
func (s *shell) setDone(path string, err error) bool {
	switch {
	case errors.Is(err, lensnet.ErrCannotCreate):
		s.p.fail(codeFailed, fmt.Sprintf("Setting %s failed", path))
	case err != nil:
		s.p.pathErr(err)
	default:
		return true
	}
	return false
}

var cmdSetm = command{
	Name: "setm", MinArgs: 2, MaxArgs: 3, PathArgs: []int{0},
	Group: "Write", Usage: "setm <BASE> <SUB> [<VALUE>]", Short: "give a sub-node of many nodes a value",
	Help: "For every node BASE matches, set SUB relative to it (. is the base node) to VALUE, creating SUB where missing.",
	Args: []string{"<BASE>   the base nodes", "<SUB>    a path relative to each base node", "<VALUE>  the value"},
	Run: func(s *shell, args []string) bool {
		var err error
		if len(args) == 3 {
			_, err = s.h.SetMultiple(args[0], args[1], args[2])
		} else {
			_, err = s.h.ClearMultiple(args[0], args[1])
		}
		return s.done(err)
	},
}

var cmdClearm = command{
	Name: "clearm", MinArgs: 2, MaxArgs: 2, PathArgs: []int{0},
	Group: "Write", Usage: "clearm <BASE> <SUB>", Short: "remove the value of a sub-node of many nodes",
	Help: "For every node BASE matches, remove the value of SUB relative to it, creating SUB where missing.",
	Args: []string{"<BASE>  the base nodes", "<SUB>   a path relative to each base node"},
	Run: func(s *shell, args []string) bool {
		_, err := s.h.ClearMultiple(args[0], args[1])
		return s.done(err)
	},
}

// done reports a command whose only result is its error, if any.
func (s *shell) done(err error) bool {
	if err != nil {
		s.p.pathErr(err)
		return false
	}
	return true
}

var cmdTouch = command{
	Name: "touch", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Write", Usage: "touch <PATH>", Short: "create a node if it is missing",
	Help: "Create the node PATH without value when nothing matches it.",
	Args: []string{"<PATH>  the node"},
	Run: func(s *shell, args []string) bool {
		return s.done(s.h.Touch(args[0]))
	},
}

var cmdIns = command{
	Name: "ins", Aliases: []string{"insert"}, MinArgs: 3, MaxArgs: 3, PathArgs: []int{2},
	Group: "Write", Usage: "ins <LABEL> <WHERE> <PATH>", Short: "add a node next to another",
	Help: "Add a node LABEL without value just before or after the single node PATH.",
	Args: []string{"<LABEL>  the new node's label", "<WHERE>  before or after", "<PATH>   the sibling"},
	Run: func(s *shell, args []string) bool {
		if args[1] != "before" && args[1] != "after" {
			s.p.fail(codeUsage, "the <WHERE> argument for ins must be either 'before' or 'after'.")
			return false
		}
		err := s.h.Insert(args[2], args[0], args[1] == "before")
		if errors.Is(err, lensnet.ErrInvalidLabel) {
			return true // augtool 1.14 inserts nothing and says nothing
		}
		return s.done(err)
	},
}

var cmdMv = command{
	Name: "mv", Aliases: []string{"move"}, MinArgs: 2, MaxArgs: 2, PathArgs: []int{0, 1},
	Group: "Write", Usage: "mv <SRC> <DST>", Short: "move a node and its subtree",
	Help: "Move the single node SRC with its subtree to DST: an existing DST takes SRC's value and children, otherwise DST is created.",
	Args: []string{"<SRC>  the node to move", "<DST>  where it goes"},
	Run: func(s *shell, args []string) bool {
		return s.moved("move", args, s.h.Move(args[0], args[1]))
	},
}

var cmdCp = command{
	Name: "cp", Aliases: []string{"copy"}, MinArgs: 2, MaxArgs: 2, PathArgs: []int{0, 1},
	Group: "Write", Usage: "cp <SRC> <DST>", Short: "copy a node and its subtree",
	Help: "Copy the single node SRC with its subtree to DST: an existing DST takes copies of SRC's value and children, otherwise DST is created.",
	Args: []string{"<SRC>  the node to copy", "<DST>  where the copy goes"},
	Run: func(s *shell, args []string) bool {
		return s.moved("copy", args, s.h.Copy(args[0], args[1]))
	},
}

// moved reports how mv or cp (verb "move" or "copy") of args[0] to
// args[1] went.
func (s *shell) moved(verb string, args []string, err error) bool {
	if errors.Is(err, lensnet.ErrIntoDescendant) {
		s.p.report(codeDescendant, fmt.Sprintf("Cannot %s node into its descendant", verb),
			fmt.Sprintf("destination %s is a descendant of %s", args[1], args[0]), args[1])
		return false
	}
	return s.done(err)
}

var cmdRename = command{
	Name: "rename", MinArgs: 2, MaxArgs: 2, PathArgs: []int{0},
	Group: "Write", Usage: "rename <SRC> <LBL>", Short: "give nodes a new label",
	Help: "Give every node SRC matches the label LBL and print how many were renamed.",
	Args: []string{"<SRC>  the nodes", "<LBL>  the new label (no /)"},
	Run: func(s *shell, args []string) bool {
		n, err := s.h.Rename(args[0], args[1])
		if errors.Is(err, lensnet.ErrInvalidLabel) {
			s.p.report(codeLabel, "Invalid label", fmt.Sprintf("Label %s contains a /", args[1]), args[1])
			return false
		}
		if !s.done(err) {
			return false
		}
		s.p.renamed(args[0], args[1], n)
		return true
	},
}

var cmdRm = command{
	Name: "rm", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Write", Usage: "rm <PATH>", Short: "delete nodes with their subtrees",
	Help: "Delete every node PATH matches with its subtree and print how many nodes went.",
	Args: []string{"<PATH>  the nodes"},
	Run: func(s *shell, args []string) bool {
		n, err := s.h.Remove(args[0])
		if !s.done(err) {
			return false
		}
		s.p.removed(args[0], n)
		return true
	},
}
