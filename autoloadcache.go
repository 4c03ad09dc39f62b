package lensnet

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/lensnet/lensnet/lens/lang"
)

// This file holds the autoload cache (Options.CacheDir). Finding which
// files the modules of a lens library claim means parsing every module
// and evaluating its autoload filter: about 20 ms of CPU for Augeas's
// 230 modules, most of a one-file command's cost. What it finds depends
// only on the modules' text and on the environment variables the
// filters read (Sys.getenv "HOME"), so it is kept in a file of the
// cache directory, one per lens search path, with:
//
//   - the content key: a SHA-256 of every module's directory, name and
//     text, in search order;
//   - the stat key: the same over each module file's size, modification
//     and change times, inode and device (text for a directory that is
//     not on disk, the embedded one). It saves reading the library: when
//     it matches, the content key is not computed. Any write to a file
//     changes its change time, which no program can set back;
//   - the environment variables the filters read, with their values;
//   - the filters, in module order.
//
// A cache file whose keys or variables do not match, that does not
// parse, or that cannot be read is computed again and replaced
// (atomically: a temporary file renamed over it). A cache file that is
// not this user's own, or that others may write, is not read. A module
// that reads a file while its filter is evaluated (Sys.read_file) makes
// the result uncacheable. Failing to write the cache is not an error.

// autoloadCacheVersion changes whenever the cache file's meaning does,
// or what the same modules give (3: filters joined in Augeas's order).
const autoloadCacheVersion = 3

type autoloadCacheFile struct {
	Stat    string
	Content string
	Env     map[string]string
	Modules []autoloadEntry
}

type autoloadEntry struct {
	Module string
	Filter lang.Filter
}

// The cache file is lines of a word and its arguments (strings quoted
// as Go does), decoded without reflection, which is ten times faster
// than JSON here:
//
//	lensnet autoload 3
//	stat HEX
//	content HEX
//	env "HOME" "/root"
//	module Hosts
//	incl "/etc/hosts"
//	excl "*.bak"
//	end

// encode writes f in the cache file's form.
func (f *autoloadCacheFile) encode() []byte {
	var b []byte
	b = fmt.Appendf(b, "lensnet autoload %d\nstat %s\ncontent %s\n", autoloadCacheVersion, f.Stat, f.Content)
	keys := make([]string, 0, len(f.Env))
	for k := range f.Env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b = fmt.Appendf(b, "env %s %s\n", strconv.Quote(k), strconv.Quote(f.Env[k]))
	}
	for _, m := range f.Modules {
		b = fmt.Appendf(b, "module %s\n", strconv.Quote(m.Module))
		for _, g := range m.Filter {
			kind := "excl"
			if g.Include {
				kind = "incl"
			}
			b = fmt.Appendf(b, "%s %s\n", kind, strconv.Quote(g.Pattern))
		}
	}
	return append(b, "end\n"...)
}

// decodeAutoload reads a cache file; ok is false for anything but a
// whole file of this version.
func decodeAutoload(b []byte) (f autoloadCacheFile, ok bool) {
	lines := strings.Split(string(b), "\n")
	if len(lines) < 4 || lines[0] != fmt.Sprintf("lensnet autoload %d", autoloadCacheVersion) {
		return f, false
	}
	f.Env = map[string]string{}
	for _, l := range lines[1:] {
		word, rest, _ := strings.Cut(l, " ")
		switch word {
		case "stat":
			f.Stat = rest
		case "content":
			f.Content = rest
		case "env":
			k, v, ok := unquotePair(rest)
			if !ok {
				return f, false
			}
			f.Env[k] = v
		case "module":
			name, err := strconv.Unquote(rest)
			if err != nil {
				return f, false
			}
			f.Modules = append(f.Modules, autoloadEntry{Module: name})
		case "incl", "excl":
			p, err := strconv.Unquote(rest)
			if err != nil || len(f.Modules) == 0 {
				return f, false
			}
			m := &f.Modules[len(f.Modules)-1]
			m.Filter = append(m.Filter, lang.Glob{Include: word == "incl", Pattern: p})
		case "end":
			return f, f.Stat != "" && f.Content != ""
		default:
			return f, false
		}
	}
	return f, false // no end: cut short
}

