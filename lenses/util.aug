(*
Module: Util
  lensnet's own general-purpose lens primitives: blanks, line ends,
  comments, empty lines, lists and file exclusions.

  This is an independent implementation, written for lensnet, of the
  public interface of the Util module shipped with Augeas 1.14: the same
  names, taking the same parameters, matching the same text, writing the
  same defaults and producing the same trees.
*)

module Util =

(************************************************************************
 * Group: Deleting fixed text and blanks
 ************************************************************************)

(* View: del_str
   Delete exactly the string s, and write s when creating *)
let del_str (s:string) = del s s

(* View: del_ws
   Delete one or more blanks; d is written when creating *)
let del_ws (d:string) = del /[ \t]+/ d

(* View: del_ws_spc
   <del_ws> writing a single space *)
let del_ws_spc = del_ws " "

(* View: del_ws_tab
   <del_ws> writing a single tab *)
let del_ws_tab = del_ws "\t"

(* View: del_opt_ws
   Delete zero or more blanks; d is written when creating *)
let del_opt_ws (d:string) = del /[ \t]*/ d

(************************************************************************
 * Group: Line ends and indentation
 ************************************************************************)

(* View: eol
   Trailing blanks and the newline *)
let eol = del /[ \t]*\n/ "\n"

(* View: doseol
   Like <eol>, also accepting a carriage return before the newline *)
let doseol = del /[ \t]*\r?\n/ "\n"

(* View: indent
   Leading blanks, none when creating *)
let indent = del /[ \t]*/ ""

(************************************************************************
 * Group: Comments
 *   A comment becomes a "#comment" node whose value is the comment text
 *   without the comment sign and without surrounding blanks.  Comments
 *   with no text are left to the <empty> lenses.
 ************************************************************************)

(* View: comment_generic_seteol
   A comment: r matches what comes before the text (d is written for it
   when creating) and eol ends the line *)
let comment_generic_seteol (r:regexp) (d:string) (eol:lens) =
  let text = /[^ \t\r\n](.*[^ \t\r\n])?/ in
  [ label "#comment" . del r d . store text . eol ]

(* View: comment_generic
   <comment_generic_seteol> ending with <doseol> *)
let comment_generic (r:regexp) (d:string) = comment_generic_seteol r d doseol

(* View: comment
   A whole-line comment starting with '#', possibly indented *)
let comment = comment_generic /[ \t]*#[ \t]*/ "# "

(* View: comment_noindent
   A comment starting with '#' in the first column *)
let comment_noindent = comment_generic /#[ \t]*/ "# "

(* View: comment_eol
   A comment after other text on the line; written as " # " *)
let comment_eol = comment_generic /[ \t]*#[ \t]*/ " # "

(* View: comment_or_eol
   Either a <comment_eol>, or the end of the line, possibly with a bare
   comment sign that is dropped from the tree *)
let comment_or_eol =
  let bare = /[ \t]*/ . /(#[ \t]*)?/ . "\n" in
  comment_eol | del bare "\n"

(* View: comment_multiline
   A C comment ("/* ... */") over one or more lines.  Each line of text
   becomes a numbered child of a "#mcomment" node *)
let comment_multiline =
     let blank = /[ \t\r\n]/
  in let solid = /[^ \t\r\n]/
  in let line_text = (solid . (/.*/ . solid)?) - /.*\*\/.*/
  in let line = [ seq "mline" . del blank* "\n" . store line_text ]
  in let opening = del (/[ \t]*/ . "/*") "/*"
  in let closing = del (blank* . "*/" . /[ \t]*\r?\n/) "\n*/\n"
  in [ label "#mcomment" . opening . counter "mline"
       . line . (eol . line)* . closing ]

(* View: comment_c_style
   A whole-line comment starting with "//" *)
let comment_c_style = comment_generic /[ \t]*\/\/[ \t]*/ "// "

(* View: comment_c_style_or_hash
   A whole-line comment starting with "//" or '#'; "//" when creating *)
let comment_c_style_or_hash =
  comment_generic (/[ \t]*/ . ("//" | "#") . /[ \t]*/) "// "

(************************************************************************
 * Group: Empty lines
 *   An empty line becomes a node with neither label nor value.
 ************************************************************************)

(* View: empty_generic
   A line made of what r matches, then a newline *)
let empty_generic (r:regexp) = [ del r "" . del_str "\n" ]

(* Variable: empty_generic_re
   Blanks with at most one '#' among them *)
let empty_generic_re = /[ \t]*/ . /#?/ . /[ \t]*/

(* View: empty
   An empty line, or one holding only a bare '#' *)
let empty = empty_generic empty_generic_re

(* Variable: empty_c_style_re
   Blanks around at most one bare "//" or empty C comment *)
let empty_c_style_re =
  let bare = "//" | "/*" . /[ \t]*/ . "*/" in
  /[ \t]*/ . bare? . /[ \t]*/

(* View: empty_c_style
   An empty line, or one holding only an empty C or C++ comment *)
let empty_c_style = empty_generic empty_c_style_re

(* View: empty_any
   What <empty> or <empty_c_style> match *)
let empty_any = empty_generic (empty_generic_re | empty_c_style_re)

(* View: empty_generic_dos
   <empty_generic>, also accepting a carriage return before the newline *)
let empty_generic_dos (r:regexp) = [ del r "" . del /\r?\n/ "\n" ]

(* View: empty_dos
   <empty> with an optional carriage return *)
let empty_dos = empty_generic_dos empty_generic_re

(************************************************************************
 * Group: Lists
 ************************************************************************)

(* View: split
   Any number of (sep . elt), each in its own node labelled 1, 2, 3...
   Every use gets a counter of its own *)
let split (elt:lens) (sep:lens) =
  let counter_name = gensym "split" in
  let item = [ seq counter_name . sep . elt ] in
  counter counter_name . item*

(* View: delim
   The string op with optional blanks around it; " op " when creating *)
let delim (op:string) =
  let blanks = /[ \t]*/ in
  del (blanks . op . blanks) (" " . op . " ")

(************************************************************************
 * Group: File exclusions
 ************************************************************************)

(* Variable: stdexcl
   Backup and package-manager leftovers that lenses should not load. The
   globs come in the order of Augeas's Util.stdexcl, which modules that
   use it show in /augeas/load *)
let stdexcl =
    (* editor backups *)
    excl "*~"
    (* rpm *)
  . excl "*.rpmnew" . excl "*.rpmsave"
    (* dpkg *)
  . excl "*.dpkg-old" . excl "*.dpkg-new" . excl "*.dpkg-bak"
  . excl "*.dpkg-dist"
    (* Augeas's own save files *)
  . excl "*.augsave" . excl "*.augnew"
    (* more backups, and Emacs's autosave files *)
  . excl "*.bak" . excl "*.old" . excl "#*#"
