package lensnet

import (
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/tree"
)

// Span is where a node is in its file: byte ranges of its label, its
// value and its whole text (End exclusive); a range that does not apply
// is 0:0.
type Span struct {
	File       string `json:"file"` // the file's name with the root, as augtool shows it
	LabelStart int    `json:"label_start"`
	LabelEnd   int    `json:"label_end"`
	ValueStart int    `json:"value_start"`
	ValueEnd   int    `json:"value_end"`
	Start      int    `json:"span_start"`
	End        int    `json:"span_end"`
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
	s := n.Span
	if s == (tree.Span{}) {
		return Span{}, fmt.Errorf("%s: %w", p, ErrNoSpan)
	}
	if s.LabelStart < s.LabelEnd { // a label from the text, not from label/seq
		sp.LabelStart, sp.LabelEnd = s.LabelStart, s.LabelEnd
	}
	sp.ValueStart, sp.ValueEnd = s.ValueStart, s.ValueEnd
	sp.Start, sp.End = s.Start, s.End
	return sp, nil
}
