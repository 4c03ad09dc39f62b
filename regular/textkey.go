package regular

import "strconv"

// A textKey stands for the text String gives a regexp, without building
// that text: a polynomial hash of its bytes, and the base of the hash to
// the power of its length. Equal texts have equal keys; different texts
// have different keys but for rare collisions, which sameText settles.
// Keys compose as texts do (then), so a node's key is computed from its
// subexpressions' and kept on the node.
type textKey struct{ h, p uint64 }

// keyBase is odd, so that p is never 0 (which marks an unknown key).
const keyBase = 0x100000001b3

// emptyKey is the key of "".
var emptyKey = textKey{0, 1}

func (k textKey) byte(c byte) textKey { return textKey{k.h*keyBase + uint64(c), k.p * keyBase} }

func (k textKey) bytes(s []byte) textKey {
	for _, c := range s {
		k = k.byte(c)
	}
	return k
}

func (k textKey) str(s string) textKey {
	for i := 0; i < len(s); i++ {
		k = k.byte(s[i])
	}
	return k
}

// then returns the key of the text of k followed by that of o.
func (k textKey) then(o textKey) textKey { return textKey{k.h*o.p + o.h, k.p * o.p} }

// textKey returns the key of re.String(). It follows write step by step.
func (re *Regexp) textKey() textKey {
	if p := re.keyP.Load(); p != 0 {
		return textKey{re.keyH.Load(), p}
	}
	k := emptyKey
	switch re.Op {
	case OpNone:
		k = k.str(noneText)
	case OpEmpty:
		k = k.str("()")
	case OpSet:
		var buf [setTextCap]byte
		k = k.bytes(appendSet(buf[:0], re.Set))
	case OpConcat:
		for _, sub := range re.Sub {
			k = k.then(sub.textKeyAt(precConcat))
		}
	case OpAlt:
		for i, sub := range re.Sub {
			if i > 0 {
				k = k.byte('|')
			}
			k = k.then(sub.textKeyAt(precConcat))
		}
	case OpStar, OpPlus, OpQuest, OpRepeat:
		sub := re.Sub[0]
		if sub.Op >= OpStar {
			k = k.byte('(').then(sub.textKey()).byte(')')
		} else {
			k = k.then(sub.textKeyAt(precRepeat))
		}
		switch re.Op {
		case OpStar:
			k = k.byte('*')
		case OpPlus:
			k = k.byte('+')
		case OpQuest:
			k = k.byte('?')
		default:
			var buf [48]byte
			b := append(buf[:0], '{')
			b = strconv.AppendInt(b, int64(re.Min), 10)
			b = append(b, ',')
			if re.Max >= 0 {
				b = strconv.AppendInt(b, int64(re.Max), 10)
			}
			k = k.bytes(append(b, '}'))
		}
	default:
		k = k.str("<invalid>")
	}
	// Racing goroutines store the same values; p, stored last, publishes.
	re.keyH.Store(k.h)
	re.keyP.Store(k.p)
	return k
}

// textKeyAt returns the key of the text write gives re at precedence
// prec: its own text, in parentheses where write adds them.
func (re *Regexp) textKeyAt(prec int) textKey {
	k := re.textKey()
	if (re.Op == OpConcat && prec > precConcat) || (re.Op == OpAlt && prec > precAlt) {
		return emptyKey.byte('(').then(k).byte(')')
	}
	return k
}

// sameText reports whether a and b have the same text (String), which
// their keys have already shown is likely.
func sameText(a, b *Regexp) bool {
	return sameTree(a, b) || a.String() == b.String()
}

// sameTree reports whether a and b are built alike, which implies the
// same text.
func sameTree(a, b *Regexp) bool {
	if a == b {
		return true
	}
	if a.Op != b.Op || a.Set != b.Set || a.Min != b.Min || a.Max != b.Max || len(a.Sub) != len(b.Sub) {
		return false
	}
	for i := range a.Sub {
		if !sameTree(a.Sub[i], b.Sub[i]) {
			return false
		}
	}
	return true
}
