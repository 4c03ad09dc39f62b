package xmlscan_test

import (
	"fmt"

	"github.com/lensnet/lensnet/internal/xmlscan"
)

func Example() {
	p, err := xmlscan.Scan([]byte("<a>\n  <b/>\n  <c>text</c>\n</a>\n"), "a", 8)
	fmt.Println(p.Elem, p.Text, err)
	_, err = xmlscan.Scan([]byte("<a/>\n<a/>\n"), "a", 8)
	fmt.Println(err)
	// Output:
	// [1 2 3] [0 0 3] <nil>
	// a second root element <a>: a document holds one <a>
}
