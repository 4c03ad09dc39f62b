package syntax_test

import (
	"errors"
	"fmt"

	"github.com/lensnet/lensnet/lens/syntax"
)

// Parse returns the module's AST; every node knows its source range.
func ExampleParse() {
	m, err := syntax.Parse("kv.aug", `module Kv =
let eq = del /[ \t]*=[ \t]*/ " = "
let lns = [ key /[a-z]+/ . eq . store /[0-9]+/ ]*
test lns get "a = 1" = ?
`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("module", m.Name)
	for _, d := range m.Decls {
		switch d := d.(type) {
		case *syntax.Let:
			fmt.Printf("%s: let %s\n", d.Start, d.Name)
		case *syntax.Test:
			fmt.Printf("%s: test\n", d.Start)
		}
	}
	// Output:
	// module Kv
	// kv.aug:2:1: let eq
	// kv.aug:3:1: let lns
	// kv.aug:4:1: test
}

// A module with syntax errors gives an ErrorList: its message is the
// first error's, and the list holds one error per declaration that
// failed to parse.
func ExampleErrorList() {
	_, err := syntax.Parse("bad.aug", `module Bad =
let a = = "x"
let b = "fine"
let c = )
let d = * "y"
`)
	fmt.Println(err)
	var list syntax.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Printf("line %d, column %d: %s\n", e.Pos.Line, e.Pos.Column, e.Msg)
		}
	}
	// Output:
	// bad.aug:2:9: syntax error, unexpected '=' (and 2 more errors)
	// line 2, column 9: syntax error, unexpected '='
	// line 4, column 9: syntax error, unexpected ')'
	// line 5, column 9: syntax error, unexpected '*'
}
