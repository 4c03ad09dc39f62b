package main

import (
	"fmt"
	"io"
	"strings"
)

// A family is a top-level command made of verbs, "lensnet NAME
// [OPTIONS] VERB ARGS...": regexp today, iface and net next. T is what
// its verbs run on (the family's options, its output, an open backend),
// made by the family's own run function before it calls run.
type family[T any] struct {
	Name     string
	Synopsis string // after "lensnet ": "regexp [-i] COMMAND ARGS..."
	Doc      string // the paragraphs of usage between its first line and the verbs
	Verbs    []verb[T]
	Options  string // usage's options section, "" if the family has none
}

// A verb is one command of a family.
type verb[T any] struct {
	Name string
	// MinArgs and MaxArgs bound the arguments after the verb; MaxArgs
	// -1 is no bound.
	MinArgs, MaxArgs int
	Usage            string // "match PATTERN WORD..."
	Short            string // what usage says of it, wrapped there
	Run              func(x T, args []string) int
}

// run runs the verb args[0] of f on x with the rest of args, after
// checking them; usage errors go to stderr with f's usage, status 2.
func (f *family[T]) run(x T, args []string, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, f.usage())
		return 2
	}
	v := f.verb(args[0])
	if v == nil {
		fmt.Fprintf(stderr, "lensnet: unknown %s command %q\n%s", f.Name, args[0], f.usage())
		return 2
	}
	rest := args[1:]
	if len(rest) < v.MinArgs || v.MaxArgs >= 0 && len(rest) > v.MaxArgs {
		fmt.Fprintf(stderr, "lensnet: wrong number of arguments for %s\n%s", v.Name, f.usage())
		return 2
	}
	return v.Run(x, rest)
}

// verb finds a verb of f by name, nil if none.
func (f *family[T]) verb(name string) *verb[T] {
	for i := range f.Verbs {
		if f.Verbs[i].Name == name {
			return &f.Verbs[i]
		}
	}
	return nil
}

// usage is the text of 'lensnet help NAME', also shown with usage
// errors: the synopsis, Doc, the verbs, the options.
func (f *family[T]) usage() string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: lensnet %s\n\n%s\ncommands:\n", f.Synopsis, f.Doc)
	for _, v := range f.Verbs {
		listEntry(&b, 2, 24, v.Usage, v.Short)
	}
	if f.Options != "" {
		fmt.Fprintf(&b, "\noptions:\n%s", f.Options)
	}
	return b.String()
}

// usageWidth is the width usage texts fit in.
const usageWidth = 79

// listEntry writes one entry of a usage list: name indented by indent,
// then text wrapped to usageWidth in a column col further right, on
// the name's line if the name leaves room.
func listEntry(b *strings.Builder, indent, col int, name, text string) {
	pad := strings.Repeat(" ", indent)
	fmt.Fprintf(b, "%s%s", pad, name)
	if len(name) < col {
		b.WriteString(strings.Repeat(" ", col-len(name)))
	} else {
		fmt.Fprintf(b, "\n%s%s", pad, strings.Repeat(" ", col))
	}
	for i, l := range wrap(text, usageWidth-indent-col) {
		if i > 0 {
			fmt.Fprintf(b, "%s%s", pad, strings.Repeat(" ", col))
		}
		fmt.Fprintf(b, "%s\n", l)
	}
}
