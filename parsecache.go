package lensnet

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/internal/workers"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/tree"
)

// This file holds the parse cache (Options.CacheDir, on a root on
// disk). A whole-system command reads hundreds of files with dozens of
// lenses; most of its cost is compiling those lenses and building their
// automata, the same work every run, to read files that did not change
// since the last run. What a lens reads from a text depends only on the
// lens and the text, so the cache keeps, for each lens, the trees it
// read (labels, values, spans) and the parse failures it met, by file
// path, with a SHA-256 of the text each came from:
//
//   - A file is still read every time, and its text hashed; only a
//     text with the same hash takes its tree from the cache, and a
//     tree's labels and values read from the text are its bytes (the
//     spans name them), so the cache cannot show a value the file
//     does not hold. Nothing else about the file comes from the cache:
//     its mtime, whether it exists, which transform claims it.
//   - A lens taken from the cache is not compiled; Save compiles it when
//     the file changed and must be written (Handle.compileFor).
//   - Each lens has one cache file, named after the root directory, the
//     lens search path, the lens and whether lenses are type-checked
//     (Options.TypeCheck, which fails some lenses), and keyed by lensnet's executable
//     (its path, size, modification time and inode: another build reads
//     differently), by the lens library (the stat key of the autoload
//     cache: any module written since invalidates every lens) and by the
//     environment variables the library read while compiling lenses
//     (Sys.getenv). A library that reads a file while compiling
//     (Sys.read_file) is never cached.
//   - A file others may not read (no o+r bit: /etc/shadow, sudoers) is
//     never copied into the cache, and its entry goes if it had one.
//     A file read with its levels unread (Options.LazyMin) is not
//     stored when read, as storing would read them, but by Flush once
//     every level was read (a print, a // match) and nothing changed.
//   - The cache files are written as the autoload cache's are: atomically,
//     mode 0600 in a 0700 directory, never read when not the user's own
//     or writable by others. A cache file that does not decode is
//     ignored and replaced; failing to write one is not an error.

// parseCacheVersion changes whenever the cache file's form or meaning
// does.
const parseCacheVersion = 1

const parseMagic = "lensnet parse"

// parseCache is one handle's use of the cache.
type parseCache struct {
	dir     string // Options.CacheDir
	prefix  []byte // the root and the search path, for the file names
	library string // the lens library's stat key
	packs   map[string]*pack
}

// pack is one lens's cache file: its entries by file path.
type pack struct {
	path    string
	info    string            // lensInfo of the lens
	env     map[string]string // the environment it was made with
	entries map[string]packEntry
	dirty   bool // entries came or went: write it
}

type packEntry struct {
	sum    [sha256.Size]byte
	failed bool   // data is a parse failure, not a tree
	data   []byte // tree.AppendBinary, or parseFailure.encode
}

// parseCacheFor returns the handle's parse cache, or nil when it keeps
// none (no CacheDir, a file system not on disk, a library that read a
// file, or one whose modules cannot be looked at).
func (h *Handle) parseCacheFor() *parseCache {
	if h.pc != nil || h.cacheDir == "" || h.env.anyRead {
		return h.pc
	}
	r, ok := h.fs.(*files.Root)
	if !ok || engineKey() == "" {
		return nil
	}
	if h.libKey == "" {
		key, ok := statKey(libraryModules(h.ld.Path()))
		if !ok {
			return nil
		}
		h.libKey = key
	}
	p := sha256.New()
	// a lens type-checked may fail where it compiled without: runs that
	// check keep their own cache files
	fmt.Fprintf(p, "%d\x00%s\x00%s\x00%t\x00", parseCacheVersion, engineKey(), r.Dir(), h.ldOpts.TypeCheck)
	for _, d := range h.ld.Path() {
		fmt.Fprintf(p, "%s\x00", d.Name)
	}
	h.pc = &parseCache{dir: h.cacheDir, prefix: p.Sum(nil), library: h.libKey, packs: map[string]*pack{}}
	return h.pc
}

