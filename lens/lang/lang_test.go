package lang

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loader returns a loader over in-memory directories, each a map of file
// name to module text, searched in order.
func loader(out *bytes.Buffer, dirs ...map[string]string) *Loader {
	var path []Dir
	for i, d := range dirs {
		fsys := fstest.MapFS{}
		for name, src := range d {
			fsys[name] = &fstest.MapFile{Data: []byte(src)}
		}
		path = append(path, Dir{Name: "dir" + string(rune('A'+i)), FS: fsys})
	}
	return NewLoader(Options{Path: path, TypeCheck: true, Tests: true, Stdout: out,
		Getenv: func(k string) string { return "env-" + k },
		ReadFile: func(name string) ([]byte, error) {
			if name == "/etc/motd" {
				return []byte("hello"), nil
			}
			return nil, errors.New("no such file")
		}})
}

func load(t *testing.T, src string) (*Module, string) {
	t.Helper()
	var out bytes.Buffer
	m, err := loader(&out).LoadSource("t.aug", src)
	require.NoError(t, err, out.String())
	return m, out.String()
}

func loadErr(t *testing.T, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	_, err := loader(&out).LoadSource("t.aug", src)
	require.Error(t, err)
	return out.String(), err
}

func TestValuesAndPromotion(t *testing.T) {
	m, _ := load(t, `module T =
let s = "a" . "b"
let r = "a" . /b+/
let u = "x" | "y"
let m = /[a-z]+/ - "if"
let slash = "\/"
let ci = /ab/i
let q = "a.b"
`)
	get := func(n string) Value { v, ok := m.Lookup(n); require.True(t, ok, n); return v }
	assert.Equal(t, String("ab"), get("s"))
	r := get("r").(*Regexp)
	assert.True(t, r.FA.Match("abbb"))
	assert.False(t, r.FA.Match("a"))
	u := get("u").(*Regexp)
	assert.True(t, u.FA.Match("y"))
	mm := get("m").(*Regexp)
	assert.False(t, mm.FA.Match("if"))
	assert.True(t, mm.FA.Match("iff"))
	// a promoted string keeps its backslashes as regexp escapes
	sl, _ := toRegexp(get("slash"))
	assert.True(t, sl.FA.Match("/"))
	ci := get("ci").(*Regexp)
	assert.True(t, ci.FA.Match("aB") && ci.NoCase)
	q, _ := toRegexp(get("q"))
	assert.True(t, q.FA.Match("a.b"))
	assert.False(t, q.FA.Match("axb"), "the dot of a promoted string is literal")
	assert.Equal(t, []string{"s", "r", "u", "m", "slash", "ci", "q"}, m.Names())
}

func TestFunctionsAndTests(t *testing.T) {
	_, out := load(t, `module T =
let eq = del /[ \t]*=[ \t]*/ "="
let kv (k:regexp) (v:regexp) = [ key k . eq . store v . del /\n/ "\n" ]
let num = kv /[a-z]+/
let lns = (num /[0-9]+/)*
let cmds = set "/b" "2" ; rm "/a"
test lns get "a = 1\nb=2\n" = { "a" = "1" } { "b" = "2" }
test lns put "a = 1\n" after cmds = "b=2\n"
test lns put "a = 1\nc=3\n" after insa "x" "/a" ; set "/x" "0" = "a = 1\nx=0\nc=3\n"
test lns get "a = 1\n" = ?
test lns get "a = x\n" = *
let _ = print_endline (Sys.getenv "HOME")
let motd = Sys.read_file "/etc/motd"
test [ key motd ] get "hello" = { "hello" }
`)
	assert.Equal(t, "Test result: t.aug:10:1:\n  { \"a\" = \"1\" }\n\nenv-HOME\n", out)
}

func TestTestFailureOutput(t *testing.T) {
	out, err := loadErr(t, `module T =
let lns = [ key /[a-z]+/ . del /=/ "=" . store /[0-9]+/ . del /\n/ "\n" ]*
test lns get "a=1\n" = { "a" = "2" } { }
test lns get "a=1\n" = { "never" }
`)
	assert.Equal(t, `Test failure:t.aug:3:1:
 Expected:
{ 
  { "a" = "2" }
  {  }
}

 Actual:
{ 
  { "a" = "1" }
}

`, out)
	var tf *TestFailure
	require.True(t, errors.As(err, &tf))
	assert.Equal(t, "t.aug:3:1: test failed: the trees differ", err.Error())

	out, err = loadErr(t, `module T =
let lns = [ key /[a-z]+/ . del /=/ "=" . store /[0-9]+/ . del /\n/ "\n" ]*
test lns put "a=1\n" after set "/a" "x" = "a=x\n"
`)
	assert.Contains(t, out, "t.aug:3:1: exception thrown in test\n")
	assert.Contains(t, err.Error(), `t.aug:3:1: exception thrown in test: t.aug:3:1: /: the tree { "a" = "x" }`)

	out, err = loadErr(t, `module T =
let lns = [ key /[a-z]+/ ]
test lns get "a" = *
`)
	assert.Equal(t, "t.aug:3:1:Test run should have produced exception, but produced\n{ \n  { \"a\" }\n}\n\n", out)
	assert.Equal(t, "t.aug:3:1: test should have produced an exception", err.Error())
}

func TestEvaluationErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{`let a = nosuch`, "t.aug:2:9: Undefined variable nosuch"},
		{`let a = Nosuch.x`, "t.aug:2:9: Could not find module Nosuch (looked for nosuch.aug in an empty search path)"},
		{`let a = del "x"`, ""}, // partial application is fine
		{`let a = del /x/ /y/`, "t.aug:2:17: type error: del expects string but found regexp"},
		{`let a = "x" . del /y/ "y"`, "t.aug:2:9: concatenation of string and lens is not possible"},
		{`let a = [ "x" ]`, "t.aug:2:9: [..] is only defined for lenses, not for string"},
		{`let a = "x" - /x|y/`, "t.aug:2:9: regular expression subtraction failed: regexp subtraction /x/ - /x|y/: empty result"},
		{`let rec a = a`, "t.aug:2:1: let rec a: the lens is defined as itself (infinite recursion)"},
		{`let rec a = "x"`, "t.aug:2:1: let rec is only possible for lenses, not for string"},
		{"let a = \"x\"\nlet a = \"y\"", "t.aug:3:1: the name a is already defined"},
		{`let a = /[a/`, "t.aug:2:9: invalid regexp /[a/: unbalanced bracket: missing ] at offset 0"},
		{`let a = (store /a*/)?`, "t.aug:2:1: Failed to compile a: illegal optional expression: /a*/ matches the empty word in lens at t.aug:2:1"},
		{`let a = transform (key /a/) (incl "/x")`, "t.aug:2:9: Can not build a transform from a lens that leaves a key behind"},
		{`let a = "x" "y"`, "t.aug:2:9: application of string to string is not possible: not a function"},
		{`let a = (set "/a" "b") ; "x"`, "t.aug:2:10: composition of tree -> ... and string is not possible"},
		{`test [ key /a/ ] put "a" after set "/b[" "x" = "b"`, "t.aug:2:1: exception thrown in test: t.aug:2:32: expected an expression: /b[|=| (offset 3)"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		_, err := loader(&out).LoadSource("t.aug", "module T =\n"+c.src+"\n")
		if c.want == "" {
			assert.NoError(t, err, c.src)
			continue
		}
		if !assert.Error(t, err, c.src) {
			continue
		}
		assert.True(t, strings.HasPrefix(err.Error(), c.want), "%s\n got %s\nwant %s", c.src, err, c.want)
	}
}

func TestModuleFileName(t *testing.T) {
	var out bytes.Buffer
	_, err := loader(&out).LoadSource("other.aug", "module T =\nlet a = \"x\"\n")
	require.Error(t, err)
	assert.Equal(t, "other.aug:1:1: The module T must be in a file named t.aug", err.Error())
}

func TestSearchPathShadowingAndCache(t *testing.T) {
	first := map[string]string{"util.aug": "module Util =\nlet who = \"first\"\n"}
	second := map[string]string{
		"util.aug":  "module Util =\nlet who = \"second\"\n",
		"other.aug": "module Other =\nlet who = Util.who . \"+other\"\n",
		"loop.aug":  "module Loop =\nlet x = Loop2.x\n",
		"loop2.aug": "module Loop2 =\nlet x = Loop.x\n",
	}
	var out, trace bytes.Buffer
	ld := loader(&out, first, second)
	ld.opts.Trace = &trace
	m, err := ld.Load("Other")
	require.NoError(t, err)
	v, _ := m.Lookup("who")
	assert.Equal(t, String("first+other"), v, "the earlier directory shadows the later one")
	m2, err := ld.Load("other") // case-insensitive, cached
	require.NoError(t, err)
	assert.Same(t, m, m2)
	assert.Equal(t, "Module dirA/util.aug loaded\nModule dirB/other.aug loaded\n", trace.String())
	assert.Equal(t, []string{"Other", "Util"}, ld.Modules())

	_, err = ld.Load("Loop")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "module Loop depends on itself")
	_, err2 := ld.Load("Loop")
	assert.Equal(t, err, err2, "a failed module keeps its error")

	l, err := ld.Lens("Util.who")
	assert.Nil(t, l)
	assert.EqualError(t, err, "Util.who: is a string, not a lens")
}

