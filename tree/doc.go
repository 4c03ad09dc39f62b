// Package tree holds the ordered, labelled tree that lenses produce from
// configuration files.
//
// A Node has an optional label (a node without one is hidden: augtool
// never prints it and path expressions never match it), an optional value
// (an absent value is not the same as the empty string), an ordered list
// of children and the byte span of the text it was read from.
//
// The canonical text form of a tree is augtool's print format, produced by
// Dump and Fprint:
//
//	/1/ipaddr = "127.0.0.1"
//	/1/canonical = "localhost"
//
// A label is followed by [n] only where its parent has more than one child
// with that label; hidden nodes and everything under them are skipped.
//
// Node.Modified reports whether a node changed since it was read or
// saved, as augtool's modified() does.
//
// # Path expressions
//
// ParsePath reads Augeas's path language (pathx.c, Augeas 1.14). Grammar,
// loosest to tightest:
//
//	Expr         ::= OrExpr ('else' OrExpr)*
//	OrExpr       ::= AndExpr ('or' AndExpr)*
//	AndExpr      ::= EqExpr ('and' EqExpr)*
//	EqExpr       ::= RelExpr [('=' | '!=' | '=~' | '!~') RelExpr]
//	RelExpr      ::= AddExpr [('<' | '<=' | '>' | '>=') AddExpr]
//	AddExpr      ::= MulExpr (('+' | '-') MulExpr)*
//	MulExpr      ::= UnionExpr ('*' UnionExpr)*
//	UnionExpr    ::= PathExpr ('|' PathExpr)*
//	PathExpr     ::= LocationPath | Primary Predicate* [('/' | '//') RelLocPath]
//	LocationPath ::= '/' [RelLocPath] | '//' RelLocPath | RelLocPath
//	RelLocPath   ::= Step (('/' | '//') Step)*
//	Step         ::= [Axis '::'] (Name | '*') Predicate* | '.' | '..'
//	Predicate    ::= '[' Expr ']'
//	Primary      ::= Literal | Number | Function '(' [Expr (',' Expr)*] ')'
//	               | '$' Var | '(' Expr ')'
//	Literal      ::= '"' [^"]* '"' | "'" [^']* "'"   (no escapes)
//	Number       ::= [0-9]+
//	Var          ::= [A-Za-z_][A-Za-z0-9_]*
//
// The keywords and, or and else must have blanks around them. A digit,
// quote, '$', '(' or "word(" starts a Primary, so the relative path
// "1/x" is the number 1 (a type error); write "./1" or "child::1".
//
// Names run up to one of ] [ | / = ( ) ! , or the end, or blanks followed
// by a keyword; other punctuation and inner blanks belong to the name
// ("*[a < '2']" looks for a child named "a < '2'"). Trailing blanks are
// dropped; \x stands for x. Labels compare as strings ("01" is not "1").
// A name or "*" never matches a hidden node, not even the root (so
// root::* selects nothing, as in Augeas); ".", ".." and the step that
// "//" stands for match any node. Descendant searches do not
// enter hidden nodes (except the node they start from).
//
// Axes: child (the default), self, parent, descendant,
// descendant-or-self, ancestor (nearest first), root, preceding-sibling
// (nearest first), following-sibling and seq (children whose label is
// all digits). "//" is "/descendant-or-self::node()/". As in Augeas there
// is no ancestor-or-self axis: "ancestor-or-self::x" is a name.
//
// A step collects the nodes selected from every context node into one
// set (in the order of collection, without duplicates); each predicate
// then filters that whole set, with position() and last() counted over
// it, not per parent as in XPath: "/a/*/b[1]" is one node. A predicate
// that is a number n keeps the n-th node; a string keeps the nodes whose
// value is that string; a node set keeps nodes where it is not empty;
// anything else is taken as a boolean.
//
// Values are node sets, booleans, numbers (integers), strings and
// regexps. Functions: last(), position(), label(), count(nodeset),
// not(boolean), int(string|nodeset of one node|boolean),
// regexp(string|nodeset [, 'i']) (a node set gives the union of its
// values), glob(string|nodeset) (* and ? do not match '/') and
// modified(), true for a node changed since it was read or saved (see
// Node.Modified: its label or value set to something else, the node
// added, moved or copied there, or a child of it removed; a file's node
// when anything in the file changed).
// = and != compare two numbers, or strings and node sets existentially
// (some pair of values is equal, resp. differs; an absent value is "").
// =~ and !~ match a string or any value of a node set against a regexp
// made by regexp() or glob() (a plain string there is a type error, as in
// Augeas); the whole string must match. Regexps are Augeas's dialect, the
// one lenses use (package regular): POSIX extended syntax without classes
// such as [:digit:]; regexp(s, 'i') ignores case; glob() reads * and ? as
// fnmatch does (not across "/").
// < <= > >= compare two numbers or two strings; + adds numbers and
// concatenates strings or regexps; - and * take numbers; and/or take
// anything (an empty set, a number <= 0 and "" are false). A | B is the
// union of two node sets, A's nodes then B's, a node in both twice (as
// in Augeas 1.14: count(/a | /a) is 2). A else B is A if A is a
// non-empty node set or true, else B; once A has held during one
// predicate pass it is kept for the rest of that pass, as in Augeas.
//
// Match evaluates a path without variables; MatchVars binds $name to
// values (Vars: node sets, or strings, numbers and booleans kept from
// Eval, as Augeas's defvar keeps any value). Create makes the node a
// location path names: the deepest step with matches must match one
// node, and the remaining steps must be child::name (a new last child of
// that name; predicates are ignored) or seq::* (the next free number).
// Errors are *PathError values carrying the offset into the path where
// parsing or evaluation failed, except that int() of a node set that is
// not one node fails with ErrManyMatches (for an empty set too), as
// Augeas does.
//
// # For lens engines
//
// A few names serve the engine that reads trees from text and writes
// back what changed; code that queries and edits trees needs none of
// them.
//
// Alloc makes the nodes of a tree being read, many to an allocation,
// without marking them as changed.
//
// A node may be lazy (SetLazy, IsLazy): its children are made by an
// Expander the first time anything looks at them, through any method,
// a path or print. A lens reading a large file leaves the levels below
// its top-level nodes unread this way; Dump and Fprint first make all
// the lazy children of the subtree they print at once, in parallel
// (through a BatchExpander where the expanders allow it).
//
// Every edit marks what it changed, until ClearChanges (after a load or
// a save) forgets the marks of a subtree. Four checks read them, each for
// the changes since then:
//
//	Node.Modified    SelfChanged, or on a file's node (SetFileRoot)
//	                 SubtreeChanged: what augtool's modified() sees
//	SelfChanged      the node itself: its label or value, its being
//	                 attached here (new, moved or copied), a child removed
//	ChildrenChanged  its list of children: a child added, removed or moved
//	SubtreeChanged   anything in its subtree: save skips files and
//	                 subtrees for which it is false
//
// # Where things are
//
//	node.go       Node: labels, values, children, edits, Clone, Equal
//	changes.go    the change marks: Modified and the engine's checks
//	dump.go       Dump, Fprint (augtool's print), Node.Path, Paths,
//	              EscapeLabel, QuoteValue
//	walk.go       Walk
//	path.go       Path, ParsePath, MustParsePath, PathError; the
//	              expression tree a Path holds
//	pathparse.go  the path parser (hand-written, recursive descent)
//	eval.go       the evaluator: Match, MatchVars, Eval, axes, predicates,
//	              operators
//	pathfunc.go   the functions (count(), regexp(), ...)
//	value.go      Value, Vars, NodeSet
//	create.go     node creation: Create, CreateVars, MatchOrCreateVars,
//	              AnchorVars
//	lazy.go       lazy nodes: Expander, BatchExpander, SetLazy, IsLazy
//	alloc.go      Alloc
package tree
