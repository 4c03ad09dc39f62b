package lensnet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/tree"
)

// SaveMode is how Save writes files, as Augeas's /augeas/save; the
// zero value overwrites.
type SaveMode int

const (
	SaveOverwrite SaveMode = iota // replace the file
	SaveBackup                    // keep the old text in FILE.augsave, then replace the file
	SaveNewFile                   // write FILE.augnew, leave the file alone
	SaveNoop                      // write nothing (Save still lists the files it would write)
)

// String returns the mode's name in /augeas/save: "overwrite",
// "backup", "newfile" or "noop".
func (m SaveMode) String() string {
	if fm, ok := m.fileMode(); ok {
		return fm.String()
	}
	return fmt.Sprintf("SaveMode(%d)", int(m))
}

// fileMode is the mode as internal/files knows it; ok is false for a
// value that is no SaveMode constant.
func (m SaveMode) fileMode() (fm files.Mode, ok bool) {
	switch m {
	case SaveOverwrite:
		return files.Overwrite, true
	case SaveBackup:
		return files.Backup, true
	case SaveNewFile:
		return files.NewFile, true
	case SaveNoop:
		return files.Noop, true
	}
	return files.InvalidMode, false
}

// Save writes back every loaded file whose tree changed (put through its
// lens) and creates files for new subtrees under /files that a
// transform claims (a new node without children, as Touch makes, is an
// empty file, as in Augeas); a file whose text comes out unchanged is not
// written. Files are written atomically in the handle's save mode. A
// file whose tree its lens cannot write is left alone and reported
// (put_failed under /augeas/files, and in the returned error); the
// other files are still saved. The error joins a *FileError for each
// file not saved (errors.As finds the first; its Kind says what failed:
// put_failed, write_failed, remove_failed, load_failed for a file that
// did not load, lens_failed for a new file whose lens fails).
func (h *Handle) Save() error {
	mode, err := h.saveMode()
	if err != nil {
		return err
	}
	var errs []error
	var saved []string
	nodes, order, fresh := h.scanFiles(h.transforms())
	// the files in the order of /files, then those whose subtree is
	// gone, by name
	paths := make([]string, 0, len(h.files))
	paths = append(paths, order...)
	var gone []string
	for p := range h.files {
		if nodes[p] == nil {
			gone = append(gone, p)
		}
	}
	sort.Strings(gone)
	paths = append(paths, gone...)
	for _, p := range paths {
		rec := h.files[p]
		node := nodes[p]
		if node != nil && !tree.SubtreeChanged(node) {
			continue
		}
		if node == nil {
			// the whole subtree is gone: the file goes too
			// as for a write: not when another process changed it since
			// (a file already gone is fine)
			same := func(cur []byte, exists bool) bool { return !exists || rec.sameText(cur) }
			if err := files.RemoveFileIf(h.fs, p, mode, same); err != nil {
				errs = append(errs, h.saveError(p, "remove_failed", err))
				continue
			}
			delete(h.files, p)
			if mode != files.Noop {
				h.dropMeta(p)
			}
			saved = append(saved, p)
			continue
		}
		if err := h.compileFor(rec); err != nil {
			errs = append(errs, h.setPutError(p, err))
			continue
		}
		var out string
		var moves []lens.Move
		var newLay *lens.Layout
		track := h.keepLayout && h.lazyMin < 0 // no lazy nodes: spans can move
		if rec.fresh && node == rec.node {
			switch {
			case track:
				out, moves, newLay, err = rec.lens.PutChangedTracked(node, rec.text, rec.layout, true)
			case h.keepLayout:
				out, err = rec.lens.PutChangedStable(node, rec.text, rec.layout)
			default:
				out, err = rec.lens.PutChangedLayout(node, rec.text, rec.layout)
			}
		} else {
			out, err = rec.lens.Put(node, rec.text)
		}
		if err != nil {
			errs = append(errs, h.setPutError(p, err))
			continue
		}
		if out == rec.text {
			tree.ClearChanges(node)
			continue
		}
		same := func(cur []byte, exists bool) bool { return exists && rec.sameText(cur) }
		if err := files.WriteFileIf(h.fs, p, out, mode, same); err != nil {
			errs = append(errs, h.saveError(p, "write_failed", err))
			continue
		}
		switch mode {
		case files.Noop: // stays changed: every save reports it again
		case files.NewFile: // saved as it is now, the original text stays
			tree.ClearChanges(node)
			rec.fresh, rec.layout = false, nil
		default:
			rec.text = out
			tree.ClearChanges(node)
			rec.fresh, rec.layout = false, nil
			if moves != nil {
				// the spans follow the text written: the file stays
				// fresh, and the next save writes only what changes
				lens.MoveSpans(moves)
				rec.fresh, rec.layout = true, newLay
			}
		}
		saved = append(saved, p)
	}
	errs = append(errs, h.saveNew(fresh, mode, &saved)...)
	ev := h.mkdirs(h.augeasNode(), "events")
	if old := child(ev, "saved"); old != nil {
		for old != nil {
			old.Detach()
			old = child(ev, "saved")
		}
	}
	for _, p := range saved {
		ev.Append(tree.NewValue("saved", "/files"+p))
	}
	return errors.Join(errs...)
}

