package regular

// The simplifying constructors keep regexps built from automata and from
// combinators short: they flatten nested concatenations and unions, merge
// byte sets in unions, and drop neutral elements.

func simplifyConcat(subs []*Regexp) *Regexp {
	var out []*Regexp
	for _, s := range subs {
		switch s.Op {
		case OpNone:
			return &Regexp{Op: OpNone}
		case OpEmpty:
			continue
		case OpConcat:
			out = append(out, s.Sub...)
		default:
			out = append(out, s)
		}
	}
	switch len(out) {
	case 0:
		return &Regexp{Op: OpEmpty}
	case 1:
		return out[0]
	}
	return &Regexp{Op: OpConcat, Sub: out}
}

func simplifyAlt(subs []*Regexp) *Regexp {
	var out []*Regexp
	setAt := -1
	hasEmpty := false
	seen := map[string]bool{}
	var add func(s *Regexp)
	add = func(s *Regexp) {
		switch s.Op {
		case OpNone:
			return
		case OpAlt:
			for _, sub := range s.Sub {
				add(sub)
			}
			return
		case OpEmpty:
			hasEmpty = true
			return
		case OpQuest:
			hasEmpty = true
			add(s.Sub[0])
			return
		case OpSet:
			if setAt >= 0 {
				out[setAt] = &Regexp{Op: OpSet, Set: out[setAt].Set.Union(s.Set)}
				return
			}
			setAt = len(out)
		}
		key := s.String()
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, s)
	}
	for _, s := range subs {
		add(s)
	}
	var re *Regexp
	switch len(out) {
	case 0:
		if hasEmpty {
			return &Regexp{Op: OpEmpty}
		}
		return &Regexp{Op: OpNone}
	case 1:
		re = out[0]
	default:
		re = &Regexp{Op: OpAlt, Sub: out}
	}
	if hasEmpty {
		return simplifyQuest(re)
	}
	return re
}

func simplifyStar(re *Regexp) *Regexp {
	switch re.Op {
	case OpNone, OpEmpty:
		return &Regexp{Op: OpEmpty}
	case OpStar:
		return re
	case OpPlus, OpQuest:
		return simplifyStar(re.Sub[0])
	}
	return &Regexp{Op: OpStar, Sub: []*Regexp{re}}
}

func simplifyQuest(re *Regexp) *Regexp {
	switch re.Op {
	case OpNone, OpEmpty:
		return &Regexp{Op: OpEmpty}
	case OpStar, OpQuest:
		return re
	case OpPlus:
		return &Regexp{Op: OpStar, Sub: re.Sub}
	}
	return &Regexp{Op: OpQuest, Sub: []*Regexp{re}}
}
