// Package regular implements the regular languages that lenses are built
// from: Augeas's regexp dialect, finite automata, the algebra the lens
// type checker needs, and linear-time matching.
//
// # The dialect
//
// Parse reads a pattern as Augeas 1.14 does after the lens language has
// converted the escapes of its /.../ literals (POSIX extended syntax, read
// the way GNU regex and libfa read it in Augeas):
//
//   - A byte stands for itself; \c stands for c for any byte c (so \. is
//     a dot and \n is the letter n: a newline reaches the engine as a raw
//     newline byte). A trailing lone backslash is an error.
//   - . matches any byte but newline.
//   - [set] and [^set] are bracket expressions with ranges a-z. Inside
//     brackets a backslash is an ordinary byte; ] first and - first or
//     last are literal; there are no named classes ([:alpha:] is read as
//     the bytes ':', 'a', ...). A negated set matches newline. [] and [^]
//     are unterminated, z-a and a range followed by - are errors.
//   - Postfix * + ? and intervals {m}, {m,}, {m,n} and {,n}, with counts
//     up to MaxRepeat. A * or interval directly after another repeat
//     operator is an error; a further + or ? applies to the whole, as in
//     GNU regex ((a?)+ for a?+).
//   - | and ( ); empty alternatives and () match the empty word.
//   - ^ at the start and $ at the end of the pattern, a group or an
//     alternative are anchors; matching is anchored anyway, so they match
//     the empty word. Elsewhere they are literal bytes. With
//     LiteralAnchors they are literal everywhere, as Augeas's type
//     checker reads them.
//   - With FoldCase (the /re/i form) every ASCII letter matches both
//     cases; a negated set excludes both cases of its letters.
//
// Errors are *Error values carrying the byte offset into the pattern.
//
// # Automata
//
// Compile turns a Regexp into an FA. Union, Concat, Star, Plus, Optional
// and Repeat combine automata structurally: an FA keeps how it was made
// and builds its automaton, its operands' straight into it, when
// something needs it (build.go). Intersect and Complement determinize
// their operands (once, cached) into minimal DFAs (Hopcroft) and build
// the reachable part of the product; Minus determinizes only
// its right operand and runs it alongside the left one's automaton
// (Subtract refuses a right operand of more than DFALimit states). IsEmpty,
// Example, Equal, Subset and Disjoint answer questions about languages,
// and AmbigConcat and AmbigStar find shortest words with two splits, the
// counterexamples the lens type checker reports. Where a DFA would have
// more than DFALimit states, Disjoint, AmbigConcat and AmbigStar search
// the product of the nondeterministic automata instead, MinimizeBounded
// leaves the automaton as it is, and Restrict drops bytes without
// determinising. FA.String converts a language back to a pattern, by
// state elimination where it was not built from one.
//
// # Matching
//
// Match, LongestPrefix, AppendPrefixes (every prefix length in the
// language) and AppendStarts (every start of a suffix in the language)
// each read the input once, through a lazily built DFA with a bounded
// state cache: no backtracking, linear time, bounded memory.
//
// # Where things are
//
//	parse.go      the dialect's parser (Parse, Error) and ast.go its AST
//	byteset.go    sets of bytes, the alphabet of every automaton
//	nfa.go        nondeterministic automata with byte-set edges, stored
//	              flat, and the builder that assembles them
//	fa.go         FA, a language held as an automaton, with its algebra (Compile, Union, Concat, Star,
//	              Intersect, Minus, Complement, Equal, Subset, Example)
//	build.go      how an FA was made, and its automaton built from that on
//	              first need
//	dfa.go        determinisation, Hopcroft minimisation, products
//	minus.go      Minus without determinising its left operand
//	ambig.go      AmbigConcat and AmbigStar, the type checker's witnesses
//	lazydfa.go    the lazily built DFA with a bounded cache;
//	matcher.go    its lock-free form shared by goroutines; match.go the
//	              matching API
//	tagged.go     automata that tell which of several patterns matched
//	fixed.go      FixedLength, for cutting fixed-length operands
//	large.go      languages whose DFA is too large to build: the type
//	              checker's questions answered on the NFAs
//	toregexp.go   automata back to patterns (state elimination),
//	simplify.go   its simplifying constructors, print.go the printer
package regular
