package lensnet

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/tree"
)

// Span is where a node is in its file: the file, and the byte ranges
// of the node's label, its value and its whole text in it, as the
// node's tree.Span holds them (End exclusive); a range that does not
// apply is 0:0.
type Span struct {
	File string // the file's name with the root, as augtool shows it
	tree.Span
}

// spanJSON is Span in JSON, with the names augtool gives the parts.
type spanJSON struct {
	File       string `json:"file"`
	LabelStart int    `json:"label_start"`
	LabelEnd   int    `json:"label_end"`
	ValueStart int    `json:"value_start"`
	ValueEnd   int    `json:"value_end"`
	Start      int    `json:"span_start"`
	End        int    `json:"span_end"`
}

// MarshalJSON writes the span as one flat object: file, label_start,
// label_end, value_start, value_end, span_start, span_end.
func (s Span) MarshalJSON() ([]byte, error) {
	return json.Marshal(spanJSON{s.File, s.LabelStart, s.LabelEnd, s.ValueStart, s.ValueEnd, s.Start, s.End})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Span) UnmarshalJSON(b []byte) error {
	var j spanJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*s = Span{File: j.File, Span: tree.Span{LabelStart: j.LabelStart, LabelEnd: j.LabelEnd,
		ValueStart: j.ValueStart, ValueEnd: j.ValueEnd, Start: j.Start, End: j.End}}
	return nil
}

// Span returns where the single node p is in the file it was read
// from, as augtool's span.
func (h *Handle) Span(p string) (Span, error) {
	if !h.spans {
		return Span{}, ErrSpanDisabled
	}
	n, err := h.one(p)
	if err != nil {
		return Span{}, err
	}
	node, fp, err := h.fileOfNode(n)
	if err != nil {
		return Span{}, fmt.Errorf("%s: %w", p, ErrNoSpan)
	}
	root, _ := h.metaValue("root")
	sp := Span{File: strings.TrimSuffix(root, "/") + fp}
	if n == node {
		sp.End = len(h.files[fp].text)
		return sp, nil
	}
	if n.Span == (tree.Span{}) {
		return Span{}, fmt.Errorf("%s: %w", p, ErrNoSpan)
	}
	sp.Span = n.Span
	if sp.LabelStart >= sp.LabelEnd { // a label from label/seq, not from the text
		sp.LabelStart, sp.LabelEnd = 0, 0
	}
	return sp, nil
}
