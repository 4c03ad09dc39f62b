package lens

import (
	"sync"
	"sync/atomic"

	"github.com/lensnet/lensnet/regular"
)

// types are the tree languages of a lens (see the package doc): atype,
// the encoded sibling lists it makes; ktype and vtype, the labels and
// values it sets on the enclosing node (nil when it sets none). Put and
// the type checker use them; get needs only the text languages
// (textTypes), which are computed apart, so that the first get through
// a lens does not build automata it never uses.
type types struct {
	atype, ktype, vtype *regular.FA

	// concat and square: asuf[i] is the atype of the operands i..
	// (i >= 1), used to split trees; built on first use (see asuf).
	asuf atomic.Pointer[[]*regular.FA]

	// compacted: large automata are kept as their minimal DFA (see
	// compact), as the type checker wants them; put matches with lazy
	// DFAs and takes the automata as the combinators build them.
	compacted bool
}

// textTypes are the text languages of a lens: ctype, the text it reads
// (nil for a recursive lens, whose text is not a regular language), and
// for a concatenation or square csuf[i], the ctype of the operands i..
// (i >= 1), used to split text, built on first use (see csuf): get
// needs them only for the concatenations it splits.
//
// Get matches them with lazily built DFAs, which do not need small
// automata, so for get they are left as the combinators build them. The
// type checker determinises them and checks many lenses in one process:
// it asks for compacted ones (large automata kept as their minimal DFA,
// see compact), which replace the plain ones.
type textTypes struct {
	ctype     *regular.FA
	csuf      atomic.Pointer[[]*regular.FA]
	compacted bool
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
	noSepBytes = regular.AllBytes.Minus(sepBytes)
	sepBytes   = regular.MustCompile("[\x03\x04]").FirstBytes()
)

// types returns the lens's tree languages, computing and caching them
// on first use. Computation runs under one lock, so that recursive
// lenses, whose types are a fixpoint over their body, are computed once.
func (l *Lens) types() *types { return l.treeTypes(false) }

// checkedTypes are types for the type checker: compacted, replacing
// plain ones computed for put (see textTypes), or kept apart where the
// checker reads some regexp differently (see typesSlot).
func (l *Lens) checkedTypes() *types { return l.treeTypes(true) }

func (l *Lens) treeTypes(compacted bool) *types {
	if t := l.typesSlot(compacted).Load(); t != nil && (t.compacted || !compacted) {
		return t
	}
	typeMu.Lock()
	defer typeMu.Unlock()
	c := typeComputer{assume: map[*Lens]*types{}, memo: map[*Lens]*types{}, compacted: compacted,
		noSep: map[*regular.FA]*regular.FA{}}
	t, _ := c.compute(l)
	return t
}

// typesSlot is where the lens keeps its tree languages: those of the
// checker (compacted) apart when it reads some regexp differently
// (checkDiffers).
func (l *Lens) typesSlot(compacted bool) *atomic.Pointer[types] {
	if compacted && l.checkDiffers() {
		return &l.cty
	}
	return &l.ty
}

// textSlot is typesSlot for the text languages.
func (l *Lens) textSlot(compacted bool) *atomic.Pointer[textTypes] {
	if compacted && l.checkDiffers() {
		return &l.ctt
	}
	return &l.tt
}

type typeComputer struct {
	assume    map[*Lens]*types // recursive lenses whose fixpoint is being computed
	memo      map[*Lens]*types // results that depend on an assumption, for this round
	compacted bool             // compute compacted types
	// noSep caches labels and values without the separators of the
	// encoding, by language: the rounds of a fixpoint meet the same
	// key and store regexps again, and each intersection determinises
	noSep map[*regular.FA]*regular.FA
}

// maxRecRounds bounds the fixpoint iteration for the types of a recursive
// lens; when the languages keep growing (recursion at one tree level that
// is not regular), they are over-approximated.
const maxRecRounds = 8

