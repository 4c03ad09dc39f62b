package main

import (
	"io"
	"os"
	"testing"
)

func TestProfOne(t *testing.T) {
	f := os.Getenv("PROF_FILE")
	if f == "" {
		t.Skip()
	}
	run([]string{"check", "-I", "/usr/share/augeas/lenses/dist", f}, nil, io.Discard, io.Discard)
}
