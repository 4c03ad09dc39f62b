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
