package main

// The commands that name node sets for later paths: defvar, defnode.

var cmdDefvar = command{
	Name: "defvar", MinArgs: 2, MaxArgs: 2, PathArgs: []int{1},
	Group: "Path expression", Usage: "defvar <NAME> <EXPR>", Short: "name the nodes a path matches",
	Help: "Define $NAME as the nodes EXPR matches, for use in later paths.",
	Args: []string{"<NAME>  the variable", "<EXPR>  a path expression"},
	Run: func(s *shell, args []string) bool {
		_, err := s.h.DefineVariable(args[0], args[1])
		return s.done(err)
	},
}

var cmdDefnode = command{
	Name: "defnode", MinArgs: 2, MaxArgs: 3, PathArgs: []int{1},
	Group: "Path expression", Usage: "defnode <NAME> <EXPR> [<VALUE>]", Short: "name the nodes a path matches, creating one if none",
	Help: "Define $NAME as the nodes EXPR matches; when it matches none, create the node EXPR names (with VALUE) and define $NAME as it.",
	Args: []string{"<NAME>   the variable", "<EXPR>   a path expression", "<VALUE>  the value of a created node"},
	Run: func(s *shell, args []string) bool {
		var v *string
		if len(args) == 3 {
			v = &args[2]
		}
		_, err := s.h.DefineNode(args[0], args[1], v)
		return s.done(err)
	},
}
