package lens

import (
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/internal/workers"
	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/regular"
)

// Check type-checks l and every lens inside it, innermost first, and
// returns the first failure as an *Error:
//
//   - a del's default must be in its regexp;
//   - concatenations must split text, and sibling lists, in one way only
//     (ambiguous concatenation / ambiguous tree concatenation);
//   - iterations likewise (ambiguous iteration / ambiguous tree
//     iteration);
//   - the branches of a union must not share a text (overlapping lenses
//     in union.get) or a tree (overlapping lenses in tree union.put);
//   - an optional lens must not match the empty word, nor the empty tree
//     unless it writes a value;
//   - in a recursive lens, a union may have at most one branch that
//     matches the empty word.
//
// Parts of a recursive lens are checked on their regular trees; the
// texts of recursive parts are not regular and are left to the parser.
// Checking is optional: lenses work unchecked, but then get may choose
// among several readings.
func Check(l *Lens) error {
	c := checker{seen: map[*Lens]bool{}}
	return c.check(l)
}

type checker struct {
	seen map[*Lens]bool
}

// check checks l and the lenses inside it not seen before. The lenses
// are listed innermost first, checked in parallel (each check builds its
// own automata; the shared ones are built once, safely), and the first
// failure in that order is returned, so the result does not depend on
// scheduling.
func (c *checker) check(l *Lens) error {
	var order []*Lens
	var collect func(*Lens)
	collect = func(x *Lens) {
		if c.seen[x] {
			return
		}
		c.seen[x] = true
		for _, k := range x.kids {
			collect(k)
		}
		order = append(order, x)
	}
	collect(l)
	// types are computed under one lock; compute them up front so the
	// workers only wait on automata
	for _, x := range order {
		x.checkedTypes()
		x.text(true)
	}
	// one worker more per four lenses: fewer than four are checked on
	// this goroutine alone
	i, err := workers.EachUntil(len(order), len(order)/4+1, func(i int) error {
		return c.checkOne(order[i])
	})
	if err != nil {
		// the failed lens and those after it count as unchecked
		for _, x := range order[i:] {
			delete(c.seen, x)
		}
		return err
	}
	return nil
}

// checkOne checks one lens, its operands being checked separately.
func (c *checker) checkOne(l *Lens) error {
	if l.recursive && l.kind != KindRec {
		// As in Augeas, combinators with a recursive operand are not
		// checked for ambiguity or overlap: their texts are not regular
		// and their trees only approximated. The recursive lens itself is
		// checked for nullable union branches (rec below).
		return nil
	}
	switch l.kind {
	case KindDel:
		if !l.re.Match(l.str) {
			return &Error{Lens: l.info, Msg: fmt.Sprintf("del: the default value %q does not match %s", l.str, l.re.Regexp().Quote())}
		}
	case KindConcat, KindSquare:
		return c.concat(l)
	case KindUnion:
		return c.union(l)
	case KindStar:
		k := l.kids[0]
		kt := k.checkedTypes()
		if ct := k.checkedCtype(); ct != nil {
			if amb, ok := regular.AmbigStar(ct); ok {
				return ambigError(l, "ambiguous iteration", ct, amb, false)
			}
		}
		if amb, ok := regular.AmbigStar(kt.atype); ok {
			return ambigError(l, "ambiguous tree iteration", kt.atype, amb, true)
		}
	case KindMaybe:
		kt := l.kids[0].checkedTypes()
		if ct := l.kids[0].checkedCtype(); ct != nil && ct.AcceptsEmpty() {
			return &Error{Lens: l.info, Msg: fmt.Sprintf("illegal optional expression: %s matches the empty word", quoteFA(ct))}
		}
		if !l.kids[0].hasValue && kt.atype.AcceptsEmpty() {
			return &Error{Lens: l.info, Msg: "optional expression matches the empty tree but does not consume a value"}
		}
	case KindRec:
		return c.rec(l)
	}
	return nil
}

