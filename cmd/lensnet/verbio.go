package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// verbIO is what the verbs of lensnet iface and lensnet net share:
// their streams, --json, and how they report (one-line errors, usage
// errors, a result as text or one JSON document), read XML arguments
// and edit a definition.
type verbIO struct {
	family         string // "iface", "net": for usage errors
	json           bool
	stdin          io.Reader
	stdout, stderr io.Writer
}

// fail prints an error on one line and returns status 1.
func (x *verbIO) fail(err error) int {
	fmt.Fprintf(x.stderr, "lensnet: %s\n", strings.Join(strings.Fields(err.Error()), " "))
	return 1
}

// usageErr prints a usage error of a verb and returns status 2.
func (x *verbIO) usageErr(verb, format string, args ...any) int {
	fmt.Fprintf(x.stderr, "lensnet: %s %s: %s; 'lensnet %s %s --help' describes it\n", x.family, verb, fmt.Sprintf(format, args...), x.family, verb)
	return 2
}

// print writes a result: text, or v as one JSON document with --json.
func (x *verbIO) print(text string, v any) int {
	if !x.json {
		fmt.Fprint(x.stdout, text)
		return 0
	}
	enc := json.NewEncoder(x.stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return x.fail(err)
	}
	return 0
}

// readXML reads an XML argument: a file, or standard input for "-".
// It returns the name to show for it.
func (x *verbIO) readXML(arg string) ([]byte, string, error) {
	if arg == "-" {
		b, err := io.ReadAll(x.stdin)
		return b, "stdin", err
	}
	b, err := os.ReadFile(arg)
	return b, arg, err
}

// fromXML runs a verb that makes something from an XML argument: do
// gets the document and its file name and returns the name of what it
// made, reported as "<what> NAME <status> from FILE".
func (x *verbIO) fromXML(arg, what, status string, do func(xml []byte, file string) (string, error)) int {
	b, file, err := x.readXML(arg)
	if err != nil {
		return x.fail(err)
	}
	name, err := do(b, file)
	if err != nil {
		return x.fail(err)
	}
	return x.print(fmt.Sprintf("%s %s %s from %s\n", what, name, status, file),
		statusJSON{Name: name, Status: status, File: file})
}

// edit is virsh's *-edit: orig (what of, e.g. "Interface eth0") into a
// temporary file, the editor on it, and define of the result when it
// changed, which returns the name it defined. A result that does not
// define is an error that changes nothing; the edited file is then
// kept, and the message says where.
func (x *verbIO) edit(what, name string, orig []byte, define func(xml []byte, file string) (string, error)) int {
	f, err := os.CreateTemp("", "lensnet-"+x.family+"-"+name+"-*.xml")
	if err != nil {
		return x.fail(err)
	}
	tmp := f.Name()
	keep := false
	defer func() {
		if !keep {
			os.Remove(tmp)
		}
	}()
	_, err = f.Write(orig)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return x.fail(err)
	}
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	if editor == "" {
		editor = "vi"
	}
	// as virsh does, the editor is a shell command: "code -w" works
	cmd := exec.Command("sh", "-c", editor+` "$1"`, "sh", tmp)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = x.stdin, x.stdout, x.stderr
	if x.json {
		cmd.Stdout = x.stderr // standard output holds the one JSON document
	}
	if err := cmd.Run(); err != nil {
		return x.fail(fmt.Errorf("editor %q: %w; nothing changed", editor, err))
	}
	edited, err := os.ReadFile(tmp)
	if err != nil {
		return x.fail(err)
	}
	if bytes.Equal(edited, orig) {
		return x.print(fmt.Sprintf("%s %s XML configuration not changed.\n", what, name),
			statusJSON{Name: name, Status: "unchanged"})
	}
	defined, err := define(edited, tmp)
	if err != nil {
		keep = true
		return x.fail(fmt.Errorf("%w; nothing changed, the edit is kept in %s", err, tmp))
	}
	return x.print(fmt.Sprintf("%s %s XML configuration edited.\n", what, defined),
		statusJSON{Name: defined, Status: "edited"})
}
