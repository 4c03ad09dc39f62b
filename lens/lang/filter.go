package lang

import (
	"path"
	"strings"
)

// Matches reports whether a transform with this filter claims the file at
// name (an absolute, slash-separated path under the root): it must match
// an include glob and no exclude glob. Globs follow fnmatch(3) with
// FNM_PATHNAME, as Augeas applies them: "*", "?" and bracket expressions
// ("[!a-z]" negates) never match "/", and an exclude glob without "/" is
// matched against the base name only. Repeated slashes in name count as
// one. A malformed glob matches nothing.
func (f Filter) Matches(name string) bool {
	for strings.Contains(name, "//") {
		name = strings.ReplaceAll(name, "//", "/")
	}
	included := false
	for _, g := range f {
		if g.Include && globMatch(g.Pattern, name) {
			included = true
			break
		}
	}
	if !included {
		return false
	}
	base := path.Base(name)
	for _, g := range f {
		if g.Include {
			continue
		}
		subject := name
		if !strings.Contains(g.Pattern, "/") {
			subject = base
		}
		if globMatch(g.Pattern, subject) {
			return false
		}
	}
	return true
}

// globMatch matches one fnmatch-style glob; path.Match has the same
// FNM_PATHNAME rules but spells bracket negation "[^". The literal text
// before the first wildcard must begin name, and a glob that is that
// text, "*" and more text ("*.dpkg-old") needs no path.Match: so are
// most of a library's globs.
func globMatch(pattern, name string) bool {
	lit := strings.IndexAny(pattern, `*?[\`)
	if lit < 0 {
		return pattern == name
	}
	if !strings.HasPrefix(name, pattern[:lit]) {
		return false
	}
	pattern, name = pattern[lit:], name[lit:]
	if rest := pattern[1:]; pattern[0] == '*' && !strings.ContainsAny(rest, `*?[\`) {
		// "*.conf", the usual exclude: a suffix within one name
		return strings.HasSuffix(name, rest) && !strings.Contains(name[:len(name)-len(rest)], "/")
	}
	if strings.Contains(pattern, "[!") {
		pattern = strings.ReplaceAll(pattern, "[!", "[^")
	}
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}

// concatFilters is the filter l . r. Augeas keeps a filter as a linked
// list and joins two of them without copying where it can: a right
// operand just built (incl "x", or a concatenation) goes in front of the
// left one, so that a chain of literals ends up in the reverse of its
// written order; a right operand that is shared, because it was read
// from a name (Util.stdexcl), goes after the left one instead. In our
// Filter, which holds Augeas's order reversed, the first case is l
// followed by r and the second r followed by l. rNamed says whether the
// right operand was written as a name.
//
// Augeas decides by reference counts, which only a name raises among
// the ways a module writes a filter; a function that returns its
// argument unchanged would also share it, and is not told apart here.
// Joining onto a shared list also extends that list in place in Augeas
// (a name on the right appended to a left operand whose tail came from
// another name), which no module of Augeas's library does and which is
// not reproduced.
func concatFilters(l, r Filter, rNamed bool) Filter {
	out := make(Filter, 0, len(l)+len(r))
	if rNamed {
		return append(append(out, r...), l...)
	}
	return append(append(out, l...), r...)
}