func (c *typeComputer) compute(l *Lens) (*types, bool) {
	slot := l.typesSlot(c.compacted)
	if t := slot.Load(); t != nil && (t.compacted || !c.compacted) {
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
	t := c.combineRaw(l, kt)
	if c.compacted {
		// The automaton of a type holds its operands' (it is built
		// from them when needed), so determinising the types of every
		// level of a deep lens would cost the square of its depth;
		// large ones are kept as their minimal DFA instead (the
		// checker determinises them anyway).
		t.atype = compact(t.atype)
	}
	t.compacted = c.compacted
	if dep {
		c.memo[l] = t
	} else {
		slot.Store(t)
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
	cur.compacted = c.compacted
	if len(c.assume) > 0 {
		c.memo[l] = cur
		return cur, true
	}
	l.typesSlot(c.compacted).Store(cur)
	return cur, false
}

func sameLang(a, b *regular.FA) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a == b || a.Equal(b)
}

// compactStates is the automaton size above which a type is minimised.
const compactStates = 300

func compact(fa *regular.FA) *regular.FA {
	if fa == nil || fa.States() <= compactStates {
		return fa
	}
	m := fa.MinimizeBounded() // a language too large to determinise stays as it is
	if m.States() >= fa.States() {
		return fa
	}
	return m
}

func (c *typeComputer) combineRaw(l *Lens, kt []*types) *types {
	switch l.kind {
	case KindDel:
		return &types{atype: epsilonFA}
	case KindStore:
		return &types{atype: epsilonFA, vtype: c.regexp(l)}
	case KindKey:
		return &types{atype: epsilonFA, ktype: c.regexp(l)}
	case KindLabel:
		return &types{atype: epsilonFA, ktype: regular.LiteralFA(l.str)}
	case KindValue:
		return &types{atype: epsilonFA, vtype: regular.LiteralFA(l.str)}
	case KindSeq:
		return &types{atype: epsilonFA, ktype: seqFA}
	case KindCounter:
		return &types{atype: epsilonFA}
	case KindConcat, KindSquare:
		return &types{
			atype: concatTypes(pick(kt, func(t *types) *regular.FA { return t.atype }), false),
			ktype: concatTypes(pick(kt, func(t *types) *regular.FA { return t.ktype }), false),
			vtype: concatTypes(pick(kt, func(t *types) *regular.FA { return t.vtype }), false),
		}
	case KindUnion:
		return &types{
			atype: unionTypes(pick(kt, func(t *types) *regular.FA { return t.atype }), false),
			ktype: unionTypes(pick(kt, func(t *types) *regular.FA { return t.ktype }), false),
			vtype: unionTypes(pick(kt, func(t *types) *regular.FA { return t.vtype }), false),
		}
	case KindSubtree:
		k := kt[0]
		parts := []*regular.FA{}
		// labels and values never hold the separators of the encoding
		if k.ktype != nil {
			parts = append(parts, c.withoutSeps(k.ktype))
		}
		parts = append(parts, regular.LiteralFA(encSep))
		if k.vtype != nil {
			parts = append(parts, c.withoutSeps(k.vtype))
		}
		parts = append(parts, regular.LiteralFA(encEnd))
		return &types{atype: regular.Concat(parts...)}
	case KindStar:
		return &types{atype: regular.Star(kt[0].atype)}
	case KindMaybe:
		k := kt[0]
		t := &types{atype: regular.Optional(k.atype)}
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

// regexp is the language of a store or key lens: the checker's for
// compacted types.
func (c *typeComputer) regexp(l *Lens) *regular.FA {
	if c.compacted {
		return l.checkRegexp()
	}
	return l.re
}

// withoutSeps returns fa without the words holding a separator of the
// encoding, on fa's own automaton.
func (c *typeComputer) withoutSeps(fa *regular.FA) *regular.FA {
	if r, ok := c.noSep[fa]; ok {
		return r
	}
	r := regular.Restrict(fa, noSepBytes)
	c.noSep[fa] = r
	return r
}

// pick returns one language of each operand (nil where it has none).
func pick(kt []*types, f func(*types) *regular.FA) []*regular.FA {
	fas := make([]*regular.FA, len(kt))
	for i, t := range kt {
		fas[i] = f(t)
	}
	return fas
}

// suffixes returns the concatenations of the operands' languages i..
// at index i >= 1 (index 0 is left nil), nil where an operand has none.
// Each is built from the next one, passed through shrink, so that long
// concatenations do not copy their operands n times when shrink
// compacts.
func suffixes(fas []*regular.FA, shrink func(*regular.FA) *regular.FA) []*regular.FA {
	suf := make([]*regular.FA, len(fas))
	last := len(fas) - 1
	if last < 1 {
		return suf
	}
	suf[last] = fas[last]
	for i := last - 1; i >= 1; i-- {
		if fas[i] != nil && suf[i+1] != nil {
			suf[i] = shrink(regular.Concat(fas[i], suf[i+1]))
		}
	}
	return suf
}

// text returns the lens's text languages, computing and caching them on
// first use; compacted ones if asked for (the type checker's), which then
// replace plain ones computed for get.
func (l *Lens) text(compacted bool) *textTypes {
	if t := l.textSlot(compacted).Load(); t != nil && (t.compacted || !compacted) {
		return t
	}
	typeMu.Lock()
	defer typeMu.Unlock()
	return computeText(l, compacted)
}

// noText are the text languages of a recursive lens: none.
var noText = &textTypes{compacted: true}

func computeText(l *Lens, compacted bool) *textTypes {
	slot := l.textSlot(compacted)
	if t := slot.Load(); t != nil && (t.compacted || !compacted) {
		return t
	}
	if l.recursive {
		// not regular (and not to be walked: the lens is a cycle)
		return noText
	}
	shrink := func(fa *regular.FA) *regular.FA { return fa }
	if compacted {
		shrink = compact
	}
	kids := make([]*regular.FA, len(l.kids))
	for i, k := range l.kids {
		kids[i] = computeText(k, compacted).ctype
	}
	t := &textTypes{compacted: compacted}
	switch l.kind {
	case KindDel, KindStore, KindKey:
		t.ctype = l.re
		if compacted {
			t.ctype = l.checkRegexp()
		}
	case KindLabel, KindValue, KindSeq, KindCounter:
		t.ctype = epsilonFA
	case KindConcat, KindSquare:
		t.ctype = concatTypes(kids, true)
		if l.kind == KindSquare {
			t.ctype = squareCtype(kids, t.ctype)
		}
	case KindUnion:
		t.ctype = unionTypes(kids, true)
	case KindSubtree:
		t.ctype = kids[0]
	case KindStar:
		t.ctype = regular.Star(kids[0])
	case KindMaybe:
		t.ctype = regular.Optional(kids[0])
	default:
		t.ctype = regular.None()
	}
	t.ctype = shrink(t.ctype)
	slot.Store(t)
	return t
}

// ctype is the language of texts the lens reads (nil for a recursive
// lens), for get.
func (l *Lens) ctype() *regular.FA { return l.text(false).ctype }

// csuf is the text language of the operands i.. of a concatenation or
// square (i >= 1), for get; nil when one of them is recursive.
func (l *Lens) csuf(i int) *regular.FA {
	if l.recursive {
		return nil
	}
	t := l.text(false)
	if s := t.csuf.Load(); s != nil {
		return (*s)[i]
	}
	typeMu.Lock()
	defer typeMu.Unlock()
	if s := t.csuf.Load(); s != nil {
		return (*s)[i]
	}
	kids := make([]*regular.FA, len(l.kids))
	for k, kid := range l.kids {
		kids[k] = computeText(kid, t.compacted).ctype
	}
	shrink := func(fa *regular.FA) *regular.FA { return fa }
	if t.compacted {
		// a type-checked process keeps its automata small
		shrink = compact
	}
	suf := suffixes(kids, shrink)
	t.csuf.Store(&suf)
	return suf[i]
}

// asuf is the tree language of the operands i.. of a concatenation or
// square (i >= 1), for put. It is built on first use, from the operands'
// final types: not in every round of a recursive lens's fixpoint, and
// not for the concatenations put never splits.
func (l *Lens) asuf(i int) *regular.FA {
	t := l.types()
	if s := t.asuf.Load(); s != nil {
		return (*s)[i]
	}
	kids := make([]*regular.FA, len(l.kids))
	for k, kid := range l.kids {
		kids[k] = kid.types().atype // outside the lock, which types takes
	}
	typeMu.Lock()
	defer typeMu.Unlock()
	if s := t.asuf.Load(); s != nil {
		return (*s)[i]
	}
	shrink := func(fa *regular.FA) *regular.FA { return fa }
	if t.compacted {
		shrink = compact
	}
	suf := suffixes(kids, shrink)
	t.asuf.Store(&suf)
	return suf[i]
}

// checkedCtype is ctype for the type checker: large automata compacted.
func (l *Lens) checkedCtype() *regular.FA { return l.text(true).ctype }

// squareCtype makes a square's text type precise, as Augeas does, when
// the left lens reads at most ten words: the union over those words w of
// w . body . w (the right part repeats the left). Otherwise the plain
// concatenation stands.
func squareCtype(kids []*regular.FA, plain *regular.FA) *regular.FA {
	if plain == nil || kids[0] == nil || kids[1] == nil {
		return plain
	}
	words, ok := kids[0].Words(10)
	if !ok || len(words) == 0 {
		return plain
	}
	alts := make([]*regular.FA, len(words))
	for i, w := range words {
		lit := regular.LiteralFA(w)
		alts[i] = regular.Concat(lit, kids[1], lit)
	}
	return regular.Union(alts...)
}

// concatTypes concatenates one language of each operand (nil where an
// operand has none). Absent languages are skipped, unless strict (ctype:
// one recursive operand makes the whole text non-regular), where any
// absent operand makes the result absent. With no language at all the
// result is absent (ε when strict).
func concatTypes(kids []*regular.FA, strict bool) *regular.FA {
	fas, ok := present(kids, strict)
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
func unionTypes(kids []*regular.FA, strict bool) *regular.FA {
	fas, ok := present(kids, strict)
	if !ok {
		return nil
	}
	return combineFAs(fas, regular.Union)
}

// present returns the operands' languages that are there; not ok when
// strict and some operand has none.
func present(kids []*regular.FA, strict bool) ([]*regular.FA, bool) {
	fas := make([]*regular.FA, 0, len(kids))
	for _, fa := range kids {
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
func (l *Lens) CType() *regular.FA { return l.ctype() }

// AType returns the language of encoded sibling lists the lens makes:
// each node as label \003 value \004.
func (l *Lens) AType() *regular.FA { return l.types().atype }

// KType returns the language of labels the lens sets on the enclosing
// node, or nil if it sets none.
func (l *Lens) KType() *regular.FA { return l.types().ktype }

// VType returns the language of values the lens sets on the enclosing
// node, or nil if it sets none.
func (l *Lens) VType() *regular.FA { return l.types().vtype }
