package debian

import (
	"bufio"
	"bytes"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/afero"
)

// Interfaces is ifupdown's main file; IncludeDir the directory Debian
// sources from it, read whether sourced or not (as Augeas does).
const (
	Interfaces = "/etc/network/interfaces"
	IncludeDir = "/etc/network/interfaces.d"
	networkDir = "/etc/network"
)

// runParts is the names run-parts (and so source-directory) takes.
var runParts = regexp.MustCompile(`^[a-zA-Z0-9_-]+$`)

// backup and editor files are not configuration
var excluded = []string{"*~", "*.bak", "*.orig", "*.rpmnew", "*.rpmorig", "*.rpmsave", "*.augnew", "*.augsave", "*.dpkg-*", "#*#", ".#*"}

// configFiles lists the files ifupdown reads: /etc/network/interfaces,
// the files its source and source-directory lines name (recursively;
// a relative pattern is relative to /etc/network), and IncludeDir's,
// in the order ifupdown reads them. It reads the files' text only for
// those lines, so that a file that does not parse still gives the
// files it sources.
func configFiles(fs afero.Fs) []string {
	var out []string
	seen := map[string]bool{}
	var visit func(p string)
	visit = func(p string) {
		if seen[p] {
			return
		}
		seen[p] = true
		b, err := afero.ReadFile(fs, p)
		if err != nil {
			return
		}
		out = append(out, p)
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) < 2 {
				continue
			}
			arg := strings.Join(f[1:], " ")
			if !path.IsAbs(arg) {
				arg = path.Join(networkDir, arg)
			}
			switch f[0] {
			case "source":
				ms, _ := afero.Glob(fs, arg)
				sort.Strings(ms)
				for _, m := range ms {
					if !isDir(fs, m) {
						visit(m)
					}
				}
			case "source-directory":
				for _, m := range dirFiles(fs, arg) {
					visit(m)
				}
			}
		}
	}
	visit(Interfaces)
	if !seen[Interfaces] {
		return nil
	}
	ms, _ := afero.Glob(fs, IncludeDir+"/*")
	sort.Strings(ms)
	for _, m := range ms {
		if !isDir(fs, m) && !isExcluded(path.Base(m)) {
			visit(m)
		}
	}
	return out
}

func isExcluded(name string) bool {
	for _, x := range excluded {
		if ok, _ := path.Match(x, name); ok {
			return true
		}
	}
	return false
}

func isDir(fs afero.Fs, p string) bool {
	fi, err := fs.Stat(p)
	return err == nil && fi.IsDir()
}

// dirFiles lists the files of dir that run-parts would run.
func dirFiles(fs afero.Fs, dir string) []string {
	es, err := afero.ReadDir(fs, dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range es {
		if !e.IsDir() && runParts.MatchString(e.Name()) {
			out = append(out, path.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out
}

// declared lists the names of "iface NAME" lines in a file's text: the
// interfaces a file that does not parse may hold.
func declared(fs afero.Fs, p string) []string {
	b, err := afero.ReadFile(fs, p)
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "iface" {
			out = append(out, f[1])
		}
	}
	return out
}
