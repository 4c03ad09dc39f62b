package xform

import "slices"

// Entry is one key and its value in a Record.
type Entry struct {
	Key, Value string
}

// Record is the configuration side of one XML element: an ordered list
// of keys and values, a key possibly repeated (an ifcfg file's
// variables, a Debian stanza's option lines). Values are decoded: the
// backend's Codec has taken quoting off.
type Record struct {
	Entries []Entry
}

// Values returns the values of key in order.
func (r *Record) Values(key string) []string {
	var vs []string
	for _, e := range r.Entries {
		if e.Key == key {
			vs = append(vs, e.Value)
		}
	}
	return vs
}

// Value returns the first value of key.
func (r *Record) Value(key string) (string, bool) {
	for _, e := range r.Entries {
		if e.Key == key {
			return e.Value, true
		}
	}
	return "", false
}

// Has reports whether key is present.
func (r *Record) Has(key string) bool {
	_, ok := r.Value(key)
	return ok
}

// Keys returns the distinct keys in order of first appearance.
func (r *Record) Keys() []string {
	var ks []string
	for _, e := range r.Entries {
		if !slices.Contains(ks, e.Key) {
			ks = append(ks, e.Key)
		}
	}
	return ks
}

// Add appends an entry.
func (r *Record) Add(key, value string) {
	r.Entries = append(r.Entries, Entry{key, value})
}

// Set replaces every value of key with values: the first ones take the
// places of the old entries, the rest are appended.
func (r *Record) Set(key string, values ...string) {
	var out []Entry
	i := 0
	for _, e := range r.Entries {
		if e.Key != key {
			out = append(out, e)
			continue
		}
		if i < len(values) {
			out = append(out, Entry{key, values[i]})
			i++
		}
	}
	for ; i < len(values); i++ {
		out = append(out, Entry{key, values[i]})
	}
	r.Entries = out
}

// Del removes every entry of key.
func (r *Record) Del(key string) { r.Set(key) }

// Clone returns a copy of the record.
func (r *Record) Clone() *Record {
	return &Record{Entries: slices.Clone(r.Entries)}
}