func (c *checker) concat(l *Lens) error {
	kids := l.kids
	// When the whole chain is unambiguous every split is, and the splits
	// need not be checked one by one (that is quadratic in the number of
	// operands); otherwise the loops below find the first split that is
	// ambiguous and its witness, exactly as they always did. The prefix
	// languages grow by one operand at a time, each built from the
	// minimal automaton of the one before (determinised anyway by the
	// ambiguity check), not from the operands' raw automata.
	var first *regular.FA
	n := len(kids)
	if chainUnambiguous(kids, (*Lens).checkedCtype) {
		n = 0
	}
	for t := 1; t < n; t++ {
		if t == 1 {
			first = kids[0].checkedCtype()
		} else if first != nil && kids[t-1].checkedCtype() != nil {
			first = regular.Concat(first.MinimizeBounded(), kids[t-1].checkedCtype().MinimizeBounded())
		} else {
			first = nil
		}
		second := kids[t].checkedCtype()
		if first != nil && second != nil {
			if amb, ok := regular.AmbigConcat(first, second); ok {
				return ambig2Error(l, "ambiguous concatenation", kids[:t], kids[t], first, second, amb, false)
			}
		}
	}
	n = len(kids)
	if chainUnambiguous(kids, func(k *Lens) *regular.FA { return k.checkedTypes().atype }) {
		n = 0
	}
	for t := 1; t < n; t++ {
		if t == 1 {
			first = kids[0].checkedTypes().atype
		} else {
			first = regular.Concat(first.MinimizeBounded(), kids[t-1].checkedTypes().atype.MinimizeBounded())
		}
		second := kids[t].checkedTypes().atype
		if amb, ok := regular.AmbigConcat(first, second); ok {
			return ambig2Error(l, "ambiguous tree concatenation", kids[:t], kids[t], first, second, amb, true)
		}
	}
	return nil
}

// chainUnambiguous reports whether the concatenation of one language of
// each operand is unambiguous as a whole; false when an operand has no
// such language.
func chainUnambiguous(kids []*Lens, lang func(*Lens) *regular.FA) bool {
	fas := make([]*regular.FA, len(kids))
	for i, k := range kids {
		if fas[i] = lang(k); fas[i] == nil {
			return false
		}
	}
	return regular.ChainUnambiguous(fas)
}

func (c *checker) union(l *Lens) error {
	kids := l.kids
	// A branch overlaps the union of the earlier ones iff it overlaps one
	// of them; pairs whose first bytes differ (and that do not both take
	// the empty word) are disjoint without building automata.
	for _, text := range []bool{true, false} {
		for t := 1; t < len(kids); t++ {
			cur := langOf(kids[t], text)
			if cur == nil {
				continue
			}
			for _, k := range kids[:t] {
				prev := langOf(k, text)
				if prev == nil || quickDisjoint(prev, cur) {
					continue
				}
				ex, disjoint := regular.Disjoint(prev, cur)
				if disjoint {
					continue
				}
				if text {
					return &Error{Lens: l.info, Msg: "overlapping lenses in union.get",
						Details: []string{"example matched by both: " + quoteText(ex), "first lens: " + spanInfo(kids[:t]).String(), "second lens: " + kids[t].info.String()}}
				}
				return &Error{Lens: l.info, Msg: "overlapping lenses in tree union.put",
					Details: []string{"example matched by both: " + formatEnc(ex), "first lens: " + spanInfo(kids[:t]).String(), "second lens: " + kids[t].info.String()}}
			}
		}
	}
	return nil
}

// langOf is a lens's ctype (text) or atype.
func langOf(l *Lens, text bool) *regular.FA {
	if text {
		return l.checkedCtype()
	}
	return l.checkedTypes().atype
}

// quickDisjoint reports languages that are certainly disjoint: they do not
// both hold the empty word and no byte can start a word of both.
func quickDisjoint(a, b *regular.FA) bool {
	if a.AcceptsEmpty() && b.AcceptsEmpty() {
		return false
	}
	f := a.FirstBytes().Intersect(b.FirstBytes())
	return f == regular.ByteSet{}
}

// rec checks that no union inside the recursive lens has two branches
// that read the empty word (which would make the parse ambiguous).
func (c *checker) rec(l *Lens) error {
	nullable := map[*Lens]bool{}
	var visit func(*Lens, map[*Lens]bool) error
	visit = func(x *Lens, seen map[*Lens]bool) error {
		if seen[x] || !x.recursive {
			return nil
		}
		seen[x] = true
		if x.kind == KindUnion {
			n := 0
			for _, k := range x.kids {
				if isNullable(k, nullable, map[*Lens]bool{}) {
					n++
				}
			}
			if n > 1 {
				return &Error{Lens: x.info, Msg: "more than one nullable branch in a union"}
			}
		}
		for _, k := range x.kids {
			if err := visit(k, seen); err != nil {
				return err
			}
		}
		return nil
	}
	return visit(l, map[*Lens]bool{})
}

