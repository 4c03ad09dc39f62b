package backends

import (
	"github.com/lensnet/lensnet/internal/files"
	"github.com/spf13/afero"
)

// FS returns the file system a driver works on: fs when given, else
// the real disk under root ("" is /), every name kept inside it.
func FS(fs afero.Fs, root string) (afero.Fs, error) {
	if fs != nil {
		return fs, nil
	}
	if root == "" {
		root = "/"
	}
	return files.NewRoot(root)
}

// IsDir reports whether name is a directory in fs.
func IsDir(fs afero.Fs, name string) bool {
	fi, err := fs.Stat(name)
	return err == nil && fi.IsDir()
}
