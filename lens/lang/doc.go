// Package lang evaluates modules written in Augeas's lens language: it
// loads modules from a search path, evaluates their declarations into
// values (strings, regexps, lenses, trees, filters, transforms and
// functions), type-checks the lenses they bind, and runs their unit
// tests.
//
// # Values and types
//
// Strings are promoted to regexps where a regexp is expected (the string
// stands for itself, literally); "." of two strings is a string, of a
// string and a regexp a regexp; "|" of strings is a regexp. There is no
// promotion to lenses. Functions are curried: every builtin and every
// "let f (a:T) ... =" can be applied to fewer arguments than it takes.
// "f ; g" composes two functions, and "() ; e" is e. "." of two filters
// orders their globs as Augeas does, which /augeas/load shows: a filter
// read from a name goes after the other operand, any other in front of
// it (see Filter).
//
// # Modules and the search path
//
// A module named Foo lives in foo.aug. A qualified name Foo.x loads foo.aug
// from the first directory of the search path that has it; a module found
// earlier shadows one of the same name later on the path. Each module is
// loaded once, completely (every declaration evaluated and every test
// run, in order, up to the first failure), and cached with its result,
// failures included.
//
// Autoload is the exception: to learn the files a module's autoload
// transform claims, it parses the module and evaluates only the
// top-level lets the transform's filter needs, each when first
// referenced and seeing only the lets declared before it, in this
// module and in the modules it refers to; lenses are not compiled. This
// lazy evaluation is kept apart: loading the module afterwards
// evaluates it completely, as if Autoload had not run.
//
// DefaultPath builds lensnet's path: the -I directories, then the
// directories of $AUGEAS_LENS_LIB, then /usr/share/augeas/lenses (where
// administrators put their own lenses for augtool), then the lenses
// embedded in lensnet, then Augeas's /usr/share/augeas/lenses/dist. The
// embedded lenses thus take the place of Augeas's lenses of the same
// name, while Augeas's other lenses stay usable when it is installed.
//
// # Errors
//
// Errors are *Error values with the position of the expression at fault
// ("file:line:col: message"); a failing unit test returns a *TestFailure
// after printing the comparison the way augparse does.
//
// # Where things are
//
//	loader.go     Loader, Options, the search path (DefaultPath), Module
//	module.go     evaluating a module's declarations and running its tests
//	autoload.go   Autoload: a module's filter without compiling its lenses
//	eval.go       the expression evaluator
//	builtin.go    the builtins (del, store, key, ..., incl, transform)
//	value.go      the value types and Error
//	filter.go     include/exclude filters
package lang
