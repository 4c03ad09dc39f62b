package nft

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
)

// Table is one nftables table.
type Table struct {
	Family string `json:"family"` // ip, ip6, inet, arp, bridge or netdev
	Name   string `json:"name"`
	Handle int    `json:"handle"`
}

// Families are nftables' address families.
var Families = []string{"ip", "ip6", "inet", "arp", "bridge", "netdev"}

// ErrInvalid is the cause of an *Error about a namespace, family or
// table name refused before nft runs.
var ErrInvalid = errors.New("invalid argument")

// Error is a failed nft command: what was asked, and nft's own
// message (or ip's, when the namespace cannot be entered) on one
// line.
type Error struct {
	Op  string // "nft -f", "delete table inet lensnet-default", ...
	Msg string
	Err error // ErrInvalid, or the *exec.ExitError
}

func (e *Error) Error() string { return e.Op + ": " + e.Msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Apply runs script with `nft -f -` in the namespace netns. nft loads
// a script as one transaction: when any of it fails, none of it is
// applied.
func Apply(netns, script string) error {
	_, err := run(netns, "nft -f", script, "-f", "-")
	return err
}

// DeleteTable removes the table family name from netns, with its
// chains, rules, sets and maps. A table that is not there is no
// error.
func DeleteTable(netns, family, name string) error {
	op := "delete table " + family + " " + name
	if err := checkTable(op, family, name); err != nil {
		return err
	}
	_, err := run(netns, op, "", "delete", "table", family, name)
	if err == nil {
		return nil
	}
	// nft 1.0.6 has no "destroy": an absent table is ENOENT, told
	// apart from other failures by looking
	if ok, lerr := HasTable(netns, family, name); lerr == nil && !ok {
		return nil
	}
	return err
}

// Tables lists the tables of netns, in nft's order.
func Tables(netns string) ([]Table, error) {
	out, err := run(netns, "list tables", "", "-j", "list", "tables")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Nftables []struct {
			Table *Table `json:"table"`
		} `json:"nftables"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, &Error{Op: "list tables", Msg: "cannot read nft's JSON: " + err.Error(), Err: err}
	}
	tables := []Table{}
	for _, o := range doc.Nftables {
		if o.Table != nil {
			tables = append(tables, *o.Table)
		}
	}
	return tables, nil
}

// HasTable reports whether netns has the table family name.
func HasTable(netns, family, name string) (bool, error) {
	if err := checkTable("look up table "+family+" "+name, family, name); err != nil {
		return false, err
	}
	tables, err := Tables(netns)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(tables, func(t Table) bool {
		return t.Family == family && t.Name == name
	}), nil
}

// checkTable refuses a family nft does not have and a name that is
// not one nft identifier (letters, digits, '_', '.', '-', starting
// with a letter or '_'; at most 255 bytes), so that neither can add
// words to nft's command line.
func checkTable(op, family, name string) error {
	if !slices.Contains(Families, family) {
		return &Error{Op: op, Msg: fmt.Sprintf("unknown family %q (want one of %s)", family, strings.Join(Families, ", ")), Err: ErrInvalid}
	}
	if !ValidName(name) {
		return &Error{Op: op, Msg: fmt.Sprintf("invalid table name %q (letters, digits, '_', '.', '-', starting with a letter)", name), Err: ErrInvalid}
	}
	return nil
}

// ValidName reports whether name can name a table (or chain) as one
// nft identifier: 1 to 255 bytes of ASCII letters, digits, '_', '.'
// and '-', starting with a letter or '_'.
func ValidName(name string) bool {
	if name == "" || len(name) > 255 {
		return false
	}
	for i, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		case i > 0 && (r >= '0' && r <= '9' || r == '.' || r == '-'):
		default:
			return false
		}
	}
	return true
}

// validNetNS reports whether ns can name a namespace for `ip netns
// exec` without being taken for an option or a path.
func validNetNS(ns string) bool {
	return ns != "." && ns != ".." && !strings.HasPrefix(ns, "-") &&
		!strings.ContainsFunc(ns, func(r rune) bool { return r == '/' || r <= ' ' || r == 0x7f })
}

// run runs nft args in netns with stdin, and returns its standard
// output; a failure is an *Error with op and nft's message on one
// line.
func run(netns, op, stdin string, args ...string) ([]byte, error) {
	argv := append([]string{"nft"}, args...)
	if netns != "" {
		if !validNetNS(netns) {
			return nil, &Error{Op: op, Msg: fmt.Sprintf("invalid network namespace name %q", netns), Err: ErrInvalid}
		}
		argv = append([]string{"ip", "netns", "exec", netns}, argv...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := oneLine(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, &Error{Op: op, Msg: msg, Err: err}
	}
	return stdout.Bytes(), nil
}

// oneLine makes nft's error output one line: the first "Error:" line
// (without the /dev/stdin: nft names the script by, and without the
// word Error), and how many more there were. nft follows each with
// the offending line and a marker, which are left out. Output that
// has no such line (ip's own, when a namespace is missing) gives its
// first non-empty line.
func oneLine(s string) string {
	var errs []string
	first := ""
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(line)
		if first == "" {
			first = line
		}
		if i := strings.Index(line, "Error: "); i >= 0 {
			where := strings.TrimSuffix(strings.TrimPrefix(line[:i], "/dev/stdin:"), " ")
			msg := line[i+len("Error: "):]
			if where != "" {
				msg = where + " " + msg
			}
			errs = append(errs, msg)
		}
	}
	switch len(errs) {
	case 0:
		return first
	case 1:
		return errs[0]
	case 2:
		return errs[0] + " (and 1 more error)"
	default:
		return fmt.Sprintf("%s (and %d more errors)", errs[0], len(errs)-1)
	}
}
