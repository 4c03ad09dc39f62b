(*
Module: Build
  lensnet's own functions for assembling lenses: lists, key/value
  nodes, flags, blocks in braces and combinations in any order.

  This is an independent implementation, written for lensnet, of the
  public interface of the Build module shipped with Augeas 1.14: the same
  names, taking the same parameters, matching the same text, writing the
  same defaults and producing the same trees.
*)

module Build =

(* View: eol
   The end of a line, as <Util.eol> *)
let eol = Util.eol

(************************************************************************
 * Group: Wrapping and lists
 ************************************************************************)

(* View: brackets
   lns between the lenses l and r *)
let brackets (l:lens) (r:lens) (lns:lens) = l . lns . r

(* View: list
   Two or more lns, with sep between them *)
let list (lns:lens) (sep:lens) = lns . sep . lns . (sep . lns)*

(* View: opt_list
   One or more lns, with sep between them *)
let opt_list (lns:lens) (sep:lens) = lns . (sep . lns)*

(************************************************************************
 * Group: Labels
 ************************************************************************)

(* View: xchg
   Delete what m matches (d when creating) and label the node l *)
let xchg (m:regexp) (d:string) (l:string) = del m d . label l

(* View: xchgs
   <xchg> for the fixed text m *)
let xchgs (m:string) (l:string) = xchg m m l

(************************************************************************
 * Group: Nodes
 ************************************************************************)

(* View: key_value
   A node keyed by kw, then sep and the value lens sto *)
let key_value (kw:regexp) (sep:lens) (sto:lens) = [ key kw . sep . sto ]

(* View: key_value_line
   <key_value> up to and including the end of the line *)
let key_value_line (kw:regexp) (sep:lens) (sto:lens) =
  [ key kw . sep . sto . eol ]

(* View: key_value_line_comment
   <key_value_line> where the line may end with the given comment lens
   instead, the comment becoming a child of the node *)
let key_value_line_comment (kw:regexp) (sep:lens) (sto:lens) (comment:lens) =
  [ key kw . sep . sto . (eol | comment) ]

(* View: key_ws_value
   kw, blanks (a space when creating) and the rest of the line, trimmed,
   as value *)
let key_ws_value (kw:regexp) =
  key_value_line kw Util.del_ws_spc (store Rx.space_in)

(* View: flag
   A node made of just the key kw *)
let flag (kw:regexp) = [ key kw ]

(* View: flag_line
   A <flag> alone on its line *)
let flag_line (kw:regexp) = [ key kw . eol ]

(************************************************************************
 * Group: Blocks
 ************************************************************************)

(* View: block_generic
   Entries and comments between two delimiters.  Either a single entry
   or comment sits right after the opening delimiter, with no line end
   (entry_noindent_noeol, comment_noindent); or there is a first line
   right after the opening delimiter (entry_noindent, comment_noindent),
   any number of full lines (entry, comment) and a last line with no
   line end of its own (entry_noeol, comment).  ldelim_re and rdelim_re
   match the delimiters, written as ldelim_default and rdelim_default
   when creating *)
let block_generic
      (entry:lens) (entry_noindent:lens)
      (entry_noeol:lens) (entry_noindent_noeol:lens)
      (comment:lens) (comment_noindent:lens)
      (ldelim_re:regexp) (rdelim_re:regexp)
      (ldelim_default:string) (rdelim_default:string) =
     let first = entry_noindent | comment_noindent
  in let middle = entry | comment
  in let last = entry_noeol | comment
  in let several = first . middle* . last
  in let single = entry_noindent_noeol | comment_noindent
  in del ldelim_re ldelim_default
   . (several | single)
   . del rdelim_re rdelim_default

(* View: block_setdelim
   A <block_generic> for an entry lens that has neither indentation nor
   line end: those, <Util.empty> lines and <Util.comment>s are added
   here *)
let block_setdelim (entry:lens)
      (ldelim_re:regexp) (rdelim_re:regexp)
      (ldelim_default:string) (rdelim_default:string) =
  let full_line = Util.empty | Util.indent . entry . eol in
  block_generic full_line (entry . eol) (Util.indent . entry) entry
                Util.comment Util.comment_noindent
                ldelim_re rdelim_re ldelim_default rdelim_default

