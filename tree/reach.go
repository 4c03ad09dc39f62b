package tree

// This file tells which part of a tree a path can see, for engines that
// read the files under /files on demand: a path that can only reach
// the subtrees of a few literal locations under /files needs only the
// files there.

// FilesReach returns the locations under /files that bound everything
// the path can see when evaluated: each is a list of labels (for
// /files/etc/hosts, ["etc", "hosts"]), and the path reads only the
// subtrees of those nodes and the nodes on the way to them. Relative
// paths start at /files when relFiles is set. ok is false when the path
// can see more: a step that leaves a subtree (.., ancestor, siblings,
// root), a wildcard or predicate right under /files, a variable or a
// filter expression, a path that does not start with /files (/augeas,
// /), or a relative path with relFiles unset.
//
// A location ends at the first step that is not a plain child step
// with a literal label and no predicate; the steps after it may only
// go down (child, descendant, self), and so may the relative paths in
// every predicate. An absolute path in a predicate adds its own
// locations.
func (p *Path) FilesReach(relFiles bool) (locs [][]string, ok bool) {
	r := &reacher{relFiles: relFiles, ok: true}
	r.expr(p.e, false)
	if !r.ok {
		return nil, false
	}
	return r.locs, true
}

type reacher struct {
	relFiles bool
	ok       bool
	locs     [][]string
}

// expr records what e can see; inside is set in a predicate, where a
// relative path starts at a node of a location's subtree.
func (r *reacher) expr(e *expr, inside bool) {
	if e == nil || !r.ok {
		return
	}
	switch e.kind {
	case exNumber, exString:
	case exVar:
		r.ok = false
	case exCall, exBinary:
		for _, a := range e.args {
			r.expr(a, inside)
		}
	case exPath:
		r.path(e.lp, inside)
	default:
		r.ok = false
	}
}

func (r *reacher) path(lp *locPath, inside bool) {
	if lp.filter != nil || len(lp.fpreds) > 0 {
		r.ok = false
		return
	}
	steps := lp.steps
	switch {
	case lp.abs || (!inside && r.relFiles):
		if lp.abs {
			if len(steps) == 0 || !literal(steps[0]) || steps[0].name != "files" {
				r.ok = false
				return
			}
			steps = steps[1:]
		}
		loc := []string{}
		for len(steps) > 0 && literal(steps[0]) {
			loc = append(loc, steps[0].name)
			steps = steps[1:]
		}
		if len(loc) == 0 && len(steps) > 0 {
			r.ok = false // a wildcard, // or predicate over all of /files
			return
		}
		r.locs = append(r.locs, loc)
	case !inside:
		r.ok = false // relative to a context elsewhere
		return
	}
	for _, st := range steps {
		switch st.axis {
		case axChild, axSelf, axDescendant, axDescendantOrSelf, axSeq:
		default:
			r.ok = false
			return
		}
		for _, pr := range st.preds {
			r.expr(pr, true)
		}
	}
}

// literal reports whether st is a plain child step with a literal label
// and no predicate.
func literal(st *step) bool {
	return st.axis == axChild && st.test == testName && len(st.preds) == 0
}
