package source_test

import (
	"fmt"

	"github.com/lensnet/lensnet/lens/source"
)

// PosOf turns a byte offset into a position printed file:line:col.
func ExamplePosOf() {
	text := "a = 1\nb = 2\n"
	p := source.PosOf("kv.conf", text, 10)
	fmt.Println(p, p.Offset)
	fmt.Println(source.Info{Name: "Kv.lns", Start: source.PosOf("kv.aug", "module Kv =\nlet lns = x\n", 12)})
	// Output:
	// kv.conf:2:5 10
	// Kv.lns at kv.aug:2:1
}
