package lens

import (
	"container/heap"
	"slices"

	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/regular"
)

// Where a text that does not fit its lens is reported to fail. The
// getter finds the failure wherever its own reading stops; the position
// reported is then worked out again over the whole text the way Augeas
// 1.14 works it out, so that augtool's /augeas/files/.../error/pos,
// line and char come out the same for the same lens (measured against
// augtool and augparse on the shipped lenses' files and small modules;
// the facts below are Augeas's behaviour, not its code):
//
//   - A recursive lens is parsed over tokens: each largest non-recursive
//     part is one token, and only its longest match is read (a part that
//     matches the empty word may also be skipped). The failure is at the
//     end of the furthest token any parse reached, that is where the
//     construct that cannot be completed stops being readable token by
//     token (an unclosed quote is not a token: the position is before
//     the value it starts).
//   - A star at the top is read iteration by iteration, each the longest
//     prefix its operand matches; where none matches, the operand is
//     followed as far as its parts match (the operands of a
//     concatenation one after the other, each by its longest match, the
//     first branch of a union that gets anywhere) and the failure is at
//     the end of that. When not even the first part matches the position
//     is one byte before the iteration (Augeas counts the failed match
//     as -1).
//   - Any other lens at the top: the failure is at the end of the
//     longest prefix of the text the whole lens matches, or at 0 when
//     none does.
//
// The message still says what could not be read and what was expected
// there.

// explainFailure recomputes a failed get's position (see above) and
// message for text read with l at the top. It returns nil when that
// model finds no failure, and the getter's own error then stands.
func explainFailure(l *Lens, text string) *GetError {
	switch {
	case l.recursive:
		x := tokenParse{text: text, memo: map[tokenKey][]int{}, info: map[*Lens]*tokenInfo{}}
		if slices.Contains(x.ends(l, 0), len(text)) {
			return nil
		}
		e := &GetError{Pos: source.PosOf("", text, x.far), Lens: l.info}
		e.Msg = unexpected(text, x.far, x.next)
		if x.farWho != nil && x.farWho.info != (source.Info{}) {
			e.Lens = x.farWho.info
		}
		return e
	case l.kind == KindStar:
		child := l.kids[0]
		start := 0
		for start < len(text) {
			n := child.ctype().LongestPrefix(text[start:])
			if n <= 0 {
				break
			}
			start += n
		}
		if start == len(text) {
			return nil
		}
		n, who := tryMatch(child, text, start, l, false)
		e := &GetError{Pos: posOf(text, start+n), Lens: who.info}
		// the message: what is there, and what the operand could go on
		// with after what it matched
		at := start + max(n, 0)
		_, next := child.ctype().Viable(text[start:at])
		e.Msg = unexpected(text, at, next)
		return e
	}
	ct := l.ctype()
	n := ct.LongestPrefix(text)
	if n == len(text) {
		return nil
	}
	e := &GetError{Lens: l.info}
	if n < 0 {
		_, next := ct.Viable("")
		e.Pos, e.Msg = source.PosOf("", text, 0), unexpected(text, 0, next)
		return e
	}
	_, next := ct.Viable(text[:n])
	e.Pos, e.Msg = source.PosOf("", text, n), unexpected(text, n, next)
	return e
}

// posOf is the position of byte pos of text; before the text (the
// failure of a first iteration at its first byte), no position.
func posOf(text string, pos int) source.Pos {
	if pos < 0 {
		return source.Pos{Offset: -1}
	}
	return source.PosOf("", text, pos)
}

// unexpected says what is at pos and what could have been there.
func unexpected(text string, pos int, next regular.ByteSet) string {
	msg := "unexpected " + describeAt(text, pos)
	if !next.IsEmpty() {
		msg += ", expected " + describeSet(next)
	} else if pos < len(text) {
		msg += ", expected end of input"
	}
	return msg
}

// tryMatch follows l from start as far as its parts match, as Augeas
// does to place the failure of an iteration: it returns how much was
// matched (-1 when not even the first primitive matches) and the lens
// to name in the message: the innermost with a name or position that
// is not inside a concatenation (the entry that failed rather than the
// separator inside it), who if none.
func tryMatch(l *Lens, text string, start int, who *Lens, inConcat bool) (int, *Lens) {
	if !inConcat && l.info != (source.Info{}) {
		who = l
	}
	switch l.kind {
	case KindDel, KindStore, KindKey:
		return l.re.LongestPrefix(text[start:]), who
	case KindConcat, KindSquare:
		matched := 0
		for _, k := range l.kids {
			n := k.ctype().LongestPrefix(text[start:])
			switch {
			case n >= 0:
				matched += n
				start += n
			case matched > 0:
				return matched, who
			default:
				return tryMatch(k, text, start, who, true)
			}
		}
		return matched, who
	case KindUnion:
		for _, k := range l.kids {
			if n, w := tryMatch(k, text, start, who, inConcat); n > 0 {
				return n, w
			}
		}
		return 0, who
	case KindSubtree, KindStar, KindMaybe:
		return tryMatch(l.kids[0], text, start, who, inConcat)
	}
	return 0, who // label, value, seq, counter
}

