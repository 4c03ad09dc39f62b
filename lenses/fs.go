package lenses

import (
	"embed"
	"io/fs"
)

//go:embed *.aug
var modules embed.FS

// FS is the file system of the embedded modules (name.aug at its root).
var FS fs.FS = modules