// engineKey tells this build of lensnet from others: the executable's
// path, size, modification time and inode ("" when it cannot be found:
// no parse cache then). It is taken when the program starts, so that a
// program whose file is replaced while it runs (an upgrade) does not
// store what it reads under the new build's key.
var engineKey = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	st, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%s %d %d %d %d", exe, st.Size(), st.ModTime().UnixNano(), sys.Ino, sys.Dev)
})

func init() { engineKey() }

// packsFor returns the pack of each path's lens, reading those not
// read yet in parallel.
func (c *parseCache) packsFor(paths []string, claimed map[string]*xform) []*pack {
	var names []string
	for _, p := range paths {
		name := claimed[p].name
		if _, ok := c.packs[name]; !ok {
			c.packs[name] = nil
			names = append(names, name)
		}
	}
	read := make([]*pack, len(names))
	workers.Each(len(names), func(i int) { read[i] = c.readPack(names[i]) })
	for i, name := range names {
		c.packs[name] = read[i]
	}
	out := make([]*pack, len(paths))
	for i, p := range paths {
		out[i] = c.packs[claimed[p].name]
	}
	return out
}

// readPack reads lens name's pack from its cache file (empty when there
// is none or it does not match).
func (c *parseCache) readPack(name string) *pack {
	h := sha256.New()
	h.Write(c.prefix)
	h.Write([]byte(name))
	pk := &pack{path: filepath.Join(c.dir, "parse-"+hex.EncodeToString(h.Sum(nil))[:24]), entries: map[string]packEntry{}, env: map[string]string{}}
	st, ok := ownFileInfo(pk.path)
	if !ok {
		return pk
	}
	if now := time.Now(); now.Sub(st.ModTime()) > packTouchAge {
		// in use: not swept (a pack's time is when it was last
		// written, or used, to a day)
		_ = os.Chtimes(pk.path, now, now)
	}
	b, err := os.ReadFile(pk.path)
	if err != nil {
		return pk
	}
	if f, ok := decodePack(b, c.library, name, os.Getenv); ok {
		pk.info, pk.env, pk.entries = f.info, f.env, f.entries
	}
	return pk
}

// lookup takes a file's tree or parse failure from the pack when the
// text is the one it was read from.
func (pk *pack) lookup(r *readResult, p string) bool {
	e, ok := pk.entries[p]
	if !ok || e.sum != sha256.Sum256([]byte(r.text)) {
		return false
	}
	if e.failed {
		f, ok := decodeFailure(e.data)
		if !ok {
			return false
		}
		r.gerr = f
	} else {
		t, rest, err := tree.DecodeBinary(e.data, r.text)
		if err != nil || len(rest) != 0 {
			return false
		}
		r.tree = t
	}
	r.info, r.cached = pk.info, true
	return true
}

// Flush stores in the parse cache (Options.CacheDir) the large files
// read lazily (Options.LazyMin) whose trees were read in full since and
// are unchanged: they could not be stored when read. The command calls
// it once its commands are done. It changes nothing a verb shows, and
// failing to write the cache is not an error.
func (h *Handle) Flush() {
	if h.pc == nil {
		return
	}
	stored := false
	for p, rec := range h.files {
		if !rec.unstored || !rec.fresh || rec.lens == nil || tree.SubtreeChanged(rec.node) {
			continue
		}
		pk := h.pc.packs[rec.xf.name]
		if pk == nil {
			continue
		}
		data, ok := tree.AppendBinaryChildren(nil, rec.node.Children(), rec.text)
		if !ok {
			continue // not all read
		}
		rec.unstored = false
		pk.info = lensInfo(rec.lens)
		pk.entries[p] = packEntry{sum: sha256.Sum256([]byte(rec.text)), data: data}
		pk.dirty, stored = true, true
	}
	if stored {
		h.pc.write(nil, false, h.env)
	}
}

// packEntryOf encodes what reading a file with its lens gave, and
// reports whether it may be kept (see the top of this file).
func packEntryOf(r *readResult) (packEntry, bool) {
	if r.perm&0o004 == 0 || r.lazy && r.gerr == nil || r.lens == nil || r.err != nil {
		return packEntry{}, false
	}
	e := packEntry{sum: sha256.Sum256([]byte(r.text))}
	if r.gerr != nil {
		e.failed, e.data = true, failureOf(r.gerr).encode()
		return e, true
	}
	var ok bool
	e.data, ok = tree.AppendBinary(nil, r.tree, r.text)
	return e, ok
}

