package files

import "strings"

// DropHidden removes from names, the matches of the glob pattern, those
// in which a component starting with a dot is matched by a pattern
// component that does not start with a literal dot: as in glob(3),
// which Augeas uses, a wildcard never matches a leading dot ("*"
// matches "a.conf", not ".a.conf"). So a file such as WriteFile's
// temporary ".NAME.lensnet-…" is never loaded as a configuration file.
// names is filtered in place.
func DropHidden(pattern string, names []string) []string {
	pat := strings.Split(strings.Trim(pattern, "/"), "/")
	out := names[:0]
	for _, n := range names {
		if !hiddenMatch(pat, strings.Split(strings.Trim(n, "/"), "/")) {
			out = append(out, n)
		}
	}
	return out
}

func hiddenMatch(pat, name []string) bool {
	if len(pat) != len(name) {
		return false
	}
	for i, c := range name {
		if strings.HasPrefix(c, ".") && !strings.HasPrefix(pat[i], ".") {
			return true
		}
	}
	return false
}
