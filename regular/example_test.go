package regular_test

import (
	"fmt"

	"github.com/lensnet/lensnet/regular"
)

// Augeas's regexp minus: identifiers that are not keywords.
func ExampleMinus() {
	ident := regular.Minus(regular.MustCompile(`[a-z]+`), regular.MustCompile(`if|then`))
	fmt.Println(ident.Match("if"), ident.Match("iff"))
	// Output: false true
}

// The witness the lens type checker reports for an ambiguous
// concatenation.
func ExampleAmbigConcat() {
	word := regular.MustCompile(`[a-z]+`)
	x, ambiguous := regular.AmbigConcat(word, word)
	fmt.Println(ambiguous, x)
	// Output: true 'aaa' can be split into 'a|=|aa' and 'aa|=|a'
}

// Splitting a text between two lenses: the cut points are the prefix
// lengths of the first language that are also starts of the second.
func ExampleFA_AppendPrefixes() {
	key := regular.MustCompile(`[a-z]+`)
	rest := regular.MustCompile(`=[0-9]+`)
	text := "port=80"
	fmt.Println(key.AppendPrefixes(nil, text), rest.AppendStarts(nil, text))
	// Output: [1 2 3 4] [4]
}

func ExampleParse() {
	_, err := regular.Parse(`[a-z]+{2`, 0)
	fmt.Println(err)
	re := regular.MustParse(`[-a-c_]+|x{2}`, regular.FoldCase)
	fmt.Println(re.Quote())
	// Output:
	// regexp /[a-z]+{2/ at offset 6: invalid preceding regular expression: { after a repeat operator
	// /[A-C_a-c-]+|[Xx]{2,2}/
}
