package lensbuild

import "github.com/lensnet/lensnet/lens/source"

// SetInfo sets, in place, the info of l, a *lens.Lens that its caller
// has just built and that nobody else holds yet. Package lens sets it
// when it is initialised.
var SetInfo func(l any, info source.Info)
