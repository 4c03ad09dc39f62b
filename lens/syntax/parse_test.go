package syntax

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parse(t *testing.T, src string) *Module {
	t.Helper()
	m, err := Parse("t.aug", src)
	require.NoError(t, err)
	return m
}

// show prints an expression with explicit grouping.
func show(e Expr) string {
	switch e := e.(type) {
	case *Ident:
		if e.Module != "" {
			return e.Module + "." + e.Name
		}
		return e.Name
	case *String:
		return "\"" + e.Value + "\""
	case *Regexp:
		if e.NoCase {
			return "/" + e.Pattern + "/i"
		}
		return "/" + e.Pattern + "/"
	case *Unit:
		return "()"
	case *Binary:
		return "(" + show(e.Left) + " " + string(e.Op) + " " + show(e.Right) + ")"
	case *Apply:
		return "(" + show(e.Func) + " " + show(e.Arg) + ")"
	case *Postfix:
		return show(e.X) + string(e.Op)
	case *Subtree:
		return "[" + show(e.X) + "]"
	case *LetIn:
		return "(let " + e.Name + " = " + show(e.Value) + " in " + show(e.Body) + ")"
	case *Tree:
		var b strings.Builder
		for _, n := range e.Nodes {
			b.WriteString(showNode(n))
		}
		return b.String()
	}
	return "?"
}

func showNode(n *TreeNode) string {
	s := "{"
	if n.Label != nil {
		s += "\"" + *n.Label + "\""
	}
	if n.Value != nil {
		s += "=\"" + *n.Value + "\""
	}
	for _, c := range n.Children {
		s += showNode(c)
	}
	return s + "}"
}

func TestPrecedence(t *testing.T) {
	cases := []struct{ src, want string }{
		{`/x/ | /y/ - /z/`, `(/x/ | (/y/ - /z/))`},
		{`a . b | c`, `((a . b) | c)`},
		{`del /x/ "y" . store /z/`, `(((del /x/) "y") . (store /z/))`},
		{`key /a/*`, `(key /a/*)`},
		{`(key /a/)*`, `(key /a/)*`},
		{`[ key /a/ ]+ . b?`, `([(key /a/)]+ . b?)`},
		{`f ; g ; h`, `((f ; g) ; h)`},
		{`let x = a in x . x`, `(let x = a in (x . x))`},
		{`Util.del_str "x" . Sys.getenv "HOME"`, `((Util.del_str "x") . (Sys.getenv "HOME"))`},
		{`()`, `()`},
		{`get l "x"`, `((get l) "x")`},
		{`{ "a" = "1" { "b" } } { } { = "v" }`, `{"a"="1"{"b"}}{}{="v"}`},
		{`/a/i . /b\/c/`, `(/a/i . /b/c/)`},
	}
	for _, c := range cases {
		m := parse(t, "module T =\nlet e = "+c.src+"\n")
		require.Len(t, m.Decls, 1, c.src)
		assert.Equal(t, c.want, show(m.Decls[0].(*Let).Body), c.src)
	}
}

func TestLiterals(t *testing.T) {
	m := parse(t, `module T =
let s = "a\tb\"c\\d\z"
let r = /a\\\\b\/c\.d\n/
let multi = "x
y"
`)
	assert.Equal(t, "a\tb\"c\\d\\z", m.Decls[0].(*Let).Body.(*String).Value, "unknown escapes are kept")
	assert.Equal(t, `a\\b/c\.d`+"\n", m.Decls[1].(*Let).Body.(*Regexp).Pattern)
	assert.Equal(t, "x\ny", m.Decls[2].(*Let).Body.(*String).Value)
}

func TestDeclarations(t *testing.T) {
	m := parse(t, `module Foo = autoload xfm
(* a (* nested *) comment *)
let f (a:string) (get:regexp -> lens) (l:(string -> lens) -> lens) = a
let rec r = [ key /a/ . r* ]
let rec_like = "1"
test lns get "x" = { "x" }
test Foo.lns put "x" after set "/a" "b" ; rm "/c" = "y"
test (l*) get "x" = ?
test l get "x" = *
`)
	assert.Equal(t, "Foo", m.Name)
	assert.Equal(t, "xfm", m.Autoload)
	require.Len(t, m.Decls, 7)
	f := m.Decls[0].(*Let)
	require.Len(t, f.Params, 3)
	assert.Equal(t, "get", f.Params[1].Name)
	assert.Equal(t, "regexp -> lens", f.Params[1].Type.String())
	assert.Equal(t, "(string -> lens) -> lens", f.Params[2].Type.String())
	assert.True(t, m.Decls[1].(*Let).Rec)
	assert.False(t, m.Decls[2].(*Let).Rec, "let rec_like is not let rec")
	put := m.Decls[4].(*Test)
	assert.Equal(t, TestPut, put.Mode)
	assert.Equal(t, `(((set "/a") "b") ; (rm "/c"))`, show(put.Commands))
	assert.Equal(t, ExpectPrint, m.Decls[5].(*Test).Expect)
	assert.Equal(t, ExpectError, m.Decls[6].(*Test).Expect)
	// positions: 1-based lines and columns, End just past the last byte
	assert.Equal(t, "t.aug:3:1", f.Start.String())
	assert.Equal(t, "t.aug:3:71", f.End.String())
}

