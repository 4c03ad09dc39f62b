package main

import (
	"strconv"
	"strings"
)

// concrete returns a file name that glob (an fnmatch pattern of a lens
// filter) matches: each "*" becomes "sample" followed by k, each "?"
// the letter x, each bracket expression the first character it
// accepts among its own characters, then letters and digits. wild
// reports whether the glob had any wildcard; ok is false for a glob
// with a malformed bracket expression or one that accepts no letter
// or digit.
func concrete(glob string, k int) (name string, wild, ok bool) {
	var b strings.Builder
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; c {
		case '*':
			wild = true
			b.WriteString("sample" + strconv.Itoa(k))
		case '?':
			wild = true
			b.WriteByte('x')
		case '[':
			wild = true
			end, ch, good := bracket(glob, i)
			if !good {
				return "", wild, false
			}
			b.WriteByte(ch)
			i = end
		case '\\':
			if i+1 < len(glob) {
				i++
			}
			b.WriteByte(glob[i])
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), wild, true
}

// bracket reads the bracket expression opening at glob[start] and
// returns the index of its closing "]" and a character it accepts.
func bracket(glob string, start int) (end int, ch byte, ok bool) {
	i := start + 1
	negate := i < len(glob) && (glob[i] == '!' || glob[i] == '^')
	if negate {
		i++
	}
	type span struct{ lo, hi byte }
	var set []span
	for first := true; i < len(glob); first = false {
		c := glob[i]
		if c == ']' && !first {
			break
		}
		if c == '\\' && i+1 < len(glob) {
			i++
			c = glob[i]
		}
		if i+2 < len(glob) && glob[i+1] == '-' && glob[i+2] != ']' {
			set = append(set, span{c, glob[i+2]})
			i += 3
			continue
		}
		set = append(set, span{c, c})
		i++
	}
	if i >= len(glob) {
		return 0, 0, false
	}
	in := func(c byte) bool {
		for _, s := range set {
			if s.lo <= c && c <= s.hi {
				return true
			}
		}
		return false
	}
	const candidates = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	if !negate && len(set) > 0 && set[0].lo != '/' {
		return i, set[0].lo, true
	}
	for j := 0; j < len(candidates); j++ {
		if in(candidates[j]) != negate {
			return i, candidates[j], true
		}
	}
	return 0, 0, false
}
