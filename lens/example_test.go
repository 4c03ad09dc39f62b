package lens_test

import (
	"fmt"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
)

// A key = value lens: get, edit, put. The untouched line keeps its
// spacing; the new line gets the defaults of the del lenses.
func Example() {
	re := regular.MustCompile
	entry, _ := lens.Concat(
		lens.Key(re("[a-z]+")),
		lens.Del(re("[ \t]*=[ \t]*"), " = "),
		lens.Store(re("[0-9]+")),
		lens.Del(re("\n"), "\n"))
	lns, _ := lens.Star(lens.Subtree(entry))
	if err := lens.Check(lns); err != nil {
		fmt.Println(err)
		return
	}

	text := "a=1\nb   =   2\n"
	root, err := lns.Get(text)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(tree.Dump(root))

	root.Child(0).SetValue("10")
	root.Append(tree.NewValue("c", "3"))
	out, err := lns.Put(root, text)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(out)
	// Output:
	// /a = "1"
	// /b = "2"
	// a=10
	// b   =   2
	// c = 3
}

// Type checking finds the ambiguity and shows it.
func ExampleCheck() {
	re := regular.MustCompile
	l, _ := lens.Concat(lens.Key(re("[a-z]+")), lens.Del(re("[a-z]*"), ""))
	fmt.Println(lens.Check(lens.Subtree(l)))
	// Output:
	// lens: ambiguous concatenation: first regexp: /[a-z]+/; second regexp: /[a-z]*/; 'aa' can be split into 'a|=|a' and 'aa|=|'; first lens: lens; second lens: lens
}