(* Variable: block_ldelim_re
   Blanks or newlines (at least one), '{', blanks or newlines *)
let block_ldelim_re = /[ \t\n]+/ . "{" . /[ \t\n]*/

(* Variable: block_rdelim_re
   Blanks or newlines, then '}' *)
let block_rdelim_re = /[ \t\n]*/ . "}"

(* Variable: block_ldelim_default *)
let block_ldelim_default = " {\n"

(* Variable: block_rdelim_default *)
let block_rdelim_default = "}"

(* View: block
   entry in braces, as <block_setdelim> with the delimiters above *)
let block (entry:lens) =
  block_setdelim entry block_ldelim_re block_rdelim_re
                 block_ldelim_default block_rdelim_default

(* Variable: block_ldelim_newlines_re
   Optional blanks or newlines, '{', and optionally blanks ending with
   a newline *)
let block_ldelim_newlines_re = /[ \t\n]*/ . "{" . /([ \t\n]*\n)?/

(* Variable: block_rdelim_newlines_re
   Optional blanks, then '}' *)
let block_rdelim_newlines_re = /[ \t]*/ . "}"

(* Variable: block_ldelim_newlines_default *)
let block_ldelim_newlines_default = "\n{\n"

(* Variable: block_rdelim_newlines_default *)
let block_rdelim_newlines_default = "}"

(* View: block_newlines
   Braces on lines of their own around full lines of entries, comments
   and (not first) empty lines; the entry and comment lenses handle
   their own indentation and line ends *)
let block_newlines (entry:lens) (comment:lens) =
     let body = (entry | comment) . (Util.empty | entry | comment)*
  in del block_ldelim_newlines_re block_ldelim_newlines_default
   . body?
   . del block_rdelim_newlines_re block_rdelim_newlines_default

(* View: block_newlines_spc
   <block_newlines> where at least one blank or newline comes before
   the opening brace *)
let block_newlines_spc (entry:lens) (comment:lens) =
     let body = (entry | comment) . (Util.empty | entry | comment)*
  in let opening = /[ \t\n]/ . block_ldelim_newlines_re
  in del opening block_ldelim_newlines_default
   . body?
   . del block_rdelim_newlines_re block_rdelim_newlines_default

(* View: named_block
   A node keyed by kw holding a <block> of entry, and the line end *)
let named_block (kw:regexp) (entry:lens) = [ key kw . block entry . eol ]

(************************************************************************
 * Group: Combinations
 *   The _ord variants keep the first lens first; the _opt variants let
 *   lenses other than the first be missing.
 ************************************************************************)

(* View: combine_two_ord
   a then b *)
let combine_two_ord (a:lens) (b:lens) = a . b

(* View: combine_two
   a and b, in either order *)
let combine_two (a:lens) (b:lens) = a . b | b . a

(* View: combine_two_opt_ord
   a, optionally followed by b *)
let combine_two_opt_ord (a:lens) (b:lens) = a . b?

(* View: combine_two_opt
   a or b or both, in either order *)
let combine_two_opt (a:lens) (b:lens) = a . b? | b . a?

(* View: combine_three_ord
   a, then b and c in either order *)
let combine_three_ord (a:lens) (b:lens) (c:lens) = a . combine_two b c

(* View: combine_three
   a, b and c in any order *)
let combine_three (a:lens) (b:lens) (c:lens) =
    combine_three_ord a b c
  | combine_three_ord b a c
  | combine_three_ord c b a

(* View: combine_three_opt_ord
   a, then optionally b or c or both, in either order *)
let combine_three_opt_ord (a:lens) (b:lens) (c:lens) =
  a . (combine_two_opt b c)?

(* View: combine_three_opt
   At least one of a, b and c, each at most once, in any order *)
let combine_three_opt (a:lens) (b:lens) (c:lens) =
    combine_three_opt_ord a b c
  | combine_three_opt_ord b a c
  | combine_three_opt_ord c b a
