package regular

import "sync/atomic"

// Op is the kind of a Regexp node. The zero value is invalid.
type Op uint8

// The kinds of Regexp nodes.
const (
	OpInvalid Op = iota
	OpNone       // the empty language: matches nothing
	OpEmpty      // the empty word: ()
	OpSet        // one byte from Set; a literal character is a one-byte set
	OpConcat     // Sub[0] Sub[1] ...
	OpAlt        // Sub[0] | Sub[1] | ...
	OpStar       // Sub[0]*
	OpPlus       // Sub[0]+
	OpQuest      // Sub[0]?
	OpRepeat     // Sub[0]{Min,Max}; Max == -1 means no upper bound
)

var opNames = [...]string{"invalid", "none", "empty", "set", "concat", "alt", "star", "plus", "quest", "repeat"}

func (o Op) String() string {
	if int(o) < len(opNames) {
		return opNames[o]
	}
	return "Op(?)"
}

// Regexp is a parsed regular expression. Nodes are immutable once built.
type Regexp struct {
	Op       Op
	Set      ByteSet // OpSet
	Sub      []*Regexp
	Min, Max int // OpRepeat

	// the key of String's text, once computed (see textKey); keyP is 0
	// until then
	keyH, keyP atomic.Uint64
}

// Literal returns the regexp matching exactly s.
func Literal(s string) *Regexp {
	if s == "" {
		return &Regexp{Op: OpEmpty}
	}
	subs := make([]*Regexp, len(s))
	for i := 0; i < len(s); i++ {
		subs[i] = charRe(s[i])
	}
	if len(subs) == 1 {
		return subs[0]
	}
	return &Regexp{Op: OpConcat, Sub: subs}
}

// charRe returns the regexp matching the byte c. The node is shared by
// every caller: like every node, it must not be changed.
func charRe(c byte) *Regexp { return &charRes[c] }

// charRes holds the regexps of single bytes, as most literals are made of
// them.
var charRes [256]Regexp

func init() {
	for c := range charRes {
		charRes[c].Op = OpSet
		charRes[c].Set.Add(byte(c))
	}
}
