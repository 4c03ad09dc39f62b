package tree

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/lensnet/lensnet/regular"
)

// This file holds the functions of the path language (last(),
// count(), regexp(), ...) and the regexps they make.

// funcArity gives the smallest and largest number of arguments.
var funcArity = map[string][2]int{
	"last": {0, 0}, "position": {0, 0}, "label": {0, 0}, "modified": {0, 0},
	"count": {1, 1}, "not": {1, 1}, "int": {1, 1}, "glob": {1, 1}, "regexp": {1, 2},
}

func (s *evalState) call(e *expr, c ectx) (value, error) {
	switch e.str {
	case "last":
		return value{kind: vNumber, num: c.last}, nil
	case "position":
		return value{kind: vNumber, num: c.pos}, nil
	case "label":
		return value{kind: vString, str: c.n.label}, nil
	case "modified":
		return value{kind: vBool, b: c.n.Modified()}, nil
	}
	args := make([]value, len(e.args))
	for i, a := range e.args {
		v, err := s.eval(a, c)
		if err != nil {
			return v, err
		}
		args[i] = v
	}
	a := args[0]
	switch e.str {
	case "count":
		if a.kind != vNodes {
			return a, s.errorf(e, "type error: count() needs a node set")
		}
		return value{kind: vNumber, num: len(a.nodes)}, nil
	case "not":
		if a.kind != vBool {
			return a, s.errorf(e, "type error: not() needs a boolean")
		}
		return value{kind: vBool, b: !a.b}, nil
	case "int":
		var str string
		switch a.kind {
		case vNumber:
			return a, nil
		case vBool:
			if a.b {
				return value{kind: vNumber, num: 1}, nil
			}
			return value{kind: vNumber}, nil
		case vString:
			str = a.str
		case vNodes:
			if len(a.nodes) != 1 {
				// Augeas fails as a path that must select one node
				// does, for none too
				return a, fmt.Errorf("%s: int() of %d nodes: %w", s.src, len(a.nodes), ErrManyMatches)
			}
			str = a.nodes[0].value
		default:
			return a, s.errorf(e, "type error: int() of a regexp")
		}
		n, err := strconv.Atoi(str)
		if err != nil {
			return a, s.errorf(e, "illegal number %q", str)
		}
		return value{kind: vNumber, num: n}, nil
	}
	// regexp and glob
	var pats []string
	switch a.kind {
	case vString:
		pats = []string{a.str}
	case vNodes:
		for _, n := range a.nodes {
			if n.hasValue {
				pats = append(pats, n.value)
			}
		}
	default:
		return a, s.errorf(e, "type error: %s() needs a string or a node set", e.str)
	}
	for i, pt := range pats {
		if e.str == "glob" {
			pt = globToRegexp(pt)
		}
		if len(pats) > 1 {
			pt = "(" + pt + ")"
		}
		pats[i] = pt
	}
	pat := strings.Join(pats, "|")
	if len(pats) == 0 {
		pat = noMatch
	}
	fold := false
	if len(args) == 2 {
		if args[1].kind != vString || args[1].str != "i" {
			return a, s.errorf(e, "wrong flag for regexp")
		}
		fold = true
	}
	if _, err := s.regexp(pat, fold); err != nil {
		return a, s.errorf(e, "invalid regular expression: %s", regexpMessage(err))
	}
	return value{kind: vRegexp, str: pat, fold: fold}, nil
}

// globToRegexp turns a glob into a regexp: * and ? do not match '/',
// everything else is literal.
func globToRegexp(g string) string {
	var b strings.Builder
	for i := 0; i < len(g); i++ {
		switch c := g[i]; c {
		case '*':
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '.', '[', ']', '(', ')', '{', '}', '+', '|', '^', '$', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// regexp compiles a pattern of Augeas's regexp dialect (the one lenses
// use, package regular); it matches whole strings, as Augeas's paths do.
func (s *evalState) regexp(pat string, fold bool) (*regular.FA, error) {
	key := pat
	var flags regular.Flags
	if fold {
		key, flags = "i\x00"+pat, regular.FoldCase
	}
	if re, ok := s.res[key]; ok {
		return re, nil
	}
	re, err := regular.CompilePattern(pat, flags)
	if err != nil {
		return nil, err
	}
	if s.res == nil {
		s.res = make(map[string]*regular.FA)
	}
	s.res[key] = re
	return re, nil
}

// regexpMessage words a regexp syntax error as GNU regcomp does, which
// augtool prints ("Unmatched ( or \\("), when there is such a message.
func regexpMessage(err error) string {
	msg := err.Error()
	for _, m := range []struct{ ours, gnu string }{
		{"unmatched (", `Unmatched ( or \(`},
		{"unmatched )", `Unmatched ) or \)`},
		{"unbalanced bracket", "Unmatched [, [^, [:, [., or [="},
		{"nothing to repeat", "Invalid preceding regular expression"},
		{"invalid preceding regular expression", "Invalid preceding regular expression"},
		{"trailing backslash", "Trailing backslash"},
		{"invalid range", "Invalid range end"},
		{"bad interval", `Invalid content of \{\}`},
	} {
		if strings.Contains(msg, m.ours) {
			return m.gnu
		}
	}
	return msg
}
