package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/lensnet/lensnet"
)

// augOptions are augtool's command-line options, plus lensnet's --json.
type augOptions struct {
	root, file                                   string
	includes, xforms, loadFiles                  []string
	noStd, noLoad, noAuto, backup, newFile       bool
	autosave, typecheck, echo, interactive, span bool
	timing, version, help, json                  bool
}

// parseAugOptions reads augtool's options (GNU style: -AL, --root=DIR,
// -r DIR); the first word that is not an option starts the command.
func parseAugOptions(args []string) (*augOptions, []string, error) {
	o := &augOptions{}
	fl := pflag.NewFlagSet("lensnet", pflag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.SetInterspersed(false)
	fl.StringVarP(&o.root, "root", "r", os.Getenv("AUGEAS_ROOT"), "")
	fl.StringArrayVarP(&o.includes, "include", "I", nil, "")
	fl.StringArrayVarP(&o.xforms, "transform", "t", nil, "")
	fl.StringArrayVarP(&o.loadFiles, "load-file", "l", nil, "")
	fl.StringVarP(&o.file, "file", "f", "", "")
	for _, b := range []struct {
		v           *bool
		long, short string
	}{
		{&o.noStd, "nostdinc", "S"}, {&o.noLoad, "noload", "L"}, {&o.noAuto, "noautoload", "A"},
		{&o.backup, "backup", "b"}, {&o.newFile, "new", "n"}, {&o.autosave, "autosave", "s"},
		{&o.typecheck, "typecheck", "c"}, {&o.echo, "echo", "e"}, {&o.interactive, "interactive", "i"},
		{&o.help, "help", "h"}, {&o.span, "span", ""}, {&o.timing, "timing", ""},
		{&o.version, "version", ""}, {&o.json, "json", ""},
	} {
		fl.BoolVarP(b.v, b.long, b.short, false, "")
	}
	if err := fl.Parse(args); err != nil {
		return nil, nil, err
	}
	if len(o.loadFiles) > 0 {
		o.noLoad = true // as augtool: -l implies -L
	}
	if len(o.xforms) > 0 {
		o.noLoad = false // as augtool: -t loads after adding the transforms, even with -L
	}
	return o, fl.Args(), nil
}

// runAug is augtool: options, then the commands from the arguments
// (saved afterwards), or commands from -f FILE or standard input, one
// per line, or an interactive shell when standard input is a terminal;
// -s saves at the end of those unless quit ended them.
func runAug(cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, cmd, err := parseAugOptions(args)
	if err != nil {
		if o == nil && hasJSON(args) {
			writeJSONError(stderr, codeUsage, err.Error(), "", "")
		} else {
			fmt.Fprintf(stderr, "lensnet: %v\nTry 'lensnet --help' for more information.\n", err)
		}
		return 1
	}
	switch {
	case o.help:
		fmt.Fprint(stdout, mainUsage())
		return 0
	case o.version:
		fmt.Fprintln(stderr, versionLine())
		return 0
	}
	p := &printer{out: stdout, errw: stderr, json: o.json}
	start := time.Now()
	opts := lensnet.Options{Root: o.root, LensPath: o.includes, NoStdInc: o.noStd,
		NoAutoload: o.noAuto, Transforms: o.xforms, NoLoad: o.noLoad, SaveMode: o.saveMode(),
		TypeCheck: o.typecheck, Span: o.span, LazyMin: cfg.lazyMin,
		LoadAll: cfg.loadAll || os.Getenv("LENSNET_LOAD") == "all", CacheDir: cacheDir()}
	h, err := lensnet.Open(opts)
	if err != nil {
		p.openFailed(err)
		return 1
	}
	// loadFiles loads -l's files into h, reporting failures if report
	loadFiles := func(h *lensnet.Handle, report bool) (status int) {
		for _, f := range o.loadFiles {
			if err := h.LoadFile(f); err != nil && report {
				p.report(codeOf(err), "Failed to load file "+f+": Lens not found", "", f)
				status = 1
			}
		}
		return status
	}
	sh := &shell{h: h, p: p, timing: o.timing}
	sh.reopen = func() (*lensnet.Handle, error) {
		h, err := lensnet.Open(opts)
		if err == nil {
			loadFiles(h, false) // the first run reported their failures
		}
		return h, err
	}
	// once the commands are done, the large files they read in full go
	// to the parse cache too
	defer func() { sh.h.Flush() }()
	if o.timing {
		p.started(time.Since(start))
	}
	status := loadFiles(h, true)
	if len(cmd) > 0 { // commands on the command line, saved afterwards
		return max(status, sh.oneShot(cmd, o.echo, o.autosave))
	}
	quit := false // a quit command ended the input: no autosave, as augtool
	switch {
	case o.file == "" && isTerminal(stdin):
		var st int
		st, quit = sh.interactive(stdin)
		status = max(status, st)
	default:
		in := stdin
		if o.file != "" {
			f, err := os.Open(o.file)
			if err != nil {
				p.cannotOpen(o.file, err)
				return 1
			}
			defer f.Close()
			in = f
		}
		var st int
		st, quit = sh.script(in, o.echo)
		status = max(status, st)
		if o.interactive {
			st, quit = sh.resumeOnTerminal(stdin)
			status = max(status, st)
		}
	}
	if o.autosave && !quit {
		if sh.promptOpen { // as augtool, the save is echoed after the last prompt
			fmt.Fprintln(p.out, "save")
		}
		if !sh.autosave() {
			status = 1
		}
	}
	if sh.promptOpen { // as augtool, a newline after the last prompt
		fmt.Fprintln(p.out)
	}
	return status
}

// saveMode is how save writes files, from -b and -n.
func (o *augOptions) saveMode() lensnet.SaveMode {
	mode := lensnet.SaveOverwrite
	if o.backup {
		mode = lensnet.SaveBackup
	}
	if o.newFile {
		mode = lensnet.SaveNewFile
	}
	return mode
}

// hasJSON reports whether --json is among args (for reporting errors in
// the options themselves).
func hasJSON(args []string) bool {
	for _, a := range args {
		if a == "--json" {
			return true
		}
		if !strings.HasPrefix(a, "-") {
			return false
		}
	}
	return false
}

// versionLine is what --version prints.
func versionLine() string {
	return fmt.Sprintf("lensnet %s (Augeas %s compatible)", lensnet.Version(), lensnet.AugeasVersion)
}

// cacheDir is where the handle keeps what it learned of the lens
// library and the trees its lenses read (lensnet.Options.CacheDir):
// $LENSNET_CACHE when set ("off" keeps no cache), or lensnet under the
// user's cache directory ($XDG_CACHE_HOME, or ~/.cache).
func cacheDir() string {
	if d, ok := os.LookupEnv("LENSNET_CACHE"); ok {
		if d == "off" {
			return ""
		}
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "lensnet")
}
