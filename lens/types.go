package lens

import (
	"sync"

	"github.com/lensnet/lensnet/lens/regular"
)

// types are the four regular languages of a lens (see the package doc):
// ctype, the text it reads (nil for a recursive lens, whose text is not a
// regular language); atype, the encoded sibling lists it makes; ktype and
// vtype, the labels and values it sets on the enclosing node (nil when it
// sets none).
type types struct {
	ctype, atype, ktype, vtype *regular.FA

	// concat and square: csuf[i] and asuf[i] are the ctype and atype of
	// the operands i.. (i >= 1), used to split text and trees.
	csuf, asuf []*regular.FA
}

// Node encoding for atypes: label \003 value \004, an absent label or
// value encoded as nothing.
const (
	encSep = "\x03"
	encEnd = "\x04"
)

var (
	typeMu     sync.Mutex
	epsilonFA  = regular.Epsilon()
	seqFA      = regular.MustCompile("[0-9]+")
	anyTreesFA = regular.MustCompile("([^\x03\x04]*\x03[^\x03\x04]*\x04)*")
	anyLabelFA = regular.MustCompile("[^\x03\x04]*")
	noSepFA    = anyLabelFA
)

// types returns the lens's languages, computing and caching them on
// first use. Computation runs under one lock, so that recursive lenses,
// whose types are a fixpoint over their body, are computed once.
func (l *Lens) types() *types {
	if t := l.ty.Load(); t != nil {
		return t
	}
	typeMu.Lock()
	defer typeMu.Unlock()
	c := typeComputer{assume: map[*Lens]*types{}, memo: map[*Lens]*types{}}
	t, _ := c.compute(l)
	return t
}

type typeComputer struct {
	assume map[*Lens]*types // recursive lenses whose fixpoint is being computed
	memo   map[*Lens]*types // results that depend on an assumption, for this round
}

// maxRecRounds bounds the fixpoint iteration for the types of a recursive
// lens; when the languages keep growing (recursion at one tree level that
// is not regular), they are over-approximated.
const maxRecRounds = 8

func (c *typeComputer) compute(l *Lens) (*types, bool) {
	if t := l.ty.Load(); t != nil {
		return t, false
	}
	if t, ok := c.assume[l]; ok {
		return t, true
	}
	if t, ok := c.memo[l]; ok {
		return t, true
	}
	if l.kind == KindRec {
		return c.rec(l)
	}
	kt := make([]*types, len(l.kids))
	dep := false
	for i, k := range l.kids {
		var d bool
		kt[i], d = c.compute(k)
		dep = dep || d
	}
	t := combine(l, kt)
	if dep {
		c.memo[l] = t
	} else {
		l.ty.Store(t)
	}
	return t, dep
}

func (c *typeComputer) rec(l *Lens) (*types, bool) {
	body := l.body()
	if body == nil {
		return &types{atype: regular.None()}, true // not defined yet: nothing to cache
	}
	cur := &types{atype: regular.None()}
	for round := 0; ; round++ {
		c.assume[l] = cur
		c.memo = map[*Lens]*types{}
		bt, _ := c.compute(body)
		next := &types{atype: bt.atype, ktype: bt.ktype, vtype: bt.vtype}
		if sameLang(cur.atype, next.atype) && sameLang(cur.ktype, next.ktype) && sameLang(cur.vtype, next.vtype) {
			cur = next
			break
		}
		if round == maxRecRounds {
			cur = &types{atype: anyTreesFA}
			if next.ktype != nil {
				cur.ktype = anyLabelFA
			}
			if next.vtype != nil {
				cur.vtype = anyLabelFA
			}
			break
		}
		cur = next
	}
	delete(c.assume, l)
	c.memo = map[*Lens]*types{}
	if len(c.assume) > 0 {
		c.memo[l] = cur
		return cur, true
	}
	l.ty.Store(cur)
	return cur, false
}

func sameLang(a, b *regular.FA) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a == b || a.Equal(b)
}

func combine(l *Lens, kt []*types) *types {
	t := combineRaw(l, kt)
	// Combinators copy their operands' automata, so types of deep lenses
	// would grow with the square of the depth; large ones are kept as
	// their minimal DFA instead (the checker determinises them anyway).
	t.ctype, t.atype = compact(t.ctype), compact(t.atype)
	return t
}

// compactStates is the automaton size above which a type is minimised.
const compactStates = 300

func compact(fa *regular.FA) *regular.FA {
	if fa == nil || fa.States() <= compactStates {
		return fa
	}
	m := fa.Minimize()
	if m.States() >= fa.States() {
		return fa
	}
	return m
}

