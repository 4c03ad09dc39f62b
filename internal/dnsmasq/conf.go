package dnsmasq

import (
	"fmt"
	"slices"
	"strings"
)

// reserved are the options Start sets or depends on: a config file
// that sets them would take the pid file, the daemon or the config
// out of Start's hands (dnsmasq lets the config file's pid-file win
// over the command line's), or include files Start cannot check.
var reserved = []string{"pid-file", "keep-in-foreground", "no-daemon", "conf-file", "conf-dir", "conf-script"}

// ValidateOption returns an error if s cannot be one value on one
// line of a dnsmasq config file and mean what it says: a newline,
// carriage return, NUL or other control character (which would end
// the option and start another), a double quote (dnsmasq removes
// quotes and reads backslash escapes inside them), a '#' after
// whitespace (which starts a comment), or leading or trailing
// whitespace (which dnsmasq strips).
func ValidateOption(s string) error {
	for i, r := range s {
		switch {
		case r == '\n' || r == '\r':
			return fmt.Errorf("invalid dnsmasq value %q: a line break would start another option", s)
		case r == 0:
			return fmt.Errorf("invalid dnsmasq value %q: NUL would end the line", s)
		case r < ' ' || r == 0x7f:
			return fmt.Errorf("invalid dnsmasq value %q: control character %q", s, r)
		case r == '"':
			return fmt.Errorf("invalid dnsmasq value %q: dnsmasq reads quotes and escapes in values", s)
		case r == '#' && i > 0 && s[i-1] == ' ':
			return fmt.Errorf("invalid dnsmasq value %q: '#' after a space starts a comment", s)
		}
	}
	if strings.TrimSpace(s) != s {
		return fmt.Errorf("invalid dnsmasq value %q: dnsmasq strips leading and trailing spaces", s)
	}
	return nil
}

// validKey reports whether key is written as dnsmasq's long options
// are: lowercase letters, digits and '-', starting with a letter.
func validKey(key string) error {
	if key == "" {
		return fmt.Errorf("invalid dnsmasq option name %q: empty", key)
	}
	for i, r := range key {
		if !(r >= 'a' && r <= 'z' || i > 0 && (r >= '0' && r <= '9' || r == '-')) {
			return fmt.Errorf("invalid dnsmasq option name %q: lowercase letters, digits and '-' only", key)
		}
	}
	if slices.Contains(reserved, key) {
		return fmt.Errorf("dnsmasq option %s is Start's to set, not the config's", key)
	}
	return nil
}

// Conf builds the text of a dnsmasq config file one option a line,
// refusing names and values that would not stay one option (see
// ValidateOption). Its zero value is an empty config.
type Conf struct {
	b strings.Builder
}

// Add appends the line key=value, as `--key=value` on dnsmasq's
// command line. Options dnsmasq takes several times (dhcp-range,
// dhcp-host, address, ...) are added once for each.
func (c *Conf) Add(key, value string) error {
	if err := validKey(key); err != nil {
		return err
	}
	if err := ValidateOption(value); err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	c.b.WriteString(key + "=" + value + "\n")
	return nil
}

// Flag appends the line key, an option without a value (no-resolv,
// bind-dynamic, dhcp-authoritative, ...).
func (c *Conf) Flag(key string) error {
	if err := validKey(key); err != nil {
		return err
	}
	c.b.WriteString(key + "\n")
	return nil
}

// Comment appends text as a comment line ("## " before it).
func (c *Conf) Comment(text string) error {
	if strings.ContainsAny(text, "\n\r\x00") {
		return fmt.Errorf("invalid dnsmasq comment %q: one line, no NUL", text)
	}
	c.b.WriteString("## " + text + "\n")
	return nil
}

// String returns the config text, each line ended by a newline.
func (c *Conf) String() string { return c.b.String() }

// checkConf refuses a config file text that sets an option Start
// owns (see reserved), so that the process Start runs is the one its
// pid file names and it detaches as Start expects. A line is read as
// dnsmasq does: comments start with '#', the name ends at '=' and
// surrounding spaces do not count.
func checkConf(text string) error {
	n := 0
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		name, _, _ := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if slices.Contains(reserved, name) {
			return fmt.Errorf("line %d sets %s, which Start sets itself (pid file, daemon, config)", n, name)
		}
	}
	return nil
}
