package lang

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/lens/syntax"
)

// Dir is one directory of the search path.
type Dir struct {
	Name string // shown in messages: a directory or "(embedded)"
	FS   fs.FS
}

// OSDir returns the directory dir of the real file system.
func OSDir(dir string) Dir { return Dir{Name: dir, FS: os.DirFS(dir)} }

// System lens directories of Augeas, searched as augtool does.
const (
	SystemDir     = "/usr/share/augeas/lenses"
	SystemDistDir = "/usr/share/augeas/lenses/dist"
)

// DefaultPath returns lensnet's search path: includes (-I), then the
// colon-separated directories of $AUGEAS_LENS_LIB, then (unless noStd)
// SystemDir, the embedded lenses and SystemDistDir.
func DefaultPath(includes []string, noStd bool, embedded fs.FS) []Dir {
	var dirs []Dir
	for _, d := range includes {
		dirs = append(dirs, OSDir(d))
	}
	for _, d := range strings.Split(os.Getenv("AUGEAS_LENS_LIB"), ":") {
		if d != "" {
			dirs = append(dirs, OSDir(d))
		}
	}
	if !noStd {
		dirs = append(dirs, OSDir(SystemDir))
		if embedded != nil {
			dirs = append(dirs, Dir{Name: "(embedded)", FS: embedded})
		}
		dirs = append(dirs, OSDir(SystemDistDir))
	}
	return dirs
}

// Options configure a Loader.
type Options struct {
	Path      []Dir     // search path, earlier directories first
	TypeCheck bool      // type-check every lens a module binds
	Tests     bool      // run the modules' unit tests
	Stdout    io.Writer // test results and print_* output; nil discards
	// Getenv and ReadFile back Sys.getenv and Sys.read_file; nil means
	// the process environment and the real file system.
	Getenv   func(string) string
	ReadFile func(string) ([]byte, error)
	// Trace, if set, receives "Module <file> loaded" for every module.
	Trace io.Writer
}

// Loader loads and caches modules. It is safe for concurrent use; loads
// are serialised.
type Loader struct {
	opts    Options
	mu      sync.Mutex
	modules map[string]*Module // by lower-case name
	checker *lens.Checker
	nocase  map[*lens.Lens]bool
	gensym  int
}

// Module is a loaded module.
type Module struct {
	Name     string
	File     string // path as found on the search path
	Autoload string // name of the autoload transform, "" if none

	globals map[string]Value
	names   []string
	err     error
	loading bool
	// done is set once the module is evaluated in full, or failed to be
	// found or parsed: err is then final. A module read by Autoload only
	// is not done: its declarations are evaluated one at a time, as
	// they are needed (lazy), apart from the full evaluation.
	done    bool
	lazy    *lazyModule
	imports []string // syntax.Module.Imports
}

// Lookup returns a top-level binding of the module.
func (m *Module) Lookup(name string) (Value, bool) {
	v, ok := m.globals[name]
	return v, ok
}

// Names lists the module's top-level bindings in declaration order.
func (m *Module) Names() []string { return append([]string(nil), m.names...) }

// Transform returns the module's autoload transform, if it has one.
func (m *Module) Transform() (*Transform, bool) {
	t, ok := m.globals[m.Autoload].(*Transform)
	return t, ok
}

// Path returns the loader's search path.
func (ld *Loader) Path() []Dir { return append([]Dir(nil), ld.opts.Path...) }

// NewLoader returns a Loader with the given options.
func NewLoader(opts Options) *Loader {
	return &Loader{opts: opts, modules: map[string]*Module{}, checker: lens.NewChecker(), nocase: map[*lens.Lens]bool{}}
}

func (ld *Loader) out() io.Writer {
	if ld.opts.Stdout == nil {
		return io.Discard
	}
	return ld.opts.Stdout
}

func (ld *Loader) getenv(name string) string {
	if ld.opts.Getenv != nil {
		return ld.opts.Getenv(name)
	}
	return os.Getenv(name)
}

func (ld *Loader) readFile(name string) ([]byte, error) {
	if ld.opts.ReadFile != nil {
		return ld.opts.ReadFile(name)
	}
	return os.ReadFile(name)
}

func (ld *Loader) noteCase(l *lens.Lens, nocase bool) {
	if nocase {
		ld.nocase[l] = true
	}
}

// Load returns the module called name, loading it from the search path
// if it is not loaded yet.
func (ld *Loader) Load(name string) (*Module, error) {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	return ld.load(name, source.Span{})
}

// Lens returns the lens bound to a qualified name such as "Hosts.lns".
func (ld *Loader) Lens(qname string) (*lens.Lens, error) {
	mod, name, ok := strings.Cut(qname, ".")
	if !ok {
		return nil, fmt.Errorf("%s: a lens name is Module.name", qname)
	}
	m, err := ld.Load(mod)
	if err != nil {
		return nil, err
	}
	v, ok := m.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("%s: module %s has no binding %s", qname, m.Name, name)
	}
	l, ok := v.(*Lens)
	if !ok {
		return nil, fmt.Errorf("%s: is a %s, not a lens", qname, v.Type())
	}
	return l.L, nil
}

// find looks for the module's file along the search path.
func (ld *Loader) find(name string) (Dir, string, []byte, error) {
	file := strings.ToLower(name) + ".aug"
	for _, d := range ld.opts.Path {
		b, err := fs.ReadFile(d.FS, file)
		if err == nil {
			return d, file, b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return d, file, nil, err
		}
	}
	return Dir{}, file, nil, fs.ErrNotExist
}