func combineRaw(l *Lens, kt []*types) *types {
	switch l.kind {
	case KindDel:
		return &types{ctype: l.re, atype: epsilonFA}
	case KindStore:
		return &types{ctype: l.re, atype: epsilonFA, vtype: l.re}
	case KindKey:
		return &types{ctype: l.re, atype: epsilonFA, ktype: l.re}
	case KindLabel:
		return &types{ctype: epsilonFA, atype: epsilonFA, ktype: regular.LiteralFA(l.str)}
	case KindValue:
		return &types{ctype: epsilonFA, atype: epsilonFA, vtype: regular.LiteralFA(l.str)}
	case KindSeq:
		return &types{ctype: epsilonFA, atype: epsilonFA, ktype: seqFA}
	case KindCounter:
		return &types{ctype: epsilonFA, atype: epsilonFA}
	case KindConcat, KindSquare:
		t := &types{
			ctype: concatTypes(kt, func(t *types) *regular.FA { return t.ctype }, true),
			atype: concatTypes(kt, func(t *types) *regular.FA { return t.atype }, false),
			ktype: concatTypes(kt, func(t *types) *regular.FA { return t.ktype }, false),
			vtype: concatTypes(kt, func(t *types) *regular.FA { return t.vtype }, false),
		}
		t.csuf = make([]*regular.FA, len(kt))
		t.asuf = make([]*regular.FA, len(kt))
		// suffixes from the right, each from the next one (compacted), so
		// that long concatenations do not copy their operands n times
		last := len(kt) - 1
		if last >= 1 {
			t.asuf[last] = kt[last].atype
			t.csuf[last] = kt[last].ctype
		}
		for i := last - 1; i >= 1; i-- {
			t.asuf[i] = compact(regular.Concat(kt[i].atype, t.asuf[i+1]))
			if kt[i].ctype != nil && t.csuf[i+1] != nil {
				t.csuf[i] = compact(regular.Concat(kt[i].ctype, t.csuf[i+1]))
			}
		}
		if l.kind == KindSquare {
			t.ctype = squareCtype(kt, t.ctype)
		}
		return t
	case KindUnion:
		return &types{
			ctype: unionTypes(kt, func(t *types) *regular.FA { return t.ctype }, true),
			atype: unionTypes(kt, func(t *types) *regular.FA { return t.atype }, false),
			ktype: unionTypes(kt, func(t *types) *regular.FA { return t.ktype }, false),
			vtype: unionTypes(kt, func(t *types) *regular.FA { return t.vtype }, false),
		}
	case KindSubtree:
		k := kt[0]
		parts := []*regular.FA{}
		// labels and values never hold the separators of the encoding
		if k.ktype != nil {
			parts = append(parts, regular.Intersect(k.ktype, noSepFA))
		}
		parts = append(parts, regular.LiteralFA(encSep))
		if k.vtype != nil {
			parts = append(parts, regular.Intersect(k.vtype, noSepFA))
		}
		parts = append(parts, regular.LiteralFA(encEnd))
		return &types{ctype: k.ctype, atype: regular.Concat(parts...)}
	case KindStar:
		k := kt[0]
		t := &types{atype: regular.Star(k.atype)}
		if k.ctype != nil {
			t.ctype = regular.Star(k.ctype)
		}
		return t
	case KindMaybe:
		k := kt[0]
		t := &types{atype: regular.Optional(k.atype)}
		if k.ctype != nil {
			t.ctype = regular.Optional(k.ctype)
		}
		if k.ktype != nil {
			t.ktype = regular.Optional(k.ktype)
		}
		if k.vtype != nil {
			t.vtype = regular.Optional(k.vtype)
		}
		return t
	}
	return &types{atype: regular.None()}
}

// squareCtype makes a square's text type precise, as Augeas does, when
// the left lens reads at most ten words: the union over those words w of
// w . body . w (the right part repeats the left). Otherwise the plain
// concatenation stands.
func squareCtype(kt []*types, plain *regular.FA) *regular.FA {
	if plain == nil || kt[0].ctype == nil || kt[1].ctype == nil {
		return plain
	}
	words, ok := kt[0].ctype.Words(10)
	if !ok || len(words) == 0 {
		return plain
	}
	alts := make([]*regular.FA, len(words))
	for i, w := range words {
		lit := regular.LiteralFA(w)
		alts[i] = regular.Concat(lit, kt[1].ctype, lit)
	}
	return regular.Union(alts...)
}

// concatTypes concatenates one language of each operand. Absent
// languages are skipped, unless strict (ctype: one recursive operand
// makes the whole text non-regular), where any absent operand makes the
// result absent. With no language at all the result is absent (ε when
// strict).
func concatTypes(kt []*types, f func(*types) *regular.FA, strict bool) *regular.FA {
	fas, ok := present(kt, f, strict)
	switch {
	case !ok:
		return nil
	case len(fas) == 0 && strict:
		return epsilonFA
	}
	return combineFAs(fas, regular.Concat)
}

// unionTypes is the union of one language of each operand, with absent
// languages treated as in concatTypes.
func unionTypes(kt []*types, f func(*types) *regular.FA, strict bool) *regular.FA {
	fas, ok := present(kt, f, strict)
	if !ok {
		return nil
	}
	return combineFAs(fas, regular.Union)
}

// present returns the languages f picks from the operands that have one;
// not ok when strict and some operand has none.
func present(kt []*types, f func(*types) *regular.FA, strict bool) ([]*regular.FA, bool) {
	fas := make([]*regular.FA, 0, len(kt))
	for _, t := range kt {
		fa := f(t)
		if fa == nil {
			if strict {
				return nil, false
			}
			continue
		}
		fas = append(fas, fa)
	}
	return fas, true
}

func combineFAs(fas []*regular.FA, op func(...*regular.FA) *regular.FA) *regular.FA {
	switch len(fas) {
	case 0:
		return nil
	case 1:
		return fas[0]
	}
	return op(fas...)
}

// CType returns the language of texts the lens reads, or nil for a
// recursive lens (its text is not a regular language).
func (l *Lens) CType() *regular.FA { return l.types().ctype }

// AType returns the language of encoded sibling lists the lens makes:
// each node as label \003 value \004.
func (l *Lens) AType() *regular.FA { return l.types().atype }

// KType returns the language of labels the lens sets on the enclosing
// node, or nil if it sets none.
func (l *Lens) KType() *regular.FA { return l.types().ktype }

// VType returns the language of values the lens sets on the enclosing
// node, or nil if it sets none.
func (l *Lens) VType() *regular.FA { return l.types().vtype }
