package main

import (
	"fmt"
	"io"
	"strings"
)

// A family is a top-level command made of verbs, "lensnet NAME
// [OPTIONS] VERB ARGS...": regexp and iface today, net next. T is what
// its verbs run on (the family's options, its output, an open backend),
// made by the family's own run function before it calls run.
type family[T any] struct {
	Name     string
	Synopsis string // after "lensnet ": "regexp [-i] COMMAND ARGS..."
	Doc      string // the paragraphs of usage between its first line and the verbs
	Verbs    []verb[T]
	Options  string // usage's options section, "" if the family has none
	// VerbOptions makes run read options among a verb's arguments:
	// those the verb declares, and -h/--help, which print the verb's
	// usage. Without it (regexp, whose arguments are patterns that may
	// begin with a dash) the arguments go to the verb as they are.
	VerbOptions bool
}

// A verb is one command of a family.
type verb[T any] struct {
	Name    string
	Aliases []string // other names that run it ("ifup" for "start")
	// MinArgs and MaxArgs bound the arguments after the verb, options
	// not counted; MaxArgs -1 is no bound.
	MinArgs, MaxArgs int
	Usage            string // "match PATTERN WORD..."
	Short            string // what usage says of it, wrapped there
	// JSON describes the verb's --json result, for its own usage only;
	// "" when the family has no --json or the verb says it in Short.
	JSON string
	// Options are the verb's own options ("--all"), read anywhere
	// among its arguments when the family has VerbOptions.
	Options []verbOption
	Run     func(x T, args []string, o opts) int
}

// A verbOption is one option of a verb: a switch ("--all") or, with
// Value set, an option taking a value ("--delay N").
type verbOption struct {
	Name  string // without dashes: "all"
	Value string // the value's name in usage ("N"); "" for a switch
	Usage string
}

// opts are the options given to a verb: switches map to "", options
// with a value to it.
type opts map[string]string

// has reports whether the option was given.
func (o opts) has(name string) bool { _, ok := o[name]; return ok }

// run runs the verb args[0] of f on x with the rest of args, after
// checking them. A usage error is one line on stderr, status 2;
// -h/--help after a verb prints its usage on stdout, status 0.
func (f *family[T]) run(x T, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, f.usage())
		return 2
	}
	v := f.verb(args[0])
	if v == nil {
		fmt.Fprintf(stderr, "lensnet: unknown %s command %q; 'lensnet help %s' lists them\n", f.Name, args[0], f.Name)
		return 2
	}
	rest, o := args[1:], opts{}
	if f.VerbOptions {
		var err error
		var help bool
		rest, o, help, err = v.parse(rest)
		if help {
			fmt.Fprint(stdout, f.verbUsage(v))
			return 0
		}
		if err != nil {
			fmt.Fprintf(stderr, "lensnet: %s %s: %v; %s\n", f.Name, v.Name, err, f.seeHelp(v))
			return 2
		}
	}
	if len(rest) < v.MinArgs || v.MaxArgs >= 0 && len(rest) > v.MaxArgs {
		fmt.Fprintf(stderr, "lensnet: wrong number of arguments for %s %s; %s\n", f.Name, v.Name, f.seeHelp(v))
		return 2
	}
	return v.Run(x, rest, o)
}

// seeHelp says where a verb's usage is, for usage errors.
func (f *family[T]) seeHelp(v *verb[T]) string {
	if f.VerbOptions {
		return fmt.Sprintf("'lensnet %s %s --help' describes it", f.Name, v.Name)
	}
	return fmt.Sprintf("'lensnet help %s' describes it", f.Name)
}

