package cmdline

import (
	"fmt"
	"strings"
)

// Split splits a command line as augtool does: blanks separate
// words, quotes group them (and are removed), text inside [ ] is kept
// as written, and backslash escapes: \t \n, \\ for a backslash, \' \"
// for a quote, "\ " for a blank inside a word; \[ \] \| \/ \= \( \) \!
// \, pass on with their backslash (for the path language); any other
// escape is an error. Errors read as augtool's ("unmatched '",
// "unknown escape sequence: q").
func Split(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord, depth := false, 0
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\':
			if i+1 >= len(line) {
				return nil, fmt.Errorf("unknown escape sequence: ")
			}
			i++
			e := line[i]
			switch e {
			case 't':
				cur.WriteByte('\t')
			case 'n':
				cur.WriteByte('\n')
			case '\\':
				cur.WriteByte('\\')
			case '\'', '"':
				if quote != 0 && quote != e {
					cur.WriteByte('\\')
				}
				cur.WriteByte(e)
			case ' ', '\t':
				if quote != 0 {
					cur.WriteByte('\\')
				}
				cur.WriteByte(e)
			case '[', ']', '|', '/', '=', '(', ')', '!', ',':
				cur.WriteByte('\\')
				cur.WriteByte(e)
			default:
				return nil, fmt.Errorf("unknown escape sequence: %c", e)
			}
			inWord = true
		case quote != 0:
			// as augtool, brackets count inside quotes too (a "]"
			// without "[" is kept as it is)
			switch {
			case c == quote:
				quote = 0
			case c == '[':
				depth++
				cur.WriteByte(c)
			case c == ']' && depth > 0:
				depth--
				cur.WriteByte(c)
			default:
				cur.WriteByte(c)
			}
		case depth > 0:
			cur.WriteByte(c)
			switch c {
			case '[':
				depth++
			case ']':
				depth--
			}
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == '[':
			depth++
			cur.WriteByte(c)
			inWord = true
		case c == ']':
			return nil, fmt.Errorf("unmatched [")
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if depth > 0 {
		return nil, fmt.Errorf("unmatched [")
	}
	if quote != 0 {
		return nil, fmt.Errorf("unmatched %c", quote)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