func TestSquareAndRec(t *testing.T) {
	_, _ = load(t, `module T =
let tag = key /[a-z]+/i
let close = del /[a-z]+/i "x"
let rec elem = [ del /</ "<" . square tag (del />/ ">" . elem* . del /<\// "</") close . del />/ ">" ]
test elem get "<a><B></b></A>" = { "a" { "B" } }
test elem put "<a></a>" after set "/a/c" "" = "<a><c></c></a>"
test elem get "<a></b>" = *
`)
}

func TestLongChainsDoNotNest(t *testing.T) {
	// long operator and application chains: evaluated iteratively, no stack growth
	src := "module T =\nlet a = ()" + strings.Repeat(` ; ()`, 50000) + " ; \"x\"\n"
	m, _ := load(t, src)
	v, _ := m.Lookup("a")
	assert.Equal(t, String("x"), v)
	src = "module T =\nlet f (a:string) = a\nlet b = " + strings.Repeat("f ", 30000) + "\"x\"\n"
	_, err := loadErr(t, src)
	assert.Equal(t, "t.aug:3:11: type error: f expects string but found string -> ...", err.Error())
}

// TestPrintedResults: `= ?` prints like augparse: an empty tree as
// "(null tree)" and a blank line after a tree, a put result as a quoted
// string with no blank line after it.
func TestPrintedResults(t *testing.T) {
	_, out := load(t, `module T =
let lns = [ key /[a-z]+/ . del "=" "=" . store /[0-9]+/ . del "\n" "\n" ]*
test lns get "" = ?
test lns put "a=1\n" after set "/b" "2" = ?
test lns get "a=1\n" = ?
`)
	assert.Equal(t, "Test result: t.aug:3:1:\n(null tree)\n\nTest result: t.aug:4:1:\n\"a=1\nb=2\n\"\nTest result: t.aug:5:1:\n  { \"a\" = \"1\" }\n\n", out)
}

func TestLensesAreNamedAfterTheirLet(t *testing.T) {
	m, _ := load(t, `module T =
let a = del /x/ "x"
let b = a
let c = a . a
let d = [ a ]
let e = a*
let f = d | [ key /y/ ]
let id (l:lens) = l
let g = id a
let h = let i = a in i
let j = ( a )
let k = () ; a
let n = [ key /k/ ]
`)
	lensOf := func(n string) *Lens {
		v, ok := m.Lookup(n)
		require.True(t, ok, n)
		l, ok := v.(*Lens)
		require.True(t, ok, n)
		return l
	}
	a := lensOf("a").L
	lines := map[string]int{"a": 2, "b": 3, "c": 4, "d": 5, "e": 6, "f": 7, "g": 9, "h": 10, "j": 11, "k": 12, "n": 13}
	for n, line := range lines {
		l := lensOf(n).L
		assert.Equal(t, "T."+n, l.Info().Name, n)
		assert.Equal(t, line, l.Info().Start.Line, n)
		if n != "a" {
			assert.NotSame(t, a, l, "%s shares a's lens", n)
		}
	}
	// the lenses a is used in are a's own, still named a
	assert.Same(t, a, lensOf("c").L.Children()[0])
	assert.Same(t, a, lensOf("d").L.Children()[0])
	assert.Same(t, lensOf("d").L, lensOf("f").L.Children()[0])
	// an anonymous lens inside one is known by where it was written
	key := lensOf("n").L.Children()[0]
	assert.Equal(t, "", key.Info().Name)
	assert.Equal(t, "t.aug:13:11", key.Info().Start.String())
}

func TestModulesAreFoundWhateverTheirCase(t *testing.T) {
	ld := loader(&bytes.Buffer{}, map[string]string{"util.aug": "module Util =\nlet x = \"x\"\n"})
	_, err := ld.Load("Util")
	require.NoError(t, err)
	ld.modules["émile"] = &Module{Name: "Émile"}
	for _, name := range []string{"Util", "util", "UTIL", "uTiL", "Émile", "ÉMILE", "émile"} {
		m, ok := ld.module(name)
		require.True(t, ok, name)
		assert.True(t, strings.EqualFold(name, m.Name), name)
	}
	for _, name := range []string{"Utils", "Emile", "", strings.Repeat("Util", 10)} {
		_, ok := ld.module(name)
		assert.False(t, ok, name)
	}
}
