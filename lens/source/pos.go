package source

import "fmt"

// Pos is a position in a text: a file name (may be empty), the byte
// offset, and the 1-based line and column (column counted in bytes).
type Pos struct {
	Filename string
	Offset   int
	Line     int
	Column   int
}

// IsValid reports whether the position has a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String returns file:line:col, line:col without a file name, or "-" for
// an invalid position.
func (p Pos) String() string {
	s := p.Filename
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	if s == "" {
		s = "-"
	}
	return s
}

// PosOf returns the position of byte offset off in text.
func PosOf(filename, text string, off int) Pos {
	off = max(0, min(off, len(text)))
	line, col := 1, 1
	for i := 0; i < off; i++ {
		if text[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return Pos{Filename: filename, Offset: off, Line: line, Column: col}
}

// Span is a source range: Start is its first byte, End the position
// just past its last byte.
type Span struct {
	Start, End Pos
}

// Info returns the span as the Info of a lens bound to name, the form
// the lens engine uses to tell where a lens was written.
func (s Span) Info(name string) Info {
	return Info{Start: s.Start, End: s.End, Name: name}
}

// Info says where a lens was written: the source range of its expression
// in a lens module, and the name it was bound to, if any. Lenses built in
// Go have a zero Info unless one is set with WithInfo.
type Info struct {
	Start, End Pos
	Name       string
}

// String describes the lens for messages: "name at file:line:col", or
// whichever of the two is known, or "lens" for an anonymous Go lens.
func (i Info) String() string {
	switch {
	case i.Name != "" && i.Start.IsValid():
		return i.Name + " at " + i.Start.String()
	case i.Name != "":
		return i.Name
	case i.Start.IsValid():
		return i.Start.String()
	}
	return "lens"
}
