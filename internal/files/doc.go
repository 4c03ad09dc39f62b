// Package files gives the lensnet handle its access to configuration
// files: Root, an afero.Fs that serves a directory as "/" and never lets
// a name (through "..", or through a symbolic link, absolute or
// relative) reach outside it, as augtool's --root promises, even while
// directories are swapped for links (every component and every
// operation is relative to an open directory descriptor); and
// WriteFile, the atomic save (a temporary file next to the target,
// fsync, rename) with Augeas's save modes (overwrite, backup to
// .augsave, new file .augnew, noop), keeping the mode and owner of the
// file it replaces. Batcher and FileReader name what Root can do beyond
// afero.Fs, which the handle uses when a file system has it.
//
// # Where things are
//
//	root.go       Root: names confined to a directory, every component
//	              opened relative to its parent's descriptor, links
//	              resolved inside it; Batcher and FileReader, the
//	              abilities the handle looks for
//	at_linux.go   the *at system calls Root needs beyond x/sys/unix's
//	fileinfo.go   fs.FileInfo from a stat structure
//	read.go       ReadFile (few system calls) and ReadAll
//	dir.go        one directory's operations for a save, on a Root's
//	              descriptor or on any afero.Fs; the directory lock
//	write.go      Mode (overwrite, backup, newfile, noop), WriteFile,
//	              WriteFileIf and RemoveFileIf: the atomic, locked save
package files
