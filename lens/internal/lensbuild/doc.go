// Package lensbuild gives the lens language's evaluator (lens/lang) one
// thing package lens keeps from its other users: setting, in place, where
// a lens was written.
//
// Lenses are immutable once built, so lens.WithInfo returns a copy: the
// lens it is given may be shared. But the evaluator records the source of
// every lens it builds, right after building it, and copying each one
// there cost about a seventh of the bytes allocated in compiling a lens
// library. SetInfo is for that case only.
package lensbuild
