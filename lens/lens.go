package lens

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/regular"
)

// Kind is the kind of a lens: a primitive or a combinator.
type Kind int

// The lens kinds. KindInvalid is the zero value and never names a lens.
const (
	KindInvalid Kind = iota
	KindDel
	KindStore
	KindKey
	KindLabel
	KindValue
	KindSeq
	KindCounter
	KindConcat
	KindUnion
	KindSubtree
	KindStar
	KindMaybe
	KindSquare
	KindRec
)

var kindNames = [...]string{"invalid", "del", "store", "key", "label", "value", "seq", "counter",
	"concat", "union", "subtree", "star", "maybe", "square", "rec"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Lens is a bidirectional transformation between text and trees. Lenses
// are immutable once built (a recursive lens once its body is defined)
// and safe for concurrent use.
type Lens struct {
	kind Kind
	info source.Info
	re   *regular.FA // del, store, key
	cre  *regular.FA // del, store, key: the language the type checker reads for re, when it differs (see WithCheckRegexp)
	str  string      // del default; label and value string; seq and counter name
	kids []*Lens     // concat and union: the operands; subtree, star, maybe, rec: one; square: left, body, right
	fold bool        // square: compare left and right case-insensitively

	recursive bool // contains a recursive lens
	hasKey    bool // sets the label of the enclosing node
	hasValue  bool // sets the value of the enclosing node

	ty   atomic.Pointer[types]     // tree languages, for put and the checker
	tt   atomic.Pointer[textTypes] // text languages, for get and the checker
	plan atomic.Pointer[recPlan]   // recursive concatenation or union: operand groups for get

	split atomic.Pointer[splitPlan] // non-recursive concatenation, square or union: how get splits its text

	back atomic.Int32 // putsBack: 0 not known yet, 1 true, 2 false

	lazy     atomic.Pointer[lazyPlan] // top of a lens: which of its top-level subtrees get may leave unread below
	subsOnly atomic.Int32             // star: onlySubtrees, 0 not known yet, 1 true, 2 false
	seqLocal atomic.Int32             // subtree: seqsLocal, 0 not known yet, 1 true, 2 false

	// The checker's own languages, for a lens that reads some regexp
	// differently for the checker (checkDiffers): they never replace
	// those of get and put.
	cty     atomic.Pointer[types]
	ctt     atomic.Pointer[textTypes]
	differs atomic.Int32 // checkDiffers: 0 not known yet, 1 true, 2 false
}

// Kind returns the lens's kind.
func (l *Lens) Kind() Kind { return l.kind }

// Info returns where the lens was written.
func (l *Lens) Info() source.Info { return l.info }

// WithInfo returns a copy of l that reports info in messages. A recursive
// placeholder is returned unchanged with its info set, since copies of it
// would not be tied to its body.
func (l *Lens) WithInfo(info source.Info) *Lens {
	if l.kind == KindRec {
		l.info = info
		return l
	}
	c := &Lens{kind: l.kind, info: info, re: l.re, cre: l.cre, str: l.str, kids: l.kids, fold: l.fold,
		recursive: l.recursive, hasKey: l.hasKey, hasValue: l.hasValue}
	return c
}

// WithCheckRegexp returns a copy of the del, store or key lens l whose
// type checker reads the language fa where get and put read l's regexp.
// Augeas needs it: its matcher (GNU regex) reads ^ and $ as anchors, its
// type checker (libfa) as ordinary characters, and some of its lenses
// are unambiguous only in the checker's reading. Other lenses are
// returned unchanged.
func (l *Lens) WithCheckRegexp(fa *regular.FA) *Lens {
	if l.re == nil || fa == nil || l.kind == KindRec {
		return l
	}
	c := l.WithInfo(l.info)
	c.cre = fa
	return c
}

// checkRegexp is the language the type checker reads for a del, store or
// key lens.
func (l *Lens) checkRegexp() *regular.FA {
	if l.cre != nil {
		return l.cre
	}
	return l.re
}

// checkDiffers reports whether the type checker reads some regexp of l
// or of a lens inside it differently from get and put (see
// WithCheckRegexp), so that l's checker languages are its own.
func (l *Lens) checkDiffers() bool {
	switch l.differs.Load() {
	case 1:
		return true
	case 2:
		return false
	}
	if l.recursive {
		// a cycle: search it whole, and remember the answer only for l
		// once every recursive lens in it is defined
		complete := true
		d := differsIn(l, map[*Lens]bool{}, &complete)
		if complete {
			l.storeDiffers(d)
		}
		return d
	}
	d := l.cre != nil
	for _, k := range l.kids {
		d = k.checkDiffers() || d
	}
	l.storeDiffers(d)
	return d
}

func (l *Lens) storeDiffers(d bool) {
	if d {
		l.differs.Store(1)
	} else {
		l.differs.Store(2)
	}
}

// differsIn is checkDiffers for a recursive lens: any lens reachable
// from l, cycles included; complete is cleared on an undefined
// recursive lens.
func differsIn(l *Lens, seen map[*Lens]bool, complete *bool) bool {
	if seen[l] {
		return false
	}
	seen[l] = true
	if !l.recursive {
		return l.checkDiffers()
	}
	if l.kind == KindRec && len(l.kids) == 0 {
		*complete = false
	}
	d := false
	for _, k := range l.kids {
		d = differsIn(k, seen, complete) || d
	}
	return d
}

// Children returns the operands of a combinator (nil for a primitive; the
// body for a defined recursive lens).
func (l *Lens) Children() []*Lens { return l.kids }

// Regexp returns the regular expression of a del, store or key lens.
func (l *Lens) Regexp() *regular.FA { return l.re }

// String returns the argument of a del (its default), label, value, seq
// or counter lens.
func (l *Lens) String() string { return l.str }

// SetsKey reports whether the lens sets the label of an enclosing node
// (a key, label or seq outside any subtree).
func (l *Lens) SetsKey() bool { return l.hasKey }

// SetsValue reports whether the lens sets the value of an enclosing node
// (a store or value outside any subtree).
func (l *Lens) SetsValue() bool { return l.hasValue }

// Recursive reports whether l is or contains a recursive lens.
func (l *Lens) Recursive() bool { return l.recursive }

// Describe returns a short description of the lens for messages, such as
// del /[ \t]*=/ " = ".
func (l *Lens) Describe() string {
	switch l.kind {
	case KindDel:
		return fmt.Sprintf("del %s %q", l.re.Regexp().Quote(), l.str)
	case KindStore, KindKey:
		return l.kind.String() + " " + l.re.Regexp().Quote()
	case KindLabel, KindValue, KindSeq, KindCounter:
		return fmt.Sprintf("%s %q", l.kind, l.str)
	}
	return l.kind.String()
}

func newPrim(kind Kind, re *regular.FA, s string) *Lens {
	l := &Lens{kind: kind, re: re, str: s}
	l.hasKey = kind == KindKey || kind == KindLabel || kind == KindSeq
	l.hasValue = kind == KindStore || kind == KindValue
	return l
}

// Del matches text in re and leaves nothing in the tree; when a tree is
// turned into new text, it writes def.
func Del(re *regular.FA, def string) *Lens { return newPrim(KindDel, re, def) }

// Store matches text in re and makes it the value of the enclosing node.
func Store(re *regular.FA) *Lens { return newPrim(KindStore, re, "") }

// Key matches text in re and makes it the label of the enclosing node.
func Key(re *regular.FA) *Lens { return newPrim(KindKey, re, "") }

// Label matches no text and labels the enclosing node s.
func Label(s string) *Lens { return newPrim(KindLabel, nil, s) }

// Value matches no text and sets the value of the enclosing node to s.
func Value(s string) *Lens { return newPrim(KindValue, nil, s) }

// Seq matches no text and labels the enclosing node with the next number
// of the sequence called name (1, 2, ... within one get).
func Seq(name string) *Lens { return newPrim(KindSeq, nil, name) }

// Counter matches no text and restarts the sequence called name at 1.
func Counter(name string) *Lens { return newPrim(KindCounter, nil, name) }

// Error is an error in building or checking a lens: the lens, a one-line
// message, and details (examples, regexps) on further lines.
type Error struct {
	Lens    source.Info
	Msg     string
	Details []string
}

func (e *Error) Error() string {
	s := e.Lens.String() + ": " + e.Msg
	if len(e.Details) > 0 {
		s += ": " + strings.Join(e.Details, "; ")
	}
	return s
}

// Concat matches the lenses' texts one after the other. Nested
// concatenations are flattened. It fails if two of the operands set the
// label, or two set the value, of the same node.
func Concat(ls ...*Lens) (*Lens, error) {
	if len(ls) == 0 {
		return nil, &Error{Msg: "empty concatenation"}
	}
	if len(ls) == 1 {
		return ls[0], nil
	}
	l := &Lens{kind: KindConcat}
	for _, k := range ls {
		if k.kind == KindConcat {
			l.kids = append(l.kids, k.kids...)
		} else {
			l.kids = append(l.kids, k)
		}
		if k.hasKey && l.hasKey {
			return nil, &Error{Lens: k.info, Msg: "multiple keys/labels in concat"}
		}
		if k.hasValue && l.hasValue {
			return nil, &Error{Lens: k.info, Msg: "multiple stores in concat"}
		}
		l.hasKey = l.hasKey || k.hasKey
		l.hasValue = l.hasValue || k.hasValue
		l.recursive = l.recursive || k.recursive
	}
	return l, nil
}

// Union matches the text of one of the lenses; in get, the first that
// matches wins. Nested unions are flattened.
func Union(ls ...*Lens) (*Lens, error) {
	if len(ls) == 0 {
		return nil, &Error{Msg: "empty union"}
	}
	if len(ls) == 1 {
		return ls[0], nil
	}
	l := &Lens{kind: KindUnion}
	for _, k := range ls {
		if k.kind == KindUnion {
			l.kids = append(l.kids, k.kids...)
		} else {
			l.kids = append(l.kids, k)
		}
		l.hasKey = l.hasKey || k.hasKey
		l.hasValue = l.hasValue || k.hasValue
		l.recursive = l.recursive || k.recursive
	}
	return l, nil
}

// Subtree makes one tree node from what l matches: the label and value l
// sets, and the nodes l produces as its children.
func Subtree(l *Lens) *Lens {
	return &Lens{kind: KindSubtree, kids: []*Lens{l}, recursive: l.recursive}
}

func iterCheck(l *Lens) error {
	if l.hasKey {
		return &Error{Lens: l.info, Msg: "multiple keys/labels in iteration"}
	}
	if l.hasValue {
		return &Error{Lens: l.info, Msg: "multiple stores in iteration"}
	}
	return nil
}

// Star matches l any number of times, including none.
func Star(l *Lens) (*Lens, error) {
	if err := iterCheck(l); err != nil {
		return nil, err
	}
	return &Lens{kind: KindStar, kids: []*Lens{l}, recursive: l.recursive}, nil
}

// Plus matches l at least once; it is l . l*.
func Plus(l *Lens) (*Lens, error) {
	s, err := Star(l)
	if err != nil {
		return nil, err
	}
	return Concat(l, s)
}

// Maybe matches l or nothing.
func Maybe(l *Lens) *Lens {
	return &Lens{kind: KindMaybe, kids: []*Lens{l}, recursive: l.recursive,
		hasKey: l.hasKey, hasValue: l.hasValue}
}

// Square matches left . body . right where the texts matched by left and
// right are the same (ignoring case if fold is set), as in XML's
// <a>...</a>. left must be a key or a del lens and right a del lens,
// accepting the same language; when left is a key, right writes the
// node's label in put.
func Square(left, body, right *Lens, fold bool) (*Lens, error) {
	if (left.kind != KindKey && left.kind != KindDel) || right.kind != KindDel {
		return nil, &Error{Lens: left.info, Msg: "supported types: (key lns del) or (del lns del)"}
	}
	if !left.re.Equal(right.re) {
		return nil, &Error{Lens: right.info, Msg: "square: left and right lenses must accept the same language",
			Details: []string{"left " + left.re.Regexp().Quote(), "right " + right.re.Regexp().Quote()}}
	}
	if left.kind == KindDel && left.str != right.str {
		return nil, &Error{Lens: right.info, Msg: "square: left and right del lenses must have the same default",
			Details: []string{fmt.Sprintf("left %q", left.str), fmt.Sprintf("right %q", right.str)}}
	}
	c, err := Concat(left, body, right)
	if err != nil {
		return nil, err
	}
	return &Lens{kind: KindSquare, kids: []*Lens{left, body, right}, fold: fold,
		recursive: body.recursive, hasKey: c.hasKey, hasValue: c.hasValue}, nil
}

// Rec returns a placeholder for a recursive lens: build the body with the
// placeholder where the lens refers to itself, then call Define.
func Rec() *Lens { return &Lens{kind: KindRec, recursive: true} }

// Define ties a recursive placeholder to its body. The body must consume
// text before each reference to the placeholder (left recursion is
// reported at get time).
func (l *Lens) Define(body *Lens) error {
	if l.kind != KindRec {
		return &Error{Lens: l.info, Msg: "define: not a recursive placeholder"}
	}
	if len(l.kids) != 0 {
		return &Error{Lens: l.info, Msg: "define: recursive lens already defined"}
	}
	if body == l {
		return &Error{Lens: l.info, Msg: "recursive lens defined as itself"}
	}
	l.kids = []*Lens{body}
	l.hasKey, l.hasValue = body.hasKey, body.hasValue
	return nil
}

func (l *Lens) body() *Lens {
	if len(l.kids) == 0 {
		return nil
	}
	return l.kids[0]
}