// setPutError records that a file's tree does not fit its lens, as
// Augeas does: error = put_failed with the node (path), the lens and the
// message. It returns the error as Errors reads it back, with err.
func (h *Handle) setPutError(file string, err error) *FileError {
	fe := &FileError{Path: file, Kind: "put_failed", Msg: err.Error(), Err: err}
	var pe *lens.PutError
	if !errors.As(err, &pe) {
		h.setError(file, fe.Kind, fe.Msg)
		return fe
	}
	fe.Msg, fe.Node, fe.Lens = pe.Msg, "/files"+file+strings.TrimSuffix(pe.Path, "/"), pe.Lens.String()
	e := h.setError(file, fe.Kind, fe.Msg)
	set(e, "path", fe.Node)
	set(e, "lens", fe.Lens)
	return fe
}

// saveError records under /augeas/files<p>/error that the file could
// not be written or removed, and returns it, as Augeas records it: the
// kind of the step that failed (mk_augtemp: the temporary file could not
// be made; error_augtemp: writing it failed; put_read: the file is a
// directory; otherwise kind, lensnet's own) and, as the message, the
// cause alone, worded as strerror(3) words it ("No space left on
// device"). So neither the message nor the error names a host path,
// whatever path the file system put in its errors: the error reads
// "<p>: <cause>" and wraps the cause (errors.Is(err, fs.ErrNotExist)).
func (h *Handle) saveError(p, kind string, err error) *FileError {
	cause := err
	op := ""
	for {
		var pe *fs.PathError
		var le *os.LinkError
		var se *os.SyscallError
		switch {
		case errors.As(cause, &pe):
			if op == "" {
				op = pe.Op
			}
			cause = pe.Err
		case errors.As(cause, &le):
			if op == "" {
				op = le.Op
			}
			cause = le.Err
		case errors.As(cause, &se):
			cause = se.Err
		default:
			switch {
			case errors.Is(cause, syscall.EISDIR):
				kind = "put_read"
			case strings.HasPrefix(op, "open"): // open, openat
				kind = "mk_augtemp"
			case op == "write" || op == "sync" || op == "fsync" || op == "close":
				kind = "error_augtemp"
			}
			msg := cause.Error()
			if r, n := utf8.DecodeRuneInString(msg); n > 0 {
				msg = string(unicode.ToUpper(r)) + msg[n:]
			}
			h.setError(p, kind, msg)
			return &FileError{Path: p, Kind: kind, Msg: msg, Err: cause}
		}
	}
}

// dropMeta removes /augeas/files<p> (its parents stay), as Augeas does
// when a save removed the file.
func (h *Handle) dropMeta(p string) {
	h.loadAll() // the entries of the other files come first
	n := h.augeasNode()
	for _, l := range strings.Split("files"+p, "/") {
		if n = child(n, l); n == nil {
			return
		}
	}
	n.Detach()
}

