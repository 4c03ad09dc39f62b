package initscripts

import "strings"

// shell is the Codec of ifcfg values: the Shellvars lens keeps a
// value's quotes, which mean nothing to the XML.
type shell struct{}

// IsKey: every variable is a key; comments and Shellvars' structure
// (@unset, @builtin...) are not.
func (shell) IsKey(label string) bool {
	return label != "" && label[0] != '#' && label[0] != '@'
}

// Decode reads a shell word: '...' literally, "..." with \ before
// " \ $ `, and \ escaping outside quotes.
func (shell) Decode(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '\'':
			j := strings.IndexByte(raw[i+1:], '\'')
			if j < 0 {
				b.WriteString(raw[i+1:])
				return b.String()
			}
			b.WriteString(raw[i+1 : i+1+j])
			i += j + 1
		case '"':
			for i++; i < len(raw) && raw[i] != '"'; i++ {
				if raw[i] == '\\' && i+1 < len(raw) && strings.IndexByte("\"\\$`", raw[i+1]) >= 0 {
					i++
				}
				b.WriteByte(raw[i])
			}
		case '\\':
			if i+1 < len(raw) {
				i++
				b.WriteByte(raw[i])
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Encode writes v in the quotes old had (none, single or double); a
// new value, or one the old style cannot hold, is bare when it needs
// no quotes and in double quotes otherwise.
func (shell) Encode(v string, old *string) string {
	if old != nil && *old != "" {
		switch (*old)[0] {
		case '"':
			return dquote(v)
		case '\'':
			if !strings.Contains(v, "'") {
				return "'" + v + "'"
			}
		}
	}
	if bare(v) {
		return v
	}
	return dquote(v)
}

func dquote(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(v); i++ {
		if strings.IndexByte("\"\\$`", v[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(v[i])
	}
	b.WriteByte('"')
	return b.String()
}

// bare reports whether v needs no quotes in a shell assignment.
func bare(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_.:/@%+,=-", c) >= 0) {
			return false
		}
	}
	return true
}
