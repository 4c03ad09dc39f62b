package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lensnet/lensnet"
)

// The commands that go between trees and text: source and preview (the
// file of a node, the text a save would write), store and retrieve (a
// lens on the text of a node).

var cmdSource = command{
	Name: "source", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Informational", Usage: "source <PATH>", Short: "show the file a node comes from",
	Help: "Print the /files path of the file the single node PATH comes from.",
	Args: []string{"<PATH>  a node inside a file's tree"},
	Run: func(s *shell, args []string) bool {
		file, err := s.h.Source(args[0])
		if !s.inFile(args[0], err) {
			return false
		}
		s.p.source(args[0], file)
		return true
	},
}

var cmdPreview = command{
	Name: "preview", MinArgs: 1, MaxArgs: 1, PathArgs: []int{0},
	Group: "Informational", Usage: "preview <PATH>", Short: "show the text a save would write for a file",
	Help: "Print the text a save would write for the file the single node PATH belongs to; nothing is written.",
	Args: []string{"<PATH>  a node inside a file's tree"},
	Run: func(s *shell, args []string) bool {
		text, err := s.h.Preview(args[0])
		if !s.inFile(args[0], err) {
			return false
		}
		s.p.preview(args[0], text)
		return true
	},
}

// inFile reports the failure (err) of source or preview of path, if
// any.
func (s *shell) inFile(path string, err error) bool {
	switch {
	case errors.Is(err, lensnet.ErrNoFile):
		s.p.report(codeNoFile, "Invalid argument in function call", fmt.Sprintf("Path %s is not associated with a file", path), path)
	case errors.Is(err, lensnet.ErrManyMatches):
		s.tooMany(path, err)
	case err != nil:
		s.p.pathErr(err)
	default:
		return true
	}
	return false
}

var cmdStore = command{
	Name: "store", MinArgs: 3, MaxArgs: 3, PathArgs: []int{1, 2},
	Group: "Admin", Usage: "store <LENS> <NODE> <PATH>", Short: "read a node's text into a tree with a lens",
	Help: "Parse the value of NODE with LENS and put the tree at PATH. Failures are recorded under /augeas/text/<PATH>/error.",
	Args: []string{"<LENS>  the lens", "<NODE>  the node whose value is parsed", "<PATH>  where the tree goes"},
	Run: func(s *shell, args []string) bool {
		return s.lensDone(args, s.h.Store(args[0], args[1], args[2]))
	},
}

var cmdRetrieve = command{
	Name: "retrieve", MinArgs: 4, MaxArgs: 4, PathArgs: []int{1, 2, 3},
	Group: "Admin", Usage: "retrieve <LENS> <NODE_IN> <PATH> <NODE_OUT>", Short: "write a tree as text with a lens",
	Help: "Write the tree at PATH as text with LENS, keeping the layout of the text in NODE_IN, and store the result in NODE_OUT. Failures are recorded under /augeas/text/<PATH>/error.",
	Args: []string{"<LENS>      the lens", "<NODE_IN>   the node whose value is the original text", "<PATH>      the tree to write", "<NODE_OUT>  the node that receives the text"},
	Run: func(s *shell, args []string) bool {
		return s.lensDone(args, s.h.Retrieve(args[0], args[1], args[2], args[3]))
	},
}

// lensDone reports how store or retrieve with the lens args[0] on the
// text node args[1] went.
func (s *shell) lensDone(args []string, err error) bool {
	var te *lensnet.TextError
	switch {
	case err == nil:
	case errors.As(err, &te):
		// as augtool: recorded under /augeas/text (errors shows it)
	case errors.Is(err, lensnet.ErrNoLens):
		detail := "Can not find lens " + args[0]
		if !strings.Contains(err.Error(), "Could not find module") {
			detail += ": " + err.Error() // the module is there but broken
		}
		s.p.report(codeNoLens, "Lens not found", detail, "")
		return false
	case errors.Is(err, lensnet.ErrNoMatch):
		s.p.report(codeNoMatch, "No match for path expression", fmt.Sprintf("Source node %s does not exist", args[1]), args[1])
		return false
	case errors.Is(err, lensnet.ErrManyMatches):
		s.tooMany(args[1], err)
		return false
	default:
		s.p.pathErr(err)
		return false
	}
	return true
}