// saveNew creates the files whose subtrees were added under /files.
func (h *Handle) saveNew(fresh []freshFile, mode files.Mode, saved *[]string) []error {
	var errs []error
	for _, f := range fresh {
		cp, c := f.path, f.node
		if h.failed[cp] {
			why := "not saved: the file did not load (see its error under /augeas/files)"
			errs = append(errs, &FileError{Path: cp, Kind: "load_failed", Msg: why, Err: errors.New(why)})
			continue
		}
		root := tree.NewHidden()
		root.SetChildren(cloneKids(c))
		l, err := h.lensOf(f.xf)
		if err != nil {
			errs = append(errs, &FileError{Path: cp, Kind: "lens_failed", Msg: err.Error(), Err: err})
			continue
		}
		// as Augeas: the new file's entry under /augeas/files, with
		// mtime 0 until it is written
		h.loadAll() // after the entries of the files read
		meta := h.mkdirs(h.augeasNode(), "/files"+cp)
		if child(meta, "path") == nil {
			h.addFileMeta(cp, f.xf, lensInfo(l), 0)
		}
		out, err := l.Create(root)
		if err != nil {
			errs = append(errs, h.setPutError(cp, err))
			continue
		}
		if st, err := h.fs.Stat(cp); err == nil && st.IsDir() {
			// Augeas reads the file it replaces first, and fails there
			errs = append(errs, h.saveError(cp, "put_read", &fs.PathError{Op: "read", Path: cp, Err: syscall.EISDIR}))
			continue
		}
		if err := files.WriteFile(h.fs, cp, out, mode); err != nil {
			errs = append(errs, h.saveError(cp, "write_failed", err))
			continue
		}
		if mode != files.Noop && mode != files.NewFile {
			if st, err := h.fs.Stat(cp); err == nil {
				set(meta, "mtime", strconv.FormatInt(st.ModTime().Unix(), 10))
			}
			tree.ClearChanges(c)
			tree.SetFileRoot(c, true)
			h.files[cp] = &fileRec{path: cp, xf: f.xf, lens: l, text: out, node: c}
		}
		*saved = append(*saved, cp)
	}
	return errs
}

// freshFile is a subtree under /files that no loaded file owns, at a
// path a transform claims (or a file that failed to load).
type freshFile struct {
	path string
	node *tree.Node
	xf   *xform
}

// scanFiles walks /files once, without entering the loaded files' own
// trees: it maps the path of every loaded file still in the tree to its
// node, lists those paths in the order of the tree, and lists the new
// subtrees Save must create.
func (h *Handle) scanFiles(xfs []*xform) (map[string]*tree.Node, []string, []freshFile) {
	loaded := map[string]*tree.Node{}
	var order []string
	var fresh []freshFile
	var walk func(n *tree.Node, p string)
	walk = func(n *tree.Node, p string) {
		for _, c := range n.Children() {
			l, ok := c.Label()
			if !ok {
				continue
			}
			cp := p + "/" + l
			if _, isLoaded := h.files[cp]; isLoaded {
				if _, dup := loaded[cp]; !dup {
					loaded[cp] = c
					order = append(order, cp)
				}
				continue
			}
			if h.failed[cp] {
				fresh = append(fresh, freshFile{path: cp, node: c})
				continue
			}
			if !tree.SubtreeChanged(c) {
				// nothing changed below: no new file there, as in
				// Augeas, which saves only dirty subtrees; only the
				// files read are to find (a file not read yet has no
				// children)
				walk(c, cp)
				continue
			}
			// a new node without children (touched, or emptied again)
			// is an empty file, as in Augeas
			if x := claim(xfs, cp); x != nil {
				fresh = append(fresh, freshFile{path: cp, node: c, xf: x})
				continue
			}
			walk(c, cp)
		}
	}
	walk(h.filesNode(), "")
	return loaded, order, fresh
}

// compileFor compiles the lens of a file whose tree came from the parse
// cache, which a write needs.
func (h *Handle) compileFor(rec *fileRec) error {
	if rec.lens != nil {
		return nil
	}
	l, err := h.lensOf(rec.xf)
	rec.lens = l
	return err
}

// Preview returns the text Save would write for the file the one node
// p selects belongs to.
func (h *Handle) Preview(p string) (string, error) {
	node, fp, err := h.fileOfPath(p)
	if err != nil {
		return "", err
	}
	rec := h.files[fp]
	if err := h.compileFor(rec); err != nil {
		return "", err
	}
	root := tree.NewHidden()
	root.SetChildren(cloneKids(node))
	return rec.lens.Put(root, rec.text)
}

// Saved returns the files the last Save wrote (or would have, in
// noop mode), as /files paths: /augeas/events/saved.
func (h *Handle) Saved() []string {
	// only /augeas/events: no file needs reading (unless Options.LoadAll)
	ns, _ := tree.MustParsePath("/augeas/events/saved").MatchVars(h.root, tree.Vars{})
	out := []string{}
	for _, n := range ns {
		v, _ := n.Value()
		out = append(out, v)
	}
	return out
}

// saveMode reads /augeas/save.
func (h *Handle) saveMode() (files.Mode, error) {
	v, _ := h.metaValue("save")
	return files.ParseMode(v)
}
