package syntax

import "strings"

// Imports lists the modules m's definitions name (Util in Util.eol), in
// the order they are first named, each once, whatever its case: the
// order in which a module's definitions are compiled loads them.
// Tests are left out.
func (m *Module) Imports() []string {
	var out []string
	spelt := map[string]bool{} // each spelling once, not lowered each time it is named
	seen := map[string]bool{}
	var walk func(e Expr)
	walk = func(e Expr) {
		switch e := e.(type) {
		case *Ident:
			if e.Module == "" || spelt[e.Module] {
				break
			}
			spelt[e.Module] = true
			if k := strings.ToLower(e.Module); !seen[k] {
				seen[k] = true
				out = append(out, e.Module)
			}
		case *Binary:
			walk(e.Left)
			walk(e.Right)
		case *Apply:
			walk(e.Func)
			walk(e.Arg)
		case *Postfix:
			walk(e.X)
		case *Subtree:
			walk(e.X)
		case *LetIn:
			walk(e.Value)
			walk(e.Body)
		}
	}
	for _, d := range m.Decls {
		if l, ok := d.(*Let); ok {
			walk(l.Body)
		}
	}
	return out
}
