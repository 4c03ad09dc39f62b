// Package lens holds bidirectional lenses: Augeas's primitives and
// combinators, each able to read text into a tree (Get), write a changed
// tree back over the original text (Put) and write a tree as new text
// (Create); and their type checking (Check).
//
// # Primitives and combinators
//
//	Del(re, d)      reads text in re, keeps nothing in the tree; writes d for new nodes
//	Store(re)       reads text in re as the value of the enclosing node
//	Key(re)         reads text in re as the label of the enclosing node
//	Label(s)        labels the enclosing node s, reads nothing
//	Value(s)        sets the enclosing node's value to s, reads nothing
//	Seq(n)          labels the enclosing node 1, 2, ... (sequence n, per Get)
//	Counter(n)      restarts sequence n at 1
//	Subtree(l)      [ l ]: one node from the label, value and nodes l makes
//	Concat(l...)    l1 . l2: texts one after the other
//	Union(l...)     l1 | l2: the first alternative that matches
//	Star, Plus      l*, l+: repetition
//	Maybe(l)        l?: l or nothing
//	Square(l, b, r) l . b . r where l and r read the same text (XML tags)
//	Rec, Define     recursive lenses (let rec)
//
// Building enforces Augeas's construction rules (one key and one value
// per node level, none inside an iteration, square's shape).
//
// # Types
//
// Every lens has four regular languages: ctype, the text it reads;
// atype, the sibling lists it makes, each node encoded as
// label \003 value \004; ktype and vtype, the labels and values it sets.
// A recursive lens has no regular ctype, and its atype, ktype and vtype
// are computed as a fixpoint over its body. Check proves concatenations
// and iterations unambiguous and unions disjoint, on text and on trees,
// and reports a failure with the lens and example strings.
//
// # Get
//
// Text is split with the automata of package regular, never by
// backtracking: a concatenation is cut where a forward scan of its left
// operand and a backward scan of the rest agree, an iteration takes the
// longest piece after which the rest still fits, and a union the first
// branch whose ctype matches. Each byte is read a bounded number of times,
// so Get is linear in the input. Recursive lenses are parsed by a
// memoising recogniser over text positions whose terminals are their
// largest non-recursive parts; the tree is then built along the parse.
//
// A large star ending the top of a lens (64 KiB of text or more) is read
// in parallel: its iteration ends are found first, and runs of
// iterations are read by getters of their own as soon as they are cut;
// whatever the parallel read cannot vouch for makes it read the star
// again sequentially, so the result is always the sequential one.
// GetLazy leaves the levels below the top-level nodes unread where
// reading them later, alone, gives the same nodes (tree.SetLazy).
//
// # Put and create
//
// Put reads the original text again into a skeleton (the text of every
// del and the shape of every combinator) and, per tree level, a
// dictionary from labels to the skeletons of the subtrees with that
// label, in document order. It then walks the lens over the tree: sibling
// lists are split by atypes, iterations reuse old skeletons by position,
// unions take the first alternative whose atype fits, and each subtree
// takes the next unused skeleton of its label, so untouched text comes
// back byte for byte and a node keeps its formatting when it moves. What
// has no skeleton is created with the dels' defaults.
//
// PutChanged gives Put's bytes for a tree read from the text and edited
// since, reading only what changed: a level whose nodes are as read is
// copied around its changed children; a top level that changed is put
// with a dictionary made from the layout of the load (each top-level
// node's lens, span and label), whose entries are read from their own
// text only when a node other than the unchanged one read there takes
// them, and, where the top lens is stars of subtrees, with a skeleton
// made from the layout too. Editing a large file costs about a load.
//
// Errors: a *GetError says where in the text (line, column and byte
// offset, placed where Augeas 1.14 places the failure of the same lens
// on the same text), which lens, and what was expected; a *PutError names the tree
// path of the offending node; construction and type errors are *Error.
//
// # Where things are
//
//	lens.go        the Lens type, its kinds, the primitives and combinators
//	types.go       ctype, atype, ktype, vtype and their fixpoint for recursion
//	check.go       type checking (Check, Checker)
//	get.go         Get, GetLayout, GetLazy
//	getter.go      the getter: one reading of a text, its modes (getMode)
//	cut.go         splitting text among operands and iterations with automata
//	getrec.go      the recogniser of recursive lenses, and its memory
//	getpar.go      the parallel read of a large top-level star
//	geterror.go    GetError and the messages of a failed get
//	failure.go     where a failed get is reported, as Augeas reports it
//	lazy.go        which subtrees GetLazy leaves unread, and reading them later
//	skel.go        skeletons and dictionaries, what put writes the original from
//	put.go         Put and Create
//	putchanged.go  PutChanged: put that rewrites only the changed nodes
package lens
