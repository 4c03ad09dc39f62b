package regular

import "math/bits"

// ByteSet is a set of bytes, the alphabet of every automaton in this
// package. The zero value is the empty set.
type ByteSet [4]uint64

// AllBytes is the set of all 256 bytes.
var AllBytes = ByteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

// anyButNewline is what '.' matches.
var anyButNewline = func() ByteSet { s := AllBytes; s.Remove('\n'); return s }()

// Has reports whether b is in s.
func (s *ByteSet) Has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }

// Add adds b to s.
func (s *ByteSet) Add(b byte) { s[b>>6] |= 1 << (b & 63) }

// Remove removes b from s.
func (s *ByteSet) Remove(b byte) { s[b>>6] &^= 1 << (b & 63) }

// AddRange adds the bytes lo..hi (inclusive) to s.
func (s *ByteSet) AddRange(lo, hi byte) {
	for c := int(lo); c <= int(hi); c++ {
		s.Add(byte(c))
	}
}

// Union returns s ∪ t.
func (s ByteSet) Union(t ByteSet) ByteSet {
	return ByteSet{s[0] | t[0], s[1] | t[1], s[2] | t[2], s[3] | t[3]}
}

// Intersect returns s ∩ t.
func (s ByteSet) Intersect(t ByteSet) ByteSet {
	return ByteSet{s[0] & t[0], s[1] & t[1], s[2] & t[2], s[3] & t[3]}
}

// Minus returns s \ t.
func (s ByteSet) Minus(t ByteSet) ByteSet {
	return ByteSet{s[0] &^ t[0], s[1] &^ t[1], s[2] &^ t[2], s[3] &^ t[3]}
}

// Complement returns the bytes not in s.
func (s ByteSet) Complement() ByteSet { return AllBytes.Minus(s) }

// IsEmpty reports whether s has no members.
func (s ByteSet) IsEmpty() bool { return s[0]|s[1]|s[2]|s[3] == 0 }

// Len returns the number of bytes in s.
func (s ByteSet) Len() int {
	return bits.OnesCount64(s[0]) + bits.OnesCount64(s[1]) + bits.OnesCount64(s[2]) + bits.OnesCount64(s[3])
}

// Min returns the smallest byte in s; ok is false when s is empty.
func (s ByteSet) Min() (b byte, ok bool) {
	for i, w := range s {
		if w != 0 {
			return byte(i*64 + bits.TrailingZeros64(w)), true
		}
	}
	return 0, false
}

// Ranges calls fn for each maximal run lo..hi of consecutive members, in
// increasing order.
func (s ByteSet) Ranges(fn func(lo, hi byte)) {
	c := 0
	for c < 256 {
		if !s.Has(byte(c)) {
			c++
			continue
		}
		lo := c
		for c < 256 && s.Has(byte(c)) {
			c++
		}
		fn(byte(lo), byte(c-1))
	}
}

// foldCase adds the other ASCII case of every letter in s.
func (s ByteSet) foldCase() ByteSet {
	t := s
	for c := byte('a'); c <= 'z'; c++ {
		if s.Has(c) || s.Has(c-'a'+'A') {
			t.Add(c)
			t.Add(c - 'a' + 'A')
		}
	}
	return t
}

// example returns a member of s, preferring readable bytes so that example
// strings in error messages are easy to read.
func (s ByteSet) example() (byte, bool) {
	for _, r := range [...][2]byte{{'a', 'z'}, {'0', '9'}, {'A', 'Z'}, {'!', '~'}, {' ', ' '}} {
		for c := int(r[0]); c <= int(r[1]); c++ {
			if s.Has(byte(c)) {
				return byte(c), true
			}
		}
	}
	return s.Min()
}
