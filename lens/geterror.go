package lens

import (
	"fmt"
	"strconv"

	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/regular"
)

// The errors of get: a *GetError says where the text stopped fitting,
// with which lens, and what was expected there.

// GetError is a failure to read text with a lens: where (Pos, with the
// byte offset; no valid position where augtool shows none), which lens (Top, the named lens the text was read with,
// such as Hosts.lns, and Lens, the part of it that failed), and what
// went wrong.
type GetError struct {
	Pos  source.Pos
	Top  source.Info
	Lens source.Info
	Msg  string

	// noFit: the text does not fit the lens (rather than a key or value
	// left over, say); where is worked out again for the whole text
	// (explainFailure)
	noFit bool
}

func (e *GetError) Error() string {
	if !e.Pos.IsValid() {
		// no position: Augeas places some failures before the text
		// (see explainFailure) and then shows none
		lens := e.Lens.String()
		if e.Top.Name != "" {
			lens = e.Top.String()
		}
		return fmt.Sprintf("%s (lens %s)", e.Msg, lens)
	}
	if e.Top.Name != "" && (e.Lens == source.Info{} || e.Lens == e.Top) {
		return fmt.Sprintf("%s: %s (byte %d, lens %s)", e.Pos, e.Msg, e.Pos.Offset, e.Top)
	}
	if e.Top.Name != "" {
		return fmt.Sprintf("%s: %s (byte %d, lens %s, in %s)", e.Pos, e.Msg, e.Pos.Offset, e.Top.Name, e.Lens)
	}
	return fmt.Sprintf("%s: %s (byte %d, lens %s)", e.Pos, e.Msg, e.Pos.Offset, e.Lens)
}

func (g *getter) errAt(l *Lens, off int, msg string) *GetError {
	return &GetError{Pos: source.PosOf("", g.text, off), Lens: l.info, Msg: msg}
}

// mismatch explains why text[i:j] is not in l's language: the longest
// part that still fits, what comes next, and the innermost lens that
// could not go on.
func (g *getter) mismatch(l *Lens, i, j int) error {
	who := l.info // the innermost lens with a name or position
	for {
		if l.info != (source.Info{}) {
			who = l.info
		}
		switch l.kind {
		case KindStar:
			child := l.kids[0].ctype()
			pos := i
			for pos < j {
				p := child.LongestPrefix(g.text[pos:j])
				if p <= 0 {
					break
				}
				pos += p
			}
			if pos == j {
				goto report
			}
			l, i = l.kids[0], pos
			continue
		case KindSubtree, KindRec:
			if l.body() == nil && l.kind == KindRec {
				goto report
			}
			l = l.kids[0]
			if l.recursive {
				goto report
			}
			continue
		case KindUnion:
			best, bestN := l.kids[0], -2
			for _, k := range l.kids {
				if k.recursive {
					continue
				}
				n, _ := k.ctype().Viable(g.text[i:j])
				if n > bestN {
					best, bestN = k, n
				}
			}
			if bestN == -2 {
				goto report
			}
			l = best
			continue
		}
		break
	}
report:
	if l.recursive {
		return g.recFailure(l)
	}
	n, next := l.ctype().Viable(g.text[i:j])
	pos := i + max(n, 0)
	msg := ""
	switch {
	case pos < j && next.IsEmpty():
		msg = "unexpected " + describeAt(g.text, pos) + ", expected end of input"
	case pos < j:
		msg = "unexpected " + describeAt(g.text, pos) + ", expected " + describeSet(next)
	case next.IsEmpty():
		msg = "unexpected end of input"
	default:
		msg = "unexpected end of input, expected " + describeSet(next)
	}
	e := g.errAt(l, pos, msg)
	e.Lens, e.noFit = who, true
	return e
}

// recFailure reports a failed parse with a recursive lens at the
// furthest point any terminal read to, with what that terminal expected.
func (g *getter) recFailure(l *Lens) error {
	pos := g.furthest
	msg := "unexpected " + describeAt(g.text, pos)
	if pos >= len(g.text) {
		msg = "unexpected end of input"
	}
	who := l.info
	if g.fFA != nil {
		if _, next := g.fFA.Viable(g.text[g.fStart:]); !next.IsEmpty() {
			msg += ", expected " + describeSet(next)
		}
		if g.fWho.info != (source.Info{}) {
			who = g.fWho.info
		}
	}
	e := g.errAt(l, pos, msg)
	e.Lens, e.noFit = who, true
	return e
}

func describeAt(s string, pos int) string {
	if pos >= len(s) {
		return "end of input"
	}
	end := pos + 1
	for end < len(s) && end-pos < 16 && s[end] != '\n' {
		end++
	}
	return strconv.Quote(s[pos:end])
}

func describeSet(set regular.ByteSet) string {
	if set.Len() == 1 {
		b, _ := set.Min()
		return strconv.Quote(string([]byte{b}))
	}
	return (&regular.Regexp{Op: regular.OpSet, Set: set}).Quote()
}