// store records the entry readFiles made of a file read with its lens
// (packEntryOf), or drops the file's entry when it may not be kept.
func (pk *pack) store(r *readResult, p string) {
	if !r.keep {
		if _, ok := pk.entries[p]; ok {
			delete(pk.entries, p)
			pk.dirty = true
		}
		return
	}
	pk.info = lensInfo(r.lens)
	pk.entries[p] = r.entry
	pk.dirty = true
}

// write replaces the cache files of the packs that changed, with the
// environment the library read while compiling in this process. With
// all (claimed holds every file the transforms claim), a pack keeps
// only the entries of files its lens still claims.
func (c *parseCache) write(claimed map[string]*xform, all bool, env *envRecorder) {
	if env.anyRead {
		return // a lens read a file: what it reads depends on more than text
	}
	for name, pk := range c.packs {
		if !pk.dirty {
			continue
		}
		for p := range pk.entries {
			if x := claimed[p]; all && (x == nil || x.name != name) {
				delete(pk.entries, p)
			}
		}
		sweepPacks(c.dir)
		maps.Copy(pk.env, env.all)
		writeCacheFile(pk.path, ".parse-*", encodePack(c.library, name, pk.info, pk.env, pk.entries))
		pk.dirty = false
	}
}

// packTouchAge is how old a pack's modification time gets before a read
// sets it to now, and packMaxAge how long a pack may go unused before a
// write of another removes it (roots that are gone, such as temporary
// copies, leave theirs behind). The sweep runs once a day at most
// (sweepMark's time).
const (
	packTouchAge = 24 * time.Hour
	packMaxAge   = 30 * 24 * time.Hour
	sweepMark    = ".swept-parse"
)

// sweepPacks removes the packs of dir not used for packMaxAge.
func sweepPacks(dir string) {
	mark := filepath.Join(dir, sweepMark)
	now := time.Now()
	if st, err := os.Lstat(mark); err == nil && now.Sub(st.ModTime()) < packTouchAge {
		return
	}
	if err := os.WriteFile(mark, nil, 0o600); err != nil {
		return
	}
	_ = os.Chtimes(mark, now, now)
	ms, _ := filepath.Glob(filepath.Join(dir, "parse-*"))
	for _, m := range ms {
		if st, err := os.Lstat(m); err == nil && now.Sub(st.ModTime()) > packMaxAge {
			_ = os.Remove(m)
		}
	}
}

// The cache file's form: the magic line, then uvarint-prefixed strings
// and counts:
//
//	"lensnet parse 1\n" library lens info
//	count (name value)...        the environment the library read
//	count (path sha256 kind data)...

func encodePack(library, name, info string, env map[string]string, entries map[string]packEntry) []byte {
	b := fmt.Appendf(nil, "%s %d\n", parseMagic, parseCacheVersion)
	b = appendStr(b, library)
	b = appendStr(b, name)
	b = appendStr(b, info)
	b = binary.AppendUvarint(b, uint64(len(env)))
	for _, k := range slices.Sorted(maps.Keys(env)) {
		b = appendStr(appendStr(b, k), env[k])
	}
	b = binary.AppendUvarint(b, uint64(len(entries)))
	for _, p := range slices.Sorted(maps.Keys(entries)) {
		e := entries[p]
		b = appendStr(b, p)
		b = append(b, e.sum[:]...)
		kind := byte(0)
		if e.failed {
			kind = 1
		}
		b = append(b, kind)
		b = appendStr(b, string(e.data))
	}
	return b
}

// packFile is a decoded cache file.
type packFile struct {
	info    string
	env     map[string]string
	entries map[string]packEntry
}