func TestSyntaxErrorsAllListed(t *testing.T) {
	_, err := Parse("bad.aug", `module Bad =
let a = del /x/ "x" .
let ok = "fine"
let b = = "3"
test a "x" = "y"
`)
	var list ErrorList
	require.True(t, errors.As(err, &list))
	var msgs []string
	for _, e := range list {
		msgs = append(msgs, e.Error())
	}
	require.Len(t, msgs, 3, err.Error())
	// the list's own message is the first error's, as go/scanner's
	assert.Equal(t, msgs[0]+" (and 2 more errors)", err.Error())
	assert.True(t, strings.HasPrefix(msgs[0], "bad.aug:3:1: syntax error, unexpected keyword 'let'"), msgs[0])
	assert.True(t, strings.HasPrefix(msgs[1], "bad.aug:4:9: syntax error, unexpected '='"), msgs[1])
	assert.True(t, strings.HasPrefix(msgs[2], "bad.aug:5:8: syntax error, unexpected string \"x\""), msgs[2])
}

func TestLexErrors(t *testing.T) {
	cases := map[string]string{
		"module T =\n(* open (* nested *)\n":  "t.aug:2:1: missing *) to close this comment",
		"module T =\nlet s = \"open\n":        "t.aug:2:9: missing \" to close this string",
		"module T =\nlet r = /open\n":         "t.aug:2:9: missing / to close this regular expression",
		"module T =\nlet x = a , b\n":         "t.aug:2:11: unexpected character ','",
		"module t =\n":                        "t.aug:1:8: syntax error, unexpected name 't'",
		"":                                    "t.aug:1:1: syntax error, unexpected end of file",
		"module T =\ntest l* get \"x\" = ?\n": "t.aug:2:7: syntax error, unexpected '*'",
	}
	for src, want := range cases {
		_, err := Parse("t.aug", src)
		require.Error(t, err, src)
		assert.Equal(t, want, err.Error(), src)
	}
}

func TestTooDeep(t *testing.T) {
	src := "module T =\nlet a = " + strings.Repeat("(", 200000) + `"x"` + strings.Repeat(")", 200000) + "\n"
	_, err := Parse("t.aug", src)
	assert.EqualError(t, err, "t.aug:2:2009: expression nested more than 2000 levels deep")
	src = "module T =\nlet a = " + strings.Repeat("(", 1000) + `"x"` + strings.Repeat(")", 1000) + "\n"
	_, err = Parse("t.aug", src)
	assert.NoError(t, err)
}

// TestParsesAugeasLenses reads every module of Augeas's lens library when
// it is installed (the lens-language judge in lens/lang requires it).
func TestParsesAugeasLenses(t *testing.T) {
	files, _ := filepath.Glob("/usr/share/augeas/lenses/dist/*.aug")
	tests, _ := filepath.Glob("/usr/share/augeas/lenses/dist/tests/*.aug")
	files = append(files, tests...)
	if len(files) == 0 {
		t.Skip("augeas-lenses not installed; lens/lang's TestAugeasSuite requires it")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		_, err = Parse(f, string(b))
		assert.NoError(t, err)
	}
	t.Logf("%d modules parsed", len(files))
}

func FuzzParseModule(f *testing.F) {
	f.Add("module T =\nlet a = [ key /a/ . del /=/ \"=\" . store /[0-9]+/ ]*\ntest a get \"a=1\" = { \"a\" = \"1\" }\n")
	f.Add("module T = autoload x\nlet rec r = [ key /x/ . (r | del /;/ \";\")* ]\nlet f (a:string) (b:lens -> lens) = b (label a)\n")
	f.Add("module T =\n(* (* *) *) let s = \"\\t\\z\" let r = /\\//i test (l*) put \"x\" after set \"/a\" \"b\" ; rm \"c\" = *\n")
	f.Fuzz(func(t *testing.T, src string) {
		bothParsers(t, "f.aug", src)
		m, err := Parse("f.aug", src)
		if err == nil && m == nil {
			t.Fatal("nil module without error")
		}
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f.aug:") {
					t.Fatalf("error without position: %q", line)
				}
			}
		}
	})
}

// TestParsesShareNoTokens parses modules one after the other and at the
// same time, as Parse reuses its token slices: no module's AST may change
// when others are parsed after it.
func TestParsesShareNoTokens(t *testing.T) {
	files, err := filepath.Glob("../../lenses/*.aug")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	srcs := make([]string, len(files))
	want := make([]*Module, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		srcs[i] = string(b)
		want[i], err = Parse(f, srcs[i])
		require.NoError(t, err)
	}
	got := make([]*Module, len(files))
	done := make(chan struct{})
	for i := range files {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 3 {
				got[i], _ = Parse(files[i], srcs[i])
			}
		}()
	}
	for range files {
		<-done
	}
	for i, f := range files {
		again, err := Parse(f, srcs[i])
		require.NoError(t, err)
		assert.Equal(t, again, want[i], f)
		assert.Equal(t, again, got[i], f)
	}
}