// parse separates a verb's options from its arguments: --NAME,
// --NAME=VALUE and --NAME VALUE (one dash will do), anywhere, up to a
// "--"; a lone "-" is an argument (standard input). help reports -h or
// --help.
func (v *verb[T]) parse(args []string) (rest []string, o opts, help bool, err error) {
	o = opts{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i+1:]...), o, false, nil
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if name == "h" || name == "help" {
			return nil, nil, true, nil
		}
		var opt *verbOption
		for k := range v.Options {
			if v.Options[k].Name == name {
				opt = &v.Options[k]
			}
		}
		switch {
		case opt == nil:
			return nil, nil, false, fmt.Errorf("unknown option %s", a)
		case opt.Value == "" && hasVal:
			return nil, nil, false, fmt.Errorf("option --%s takes no value", name)
		case opt.Value != "" && !hasVal:
			if i+1 == len(args) {
				return nil, nil, false, fmt.Errorf("option --%s needs a value", name)
			}
			i++
			val = args[i]
		}
		o[name] = val
	}
	return rest, o, false, nil
}

// verb finds a verb of f by name or alias, nil if none.
func (f *family[T]) verb(name string) *verb[T] {
	for i := range f.Verbs {
		if f.Verbs[i].Name == name {
			return &f.Verbs[i]
		}
		for _, a := range f.Verbs[i].Aliases {
			if a == name {
				return &f.Verbs[i]
			}
		}
	}
	return nil
}

// short is a verb's description with its aliases.
func (v *verb[T]) short() string {
	if len(v.Aliases) == 0 {
		return v.Short
	}
	return fmt.Sprintf("%s (also: %s)", v.Short, strings.Join(v.Aliases, ", "))
}

// usage is the text of 'lensnet help NAME', also shown when no verb
// is given: the synopsis, Doc, the verbs, the options.
func (f *family[T]) usage() string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: lensnet %s\n\n%s\ncommands:\n", f.Synopsis, f.Doc)
	for i := range f.Verbs {
		listEntry(&b, 2, 24, f.Verbs[i].Usage, f.Verbs[i].short())
	}
	if f.Options != "" {
		fmt.Fprintf(&b, "\noptions:\n%s", f.Options)
	}
	return b.String()
}

// verbUsage is the text of 'lensnet NAME VERB --help': the verb's
// synopsis, description and options.
func (f *family[T]) verbUsage(v *verb[T]) string {
	var b strings.Builder
	opts := ""
	if f.Options != "" {
		opts = " [OPTIONS]"
	}
	for i, l := range wrapSynopsis(fmt.Sprintf("lensnet %s%s %s", f.Name, opts, v.Usage), usageWidth-len("usage: ")) {
		if i == 0 {
			fmt.Fprintf(&b, "usage: %s\n", l)
		} else {
			fmt.Fprintf(&b, "       %s\n", l)
		}
	}
	b.WriteString("\n")
	desc := v.short() + "."
	desc = strings.ToUpper(desc[:1]) + desc[1:]
	for _, l := range wrap(desc, usageWidth) {
		fmt.Fprintf(&b, "%s\n", l)
	}
	if v.JSON != "" {
		b.WriteString("\n")
		for _, l := range wrap("With --json: "+v.JSON+".", usageWidth) {
			fmt.Fprintf(&b, "%s\n", l)
		}
	}
	if len(v.Options) > 0 {
		b.WriteString("\noptions:\n")
		for _, o := range v.Options {
			name := "--" + o.Name
			if o.Value != "" {
				name += " " + o.Value
			}
			listEntry(&b, 2, 14, name, o.Usage)
		}
	}
	if f.Options != "" {
		fmt.Fprintf(&b, "\n'lensnet help %s' lists the commands and the OPTIONS.\n", f.Name)
	}
	return b.String()
}

// wrapSynopsis wraps a synopsis as wrap does, never inside brackets
// ("[--delay N]" stays whole).
func wrapSynopsis(text string, width int) []string {
	var b strings.Builder
	depth := 0
	for _, r := range text {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case r == ' ' && depth > 0:
			r = '\x00'
		}
		b.WriteRune(r)
	}
	lines := wrap(b.String(), width)
	for i := range lines {
		lines[i] = strings.ReplaceAll(lines[i], "\x00", " ")
	}
	return lines
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