func isNullable(l *Lens, memo, busy map[*Lens]bool) bool {
	if !l.recursive {
		return l.checkedCtype().AcceptsEmpty()
	}
	if v, ok := memo[l]; ok {
		return v
	}
	if busy[l] {
		return false
	}
	busy[l] = true
	defer delete(busy, l)
	v := false
	switch l.kind {
	case KindRec, KindSubtree:
		v = len(l.kids) > 0 && isNullable(l.kids[0], memo, busy)
	case KindConcat, KindSquare:
		v = true
		for _, k := range l.kids {
			v = v && isNullable(k, memo, busy)
		}
	case KindUnion:
		for _, k := range l.kids {
			v = v || isNullable(k, memo, busy)
		}
	case KindStar, KindMaybe:
		v = true
	}
	memo[l] = v
	return v
}

func spanInfo(ls []*Lens) source.Info {
	if len(ls) == 0 {
		return source.Info{}
	}
	first, last := ls[0].info, ls[len(ls)-1].info
	if !first.Start.IsValid() {
		return first
	}
	return source.Info{Start: first.Start, End: last.End}
}

func ambigError(l *Lens, msg string, re *regular.FA, amb regular.Ambiguity, tree bool) error {
	return &Error{Lens: l.info, Msg: msg, Details: []string{
		"regexp: " + quoteFA(re),
		splitDetail(amb, tree),
	}}
}

func ambig2Error(l *Lens, msg string, firstLens []*Lens, second *Lens, first, secondFA *regular.FA, amb regular.Ambiguity, tree bool) error {
	return &Error{Lens: l.info, Msg: msg, Details: []string{
		"first regexp: " + quoteFA(first),
		"second regexp: " + quoteFA(secondFA),
		splitDetail(amb, tree),
		"first lens: " + spanInfo(firstLens).String(),
		"second lens: " + second.info.String(),
	}}
}

func splitDetail(amb regular.Ambiguity, tree bool) string {
	w := amb.Word
	if tree {
		return fmt.Sprintf("%s can be split into %s|=|%s and %s|=|%s", formatEnc(w),
			formatEnc(w[:amb.Cut1]), formatEnc(w[amb.Cut1:]), formatEnc(w[:amb.Cut2]), formatEnc(w[amb.Cut2:]))
	}
	return fmt.Sprintf("%s can be split into %s and %s", quoteText(w),
		quoteText(w[:amb.Cut1]+"|=|"+w[amb.Cut1:]), quoteText(w[:amb.Cut2]+"|=|"+w[amb.Cut2:]))
}

// quoteText puts a text example in single quotes with C escapes, as
// Augeas prints examples.
func quoteText(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\\':
			b.WriteString(`\\`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\%03o`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// formatEnc shows an encoded sibling list as trees: { "label" = "value" }.
func formatEnc(s string) string {
	if s == "" {
		return "()"
	}
	var parts []string
	for s != "" {
		end := strings.IndexByte(s, encEnd[0])
		if end < 0 {
			end = len(s) - 1
		}
		node := s[:end]
		s = s[end+1:]
		lab, val, hasVal := strings.Cut(node, encSep)
		p := "{"
		if lab != "" {
			p += fmt.Sprintf(" %q", lab)
		}
		if hasVal && val != "" {
			p += fmt.Sprintf(" = %q", val)
		}
		parts = append(parts, p+" }")
	}
	return strings.Join(parts, " ")
}

// Checker type-checks many lenses that share parts, checking each lens
// once: a module system checks every lens it binds, and most of them are
// built from the same library lenses. A Checker is not safe for
// concurrent use.
type Checker struct {
	c checker
}

// NewChecker returns a Checker that has checked nothing yet.
func NewChecker() *Checker { return &Checker{c: checker{seen: map[*Lens]bool{}}} }

// Check is like the package's Check, but skips lenses this Checker has
// already checked. A lens that failed is checked again on the next call.
func (c *Checker) Check(l *Lens) error {
	return c.c.check(l)
}
