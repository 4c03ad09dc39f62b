package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestGOGCFor: the pace puts the next collection at the budget while
// the live heap is small, at live plus its share above it, and at most
// maxHeadroom above a large one.
func TestGOGCFor(t *testing.T) {
	goal := func(live int64) int64 { return live + live*int64(gogcFor(live))/100 }
	for _, live := range []int64{0, 1, 1 << 20, 8 << 20, 10 << 20} {
		assert.InDelta(t, heapBudget, goal(max(live, 1)), float64(heapBudget)/100, "live %d", live)
	}
	for _, live := range []int64{30 << 20, 100 << 20, 256 << 20} {
		assert.InDelta(t, live+live*headroomPercent/100, goal(live), float64(live)/100, "live %d", live)
	}
	for _, live := range []int64{1 << 30, 4 << 30} {
		assert.InDelta(t, live+maxHeadroom, goal(live), float64(live)/100, "live %d", live)
	}
}