// unquotePair reads two quoted strings separated by a space.
func unquotePair(s string) (string, string, bool) {
	a, err := strconv.QuotedPrefix(s)
	if err != nil || len(s) <= len(a) || s[len(a)] != ' ' {
		return "", "", false
	}
	k, err1 := strconv.Unquote(a)
	v, err2 := strconv.Unquote(s[len(a)+1:])
	return k, v, err1 == nil && err2 == nil
}

// moduleFile is one module of the search path: the first directory
// holding its name wins.
type moduleFile struct {
	name string // "hosts"
	dir  lang.Dir
	file string // "hosts.aug"
}

// libraryModules lists the modules of the search path in the order
// augtool loads them, which is the order of /augeas/load and so of
// /files: directory by directory, each directory's *.aug files in
// glob(3)'s unsorted order (the directory's own listing order, in
// glibc's blocks: glibcReorder), each name once. A module comes from
// the first directory that has it; the embedded modules stand in for
// the system's of the same name at the place the system's have, and
// those the system lacks come last, by name.
func libraryModules(dirs []lang.Dir) []moduleFile {
	from := map[string]moduleFile{}
	var order, extra []string
	placed := map[string]bool{}
	for _, d := range dirs {
		for _, m := range moduleNames(d) {
			name := strings.TrimSuffix(m, ".aug")
			if _, ok := from[name]; !ok {
				from[name] = moduleFile{name: name, dir: d, file: m}
			}
			if onDisk(d) && !placed[name] {
				placed[name] = true
				order = append(order, name)
			}
		}
	}
	for name := range from {
		if !placed[name] {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	out := make([]moduleFile, 0, len(from))
	for _, name := range append(order, extra...) {
		out = append(out, from[name])
	}
	return out
}

// moduleNames lists the *.aug files of d: in glob(3)'s order for a
// directory on disk, by name for another.
func moduleNames(d lang.Dir) []string {
	if !onDisk(d) {
		ms, _ := fs.Glob(d.FS, "*.aug")
		return ms
	}
	f, err := os.Open(d.Name)
	if err != nil {
		return nil
	}
	names, _ := f.Readdirnames(-1)
	_ = f.Close()
	var ms []string
	for _, n := range names {
		if ok, _ := path.Match("*.aug", n); ok && !strings.HasPrefix(n, ".") {
			ms = append(ms, n)
		}
	}
	return glibcReorder(ms)
}

// cachePath is the cache file for the search path dirs.
func cachePath(cacheDir string, dirs []lang.Dir) string {
	h := sha256.New()
	for _, d := range dirs {
		fmt.Fprintf(h, "%s\x00", d.Name)
	}
	return filepath.Join(cacheDir, "autoload-"+hex.EncodeToString(h.Sum(nil))[:16])
}

// onDisk reports whether d is a directory of the real file system.
func onDisk(d lang.Dir) bool { return d.Name != "" && filepath.IsAbs(d.Name) && d.Name != "(embedded)" }

// statKey hashes what stat says of each module file; ok is false when a
// file cannot be looked at (the cache is then not used).
func statKey(mods []moduleFile) (key string, ok bool) {
	h := sha256.New()
	for _, m := range mods {
		fmt.Fprintf(h, "%s\x00%s\x00", m.dir.Name, m.file)
		if !onDisk(m.dir) {
			if !hashText(h, m) {
				return "", false
			}
			continue
		}
		st, err := os.Stat(filepath.Join(m.dir.Name, m.file))
		if err != nil {
			return "", false
		}
		sys, _ := st.Sys().(*syscall.Stat_t)
		if sys == nil {
			return "", false
		}
		fmt.Fprintf(h, "%d %d %d.%d %d %d\x00", st.Size(), st.ModTime().UnixNano(),
			sys.Ctim.Sec, sys.Ctim.Nsec, sys.Ino, sys.Dev)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// contentKey hashes every module's text.
func contentKey(mods []moduleFile) (key string, ok bool) {
	h := sha256.New()
	for _, m := range mods {
		fmt.Fprintf(h, "%s\x00%s\x00", m.dir.Name, m.file)
		if !hashText(h, m) {
			return "", false
		}
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

func hashText(h hash.Hash, m moduleFile) bool {
	b, err := fs.ReadFile(m.dir.FS, m.file)
	if err != nil {
		return false
	}
	fmt.Fprintf(h, "%d\x00", len(b))
	h.Write(b)
	return true
}

// autoloadCache is one lookup of the cache: what was found, and the
// keys to write a fresh result under.
type autoloadCache struct {
	path          string
	mods          []moduleFile
	stat, content string
}

// lookupAutoload returns the cached filters for the modules, if the
// cache holds them for this library and environment.
func lookupAutoload(cacheDir string, dirs []lang.Dir, mods []moduleFile) ([]autoloadEntry, *autoloadCache) {
	c := &autoloadCache{path: cachePath(cacheDir, dirs), mods: mods}
	stat, ok := statKey(mods)
	if !ok {
		return nil, nil
	}
	c.stat = stat
	if !ownFile(c.path) {
		return nil, c
	}
	b, err := os.ReadFile(c.path)
	if err != nil {
		return nil, c
	}
	f, ok := decodeAutoload(b)
	if !ok {
		return nil, c
	}
	for k, v := range f.Env {
		if os.Getenv(k) != v {
			return nil, c
		}
	}
	if f.Stat == stat {
		return f.Modules, c
	}
	// the files were touched: their text decides
	content, ok := contentKey(mods)
	if !ok {
		return nil, nil
	}
	c.content = content
	if f.Content != content {
		return nil, c
	}
	f.Stat = stat
	c.write(f) // the next lookup need not read the library
	return f.Modules, c
}

// ownFile reports whether the cache file at p belongs to this user and
// only this user may write it: a file someone else could have written
// is not trusted to say which files to read.
func ownFile(p string) bool {
	_, ok := ownFileInfo(p)
	return ok
}

// ownFileInfo is ownFile that also returns what Lstat said.
func ownFileInfo(p string) (fs.FileInfo, bool) {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || st.Mode().Perm()&0o022 != 0 {
		return nil, false
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	return st, ok && int(sys.Uid) == os.Geteuid()
}

// store writes the filters found, with the environment variables the
// filters read.
func (c *autoloadCache) store(entries []autoloadEntry, env map[string]string) {
	if c.content == "" {
		content, ok := contentKey(c.mods)
		if !ok {
			return
		}
		c.content = content
	}
	if entries == nil {
		entries = []autoloadEntry{}
	}
	c.write(autoloadCacheFile{Stat: c.stat, Content: c.content, Env: env, Modules: entries})
}

// write replaces the cache file atomically; failing is not an error.
func (c *autoloadCache) write(f autoloadCacheFile) {
	writeCacheFile(c.path, ".autoload-*", f.encode())
}

// staleAge is how old a temporary file of the cache directory must be
// to count as left by a process that died before renaming it.
const staleAge = time.Hour

// removeStale removes such files (those of pattern); it runs only when
// a cache file is written, which is rare.
func removeStale(dir, pattern string) {
	ms, _ := filepath.Glob(filepath.Join(dir, pattern))
	for _, m := range ms {
		if st, err := os.Lstat(m); err == nil && time.Since(st.ModTime()) > staleAge {
			_ = os.Remove(m)
		}
	}
}

// envRecorder backs Sys.getenv and Sys.read_file of the lens modules,
// noting what they read: while on (autoload) in env and readFile, and
// always in all and anyRead (for the parse cache, whose lenses the
// library compiles at any time).
type envRecorder struct {
	on       bool
	env      map[string]string
	readFile bool
	all      map[string]string
	anyRead  bool
}

func (r *envRecorder) getenv(name string) string {
	v := os.Getenv(name)
	if r.on {
		r.env[name] = v
	}
	if r.all == nil {
		r.all = map[string]string{}
	}
	r.all[name] = v
	return v
}

func (r *envRecorder) read(name string) ([]byte, error) {
	if r.on {
		r.readFile = true
	}
	r.anyRead = true
	return os.ReadFile(name)
}
