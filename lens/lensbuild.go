package lens

import (
	"github.com/lensnet/lensnet/lens/internal/lensbuild"
	"github.com/lensnet/lensnet/lens/source"
)

func init() {
	lensbuild.SetInfo = func(l any, info source.Info) { l.(*Lens).info = info }
}
