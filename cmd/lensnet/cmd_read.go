package main

import (
	"errors"
	"strings"

	"github.com/lensnet/lensnet"
	"github.com/lensnet/lensnet/tree"
)

// The commands that read the tree: get, label, ls, match, count, print,
// dump-xml, span.

var cmdGet = command{
	Name: "get", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Read", Usage: "get <PATH>", Short: "show a node's value",
	Help: "Print the value of the single node PATH: PATH = value, PATH (none) for a node without value, PATH (o) when nothing matches.",
	Args: []string{"<PATH>  the node"},
	Run: func(s *shell, args []string) bool {
		v, has, err := s.h.Get(args[0])
		return s.showOne("value", args[0], v, has, err)
	},
}

var cmdLabel = command{
	Name: "label", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Read", Usage: "label <PATH>", Short: "show a node's label",
	Help: "Print the label of the single node PATH.",
	Args: []string{"<PATH>  the node"},
	Run: func(s *shell, args []string) bool {
		l, err := s.h.Label(args[0])
		return s.showOne("label", args[0], l, err == nil, err)
	},
}

// showOne prints get's or label's result (key names which) for the
// single node path: its value or label v (has false for none), or
// err.
func (s *shell) showOne(key, path, v string, has bool, err error) bool {
	switch {
	case errors.Is(err, lensnet.ErrNoMatch):
		s.p.missing(path)
	case errors.Is(err, lensnet.ErrManyMatches):
		s.tooMany(path, err)
		return false
	case err != nil:
		s.p.pathErr(err)
		return false
	default:
		s.p.value(key, path, v, has)
	}
	return true
}

var cmdLs = command{
	Name: "ls", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Read", Usage: "ls <PATH>", Short: "list a node's children",
	Help: "Print the children of the nodes PATH matches as label = value; a trailing / marks a child that has children itself.",
	Args: []string{"<PATH>  the parent node"},
	Run: func(s *shell, args []string) bool {
		// as augtool: the matches of PATH/*, errors shown for that path
		// ("ls /" lists the children of the root, not its descendants)
		ns, err := s.h.MatchNodes(strings.TrimSuffix(args[0], "/") + "/*")
		if err != nil {
			s.p.pathErr(err)
			return false
		}
		s.p.children(ns, tree.Paths(ns))
		return true
	},
}

var cmdMatch = command{
	Name: "match", MinArgs: 1, MaxArgs: 2, PathArgs: []int{0},
	Group: "Read", Usage: "match <PATH> [<VALUE>]", Short: "list the nodes a path matches",
	Help: "Print every node PATH matches with its value; with VALUE, only the paths of the nodes whose value is VALUE.",
	Args: []string{"<PATH>   the path expression", "<VALUE>  the value to look for"},
	Run: func(s *shell, args []string) bool {
		ns, err := s.h.MatchNodes(args[0])
		if err != nil {
			s.p.pathErr(err)
			return false
		}
		paths := tree.Paths(ns) // linear; n.Path() on each of many siblings is not
		if len(args) == 1 {
			s.p.matches(ns, paths, false)
			return true
		}
		var keep []*tree.Node
		var keepPaths []string
		for i, n := range ns {
			if v, has := n.Value(); has && v == args[1] {
				keep, keepPaths = append(keep, n), append(keepPaths, paths[i])
			}
		}
		s.p.matches(keep, keepPaths, true)
		return true
	},
}

var cmdCount = command{
	Name: "count", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Read", Usage: "count <PATH>", Short: "count the nodes a path matches",
	Help: "Print how many nodes PATH matches.",
	Args: []string{"<PATH>  the path expression"},
	Run: func(s *shell, args []string) bool {
		ns, err := s.h.MatchNodes(args[0])
		if err != nil {
			s.p.pathErr(err)
			return false
		}
		s.p.count(args[0], len(ns))
		return true
	},
}

var cmdPrint = command{
	Name: "print", MinArgs: 0, MaxArgs: 1, PathArgs: []int{0},
	Group: "Read", Usage: "print [<PATH>]", Short: "show nodes and their subtrees",
	Help: "Print the nodes PATH matches (the whole tree without PATH) and their subtrees, one node per line with its path and quoted value.",
	Args: []string{"<PATH>  the nodes to print"},
	Run: func(s *shell, args []string) bool {
		_, ns, paths, ok := s.subtrees(args)
		if ok {
			s.p.subtrees(ns, paths)
		}
		return ok
	},
}

var cmdDumpXML = command{
	Name: "dump-xml", MinArgs: 0, MaxArgs: 1, PathArgs: []int{0},
	Group: "Read", Usage: "dump-xml [<PATH>]", Short: "show nodes and their subtrees as XML",
	Help: "Print the nodes PATH matches (the whole tree without PATH) with their subtrees as XML.",
	Args: []string{"<PATH>  the nodes to print"},
	Run: func(s *shell, args []string) bool {
		p, ns, paths, ok := s.subtrees(args)
		if !ok {
			return false
		}
		if err := s.p.xml(p, ns, paths); err != nil {
			s.p.report(codeFailed, err.Error(), "", p)
			return false
		}
		return true
	},
}

// subtrees finds the nodes print and dump-xml show: those of the path
// in args, every top-level node without one.
func (s *shell) subtrees(args []string) (p string, ns []*tree.Node, paths []string, ok bool) {
	p = "/*"
	if len(args) == 1 {
		p = args[0]
	}
	ns, err := s.h.MatchNodes(p)
	if err != nil {
		s.p.pathErr(err)
		return p, nil, nil, false
	}
	return p, ns, tree.Paths(ns), true
}

var cmdSpan = command{
	Name: "span", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Read", Usage: "span <PATH>", Short: "show where a node is in its file",
	Help: "Print the file and the byte ranges of the label, the value and the whole text of the single node PATH. Spans are recorded only when /augeas/span is enable (--span) when files are loaded.",
	Args: []string{"<PATH>  the node"},
	Run: func(s *shell, args []string) bool {
		sp, err := s.h.Span(args[0])
		switch {
		case errors.Is(err, lensnet.ErrSpanDisabled):
			s.p.fail(codeFailed, "Span is not enabled. To enable, run the commands:\n    set /augeas/span enable\n    rm /files\n    load\n")
		case errors.Is(err, lensnet.ErrNoSpan):
			s.p.report(codeFailed, "Node has no span info", "No span info for "+args[0], args[0])
		case errors.Is(err, lensnet.ErrManyMatches):
			s.p.report(codeTooMany, "Too many matches for path expression", "Multiple nodes match "+args[0], args[0])
		case errors.Is(err, lensnet.ErrNoMatch):
			s.p.report(codeNoMatch, "No match for path expression", "No node matching "+args[0], args[0])
		case err != nil:
			s.p.pathErr(err)
		default:
			s.p.span(sp)
			return true
		}
		return false
	},
}
