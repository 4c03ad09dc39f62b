package xmlenum

import "strconv"

// Word returns the XML word of v in words, or kind(n) for a value out
// of the table and for the zero value.
func Word[E ~uint8](words []string, v E, kind string) string {
	if Valid(words, v) {
		return words[v]
	}
	return kind + "(" + strconv.Itoa(int(v)) + ")"
}

// Valid reports whether v is a set value of its table.
func Valid[E ~uint8](words []string, v E) bool {
	return v != 0 && int(v) < len(words)
}

// Lookup returns the value whose word is s, or false.
func Lookup[E ~uint8](words []string, s string) (E, bool) {
	for i, w := range words {
		if i > 0 && w == s {
			return E(i), true
		}
	}
	return 0, false
}