func (ld *Loader) load(name string, at source.Span) (*Module, error) {
	if m, ok := ld.module(name); ok {
		if m.loading {
			return nil, errorAt(at, "module %s depends on itself", name)
		}
		if !m.done {
			// read by Autoload: evaluate it in full now
			return ld.evalModuleFull(m, m.lazy.ast)
		}
		return m, m.err
	}
	filename, src, err := ld.read(name, at)
	if err != nil {
		return nil, err
	}
	return ld.evalSource(filename, src, name)
}

// module returns the module called name, whatever its case, if it has
// been read. It is ld.modules[strings.ToLower(name)] without building
// the lowered name for the ASCII names of the language (a lookup of
// Mod.name asks for Mod each time).
func (ld *Loader) module(name string) (*Module, bool) {
	var buf [32]byte
	b := append(buf[:0], name...)
	for i, c := range b {
		if c >= utf8.RuneSelf {
			m, ok := ld.modules[strings.ToLower(name)]
			return m, ok
		}
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	m, ok := ld.modules[string(b)]
	return m, ok
}

// read finds the module's file on the search path and reads it. A
// module that cannot be found or read is remembered as failed.
func (ld *Loader) read(name string, at source.Span) (filename, src string, err error) {
	d, file, b, err := ld.find(name)
	if err != nil {
		m := &Module{Name: name, done: true, err: errorAt(at, "Could not find module %s (looked for %s in %s)", name, file, ld.pathString())}
		if !errors.Is(err, fs.ErrNotExist) {
			m.err = errorAt(at, "Could not load module %s: %v", name, err)
		}
		ld.modules[strings.ToLower(name)] = m
		return "", "", m.err
	}
	filename = file
	if d.Name != "" {
		filename = filepath.Join(d.Name, file)
	}
	return filename, string(b), nil
}

func (ld *Loader) pathString() string {
	var names []string
	for _, d := range ld.opts.Path {
		names = append(names, d.Name)
	}
	if len(names) == 0 {
		return "an empty search path"
	}
	return strings.Join(names, ":")
}

// LoadFile loads the module in the file at path (as augparse does with
// its argument). The module's name must match the file's name.
func (ld *Loader) LoadFile(file string) (*Module, error) {
	src, err := ld.readFile(file)
	if err != nil {
		return nil, err
	}
	ld.mu.Lock()
	defer ld.mu.Unlock()
	return ld.evalSource(file, string(src), "")
}

// LoadSource loads a module from text, as if read from file.
func (ld *Loader) LoadSource(file, src string) (*Module, error) {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	return ld.evalSource(file, src, "")
}

// evalSource parses and evaluates a module; want is the module name the
// caller looked for ("" when loading a file by path).
func (ld *Loader) evalSource(file, src, want string) (*Module, error) {
	ast, err := ld.parse(file, src, want)
	if err != nil {
		return nil, err
	}
	if m, ok := ld.modules[strings.ToLower(ast.Name)]; ok && want == "" {
		// loading a file whose module is already loaded: reuse it
		if !m.done && !m.loading {
			return ld.evalModuleFull(m, m.lazy.ast)
		}
		return m, m.err
	}
	m := &Module{Name: ast.Name, File: file, Autoload: ast.Autoload, imports: ast.Imports()}
	ld.modules[strings.ToLower(ast.Name)] = m
	return ld.evalModuleFull(m, ast)
}

// parse parses a module and checks that its name fits its file; want is
// the module name the caller looked for ("" when loading a file by
// path), remembered as failed when the module is not good.
func (ld *Loader) parse(file, src, want string) (*syntax.Module, error) {
	ast, err := syntax.Parse(file, src)
	if err == nil {
		key := strings.ToLower(ast.Name)
		if base := strings.TrimSuffix(path.Base(filepath.ToSlash(file)), ".aug"); base != key {
			err = &Error{Pos: ast.Start, Msg: fmt.Sprintf("The module %s must be in a file named %s.aug", ast.Name, key)}
		}
	}
	if err != nil {
		if want != "" {
			ld.modules[strings.ToLower(want)] = &Module{Name: want, File: file, done: true, err: err}
		}
		return nil, err
	}
	return ast, nil
}

// evalModuleFull evaluates every declaration of m in order. A module
// that fails keeps (or gets) its lazy form, so that Autoload reads the
// same of it whether it comes before or after.
func (ld *Loader) evalModuleFull(m *Module, ast *syntax.Module) (*Module, error) {
	m.globals, m.names, m.loading = map[string]Value{}, nil, true
	m.err = ld.evalModule(m, ast)
	m.loading, m.done = false, true
	if m.err != nil {
		if m.lazy == nil {
			m.lazy = newLazyModule(ast)
		}
		return m, m.err
	}
	m.lazy = nil
	if ld.opts.Trace != nil {
		fmt.Fprintf(ld.opts.Trace, "Module %s loaded\n", m.File)
	}
	return m, nil
}

// Modules lists the names of the modules loaded so far, sorted.
func (ld *Loader) Modules() []string {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	var out []string
	for _, m := range ld.modules {
		if m.done && m.err == nil && m.globals != nil {
			out = append(out, m.Name)
		}
	}
	sort.Strings(out)
	return out
}