// decodePack reads a cache file for the library and lens name; ok is
// false for anything but a whole file of this version made with the
// environment getenv gives now.
func decodePack(b []byte, library, name string, getenv func(string) string) (f packFile, ok bool) {
	magic := fmt.Appendf(nil, "%s %d\n", parseMagic, parseCacheVersion)
	if !bytes.HasPrefix(b, magic) {
		return f, false
	}
	r := byteReader{b: b[len(magic):], ok: true}
	if r.str() != library || r.str() != name {
		return f, false
	}
	f.info = r.str()
	f.env = map[string]string{}
	for n := r.count(2); n > 0 && r.ok; n-- {
		k, v := r.str(), r.str()
		if getenv(k) != v {
			return f, false
		}
		f.env[k] = v
	}
	n := r.count(3 + sha256.Size)
	f.entries = make(map[string]packEntry, n)
	for ; n > 0 && r.ok; n-- {
		p := r.str()
		var e packEntry
		copy(e.sum[:], r.bytes(sha256.Size))
		kind := r.bytes(1)
		e.data = r.bytes(int(r.uvarint()))
		if !r.ok || kind[0] > 1 {
			return f, false
		}
		e.failed = kind[0] == 1
		f.entries[p] = e
	}
	return f, r.ok && len(r.b) == 0
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// byteReader reads the cache file's fields; ok turns false at the first
// one that is not whole, and everything after reads as empty.
type byteReader struct {
	b  []byte
	ok bool
}

func (r *byteReader) uvarint() uint64 {
	if !r.ok {
		return 0
	}
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *byteReader) bytes(n int) []byte {
	if !r.ok || n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *byteReader) str() string { return string(r.bytes(int(r.uvarint()))) }

// count reads a count of items of at least min bytes each, refusing one
// the rest of the file cannot hold.
func (r *byteReader) count(min int) int {
	n := r.uvarint()
	if !r.ok || n > uint64(len(r.b)/min) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *byteReader) fail() { r.b, r.ok = nil, false }

// parseFailure is a parse error as /augeas/files/<f>/error shows it
// (describeGetError): what a cache entry keeps of it.
type parseFailure struct {
	hasPos            bool
	offset, line, col int
	lens              string // "" for an error that is not a lens.GetError
	msg               string
}

func (f parseFailure) Error() string { return f.msg }

// failureOf is what /augeas/files shows of a parse error.
func failureOf(err error) parseFailure {
	if f, ok := err.(parseFailure); ok {
		return f
	}
	var ge *lens.GetError
	if !errors.As(err, &ge) {
		return parseFailure{msg: err.Error()}
	}
	f := parseFailure{lens: ge.Lens.String(), msg: ge.Msg}
	if ge.Pos.IsValid() {
		f.hasPos, f.offset, f.line, f.col = true, ge.Pos.Offset, ge.Pos.Line, ge.Pos.Column
	}
	return f
}

func (f parseFailure) encode() []byte {
	var b []byte
	if f.hasPos {
		b = append(b, 1)
		for _, v := range []int{f.offset, f.line, f.col} {
			b = binary.AppendVarint(b, int64(v))
		}
	} else {
		b = append(b, 0)
	}
	return appendStr(appendStr(b, f.lens), f.msg)
}

func decodeFailure(b []byte) (parseFailure, bool) {
	var f parseFailure
	if len(b) == 0 || b[0] > 1 {
		return f, false
	}
	f.hasPos = b[0] == 1
	r := byteReader{b: b[1:], ok: true}
	if f.hasPos {
		for _, v := range []*int{&f.offset, &f.line, &f.col} {
			x, k := binary.Varint(r.b)
			if k <= 0 || x != int64(int(x)) {
				return f, false
			}
			*v, r.b = int(x), r.b[k:]
		}
	}
	f.lens, f.msg = r.str(), r.str()
	return f, r.ok && len(r.b) == 0
}

// writeCacheFile replaces a cache file atomically (a temporary file
// matching tmpPattern, renamed over it); failing is not an error.
func writeCacheFile(p, tmpPattern string, b []byte) {
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	removeStale(dir, tmpPattern)
	tmp, err := os.CreateTemp(dir, tmpPattern)
	if err != nil {
		return
	}
	_, err = tmp.Write(b)
	err = errors.Join(err, tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
}
