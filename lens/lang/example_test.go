package lang_test

import (
	"fmt"
	"os"
	"testing/fstest"

	"github.com/lensnet/lensnet/lens/lang"
	"github.com/lensnet/lensnet/tree"
)

// A Loader finds modules on its search path (here one directory in
// memory), type-checks their lenses and runs their unit tests; a lens
// is then asked for by its qualified name.
func ExampleLoader() {
	lib := fstest.MapFS{
		"kv.aug": {Data: []byte(`module Kv =
let eq = del /[ \t]*=[ \t]*/ " = "
let entry = [ key /[a-z]+/ . eq . store /[0-9]+/ . del "\n" "\n" ]
let lns = entry*
test lns get "a=1\n" = ?
`)},
	}
	ld := lang.NewLoader(lang.Options{
		Path:      []lang.Dir{{Name: "lib", FS: lib}},
		TypeCheck: true,
		Tests:     true,
		Stdout:    os.Stdout, // where "= ?" tests print their result
	})
	lns, err := ld.Lens("Kv.lns")
	if err != nil {
		fmt.Println(err)
		return
	}
	root, err := lns.Get("x = 1\ny=2\n")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(tree.Dump(root))
	// Output:
	// Test result: lib/kv.aug:5:1:
	//   { "a" = "1" }
	//
	// /x = "1"
	// /y = "2"
}