// tokenParse follows a recursive lens over a text token by token, as
// Augeas's parser does (see above), to find the furthest point reached.
type tokenParse struct {
	text   string
	memo   map[tokenKey][]int // the ends of a recursive lens from a position
	info   map[*Lens]*tokenInfo
	depth  int
	far    int             // the furthest end of a token read
	next   regular.ByteSet // what the tokens tried at far could start with
	farWho *Lens           // a token tried at far
}

type tokenKey struct {
	l *Lens
	p int
}

// tokenInfo is what the parse needs of a lens, computed once.
type tokenInfo struct {
	ct       *regular.FA     // a token's language
	first    regular.ByteSet // what the lens's words start with
	nullable bool            // it reads the empty word
}

func (x *tokenParse) infoOf(l *Lens) *tokenInfo {
	if in, ok := x.info[l]; ok {
		return in
	}
	in := &tokenInfo{}
	if l.recursive {
		in.first, in.nullable = firstBytes(l, map[*Lens]bool{})
	} else {
		in.ct = l.ctype()
		in.first, in.nullable = in.ct.FirstBytes(), in.ct.AcceptsEmpty()
	}
	x.info[l] = in
	return in
}

// ends returns, in increasing order, where l's parses from p can end.
func (x *tokenParse) ends(l *Lens, p int) []int {
	in := x.infoOf(l)
	if p < x.far && !in.nullable && (p == len(x.text) || !in.first.Has(x.text[p])) {
		// it cannot start here, and its tokens failing here would
		// change nothing: the failure is further on
		return nil
	}
	var out []int
	switch {
	case !l.recursive:
		n := in.ct.LongestPrefix(x.text[p:])
		x.tried(l, in, p, n)
		if in.nullable {
			out = append(out, p)
		}
		if n > 0 {
			out = append(out, p+n)
		}
	case l.kind == KindRec:
		k := tokenKey{l, p}
		if e, ok := x.memo[k]; ok {
			return e // busy (nil) on left recursion, which lenses refuse anyway
		}
		if l.body() == nil || x.depth >= maxDepth {
			return nil
		}
		x.memo[k] = nil
		x.depth++
		out = x.ends(l.body(), p)
		x.depth--
		x.memo[k] = out
	case l.kind == KindSubtree:
		out = x.ends(l.kids[0], p)
	case l.kind == KindConcat || l.kind == KindSquare:
		set := []int{p}
		for _, k := range l.kids {
			var next []int
			for _, q := range set {
				next = append(next, x.ends(k, q)...)
			}
			set = sortUnique(next)
			if len(set) == 0 {
				break
			}
		}
		out = set
	case l.kind == KindUnion:
		for _, k := range l.kids {
			out = append(out, x.ends(k, p)...)
		}
		out = sortUnique(out)
	case l.kind == KindMaybe:
		out = sortUnique(append([]int{p}, x.ends(l.kids[0], p)...))
	case l.kind == KindStar:
		// the ends of an operand are never before its start: taking
		// the positions reached in increasing order reads each once
		out = []int{p}
		pending := &intHeap{}
		for q := p; ; {
			for _, e := range x.ends(l.kids[0], q) {
				if e > q {
					heap.Push(pending, e)
				}
			}
			for pending.Len() > 0 && (*pending)[0] <= q {
				heap.Pop(pending)
			}
			if pending.Len() == 0 {
				break
			}
			q = heap.Pop(pending).(int)
			out = append(out, q)
		}
	}
	return out
}

// tried notes a token tried at p that matched n bytes (-1: none).
func (x *tokenParse) tried(l *Lens, in *tokenInfo, p, n int) {
	end := p + max(n, 0)
	switch {
	case end > x.far:
		x.far, x.next, x.farWho = end, regular.ByteSet{}, nil
		if n > 0 {
			return // what may follow is tried from there
		}
	case end < x.far:
		return
	}
	if end == p {
		x.next = x.next.Union(in.first)
		if x.farWho == nil || l.info != (source.Info{}) {
			x.farWho = l
		}
	}
}

// intHeap is a min-heap of positions.
type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
