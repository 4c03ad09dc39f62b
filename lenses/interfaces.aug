(*
Module: Interfaces
  lensnet's own implementation, compatible with Augeas 1.14's module of
  the same name: same filter, same tree, same output after edits.

  Reads Debian's ifupdown configuration: /etc/network/interfaces and the
  files included from /etc/network/interfaces.d/ (see interfaces(5)).

About: Tree layout
  Each stanza becomes one node directly under the file:

  - "auto" (also written "allow-auto") and every other "allow-CLASS":
    one child per interface, labelled 1, 2, 3, ...
  - "iface" = NAME, with children "family" and "method" followed by one
    node per option line ("address" = "10.0.0.1", ...); the word lists
    "bond-slaves" and "bridge-ports" are split into numbered children
  - "mapping" = NAME, with its option lines ("script", "map", ...)
  - "source" and "source-directory" = the rest of the line

  Comments and blank lines that follow an iface or mapping header belong
  to that stanza; elsewhere they sit at the top level.  A backslash at
  the end of a line continues a word list on the next line.
*)
module Interfaces =
  autoload xfm

(************************************************************************
 * Group: words and separators
 ************************************************************************)

(* View: eol *)
let eol = Util.eol

(* Variable: blanks_re  plain blanks between two words *)
let blanks_re = /[ \t]+/

(* Variable: continued_re  a line break escaped with a trailing backslash *)
let continued_re = /[ \t]*\\\\\n[ \t]*/

(* View: sep_spc  the gap between two words of a line, " " when created *)
let sep_spc = del (blanks_re | continued_re) " "

(* Variable: word_char  anything but a blank, a backslash or a newline *)
let word_char = /[^\\ \t\n]/

(* Variable: rest_re  the remainder of a line, without surrounding blanks *)
let rest_re = word_char . (/.*/ . word_char)?

(* View: sto_to_spc  store one word *)
let sto_to_spc = store (word_char+)

(* View: sto_to_eol  store the remainder of the line, then end it *)
let sto_to_eol = store rest_re . eol

(* View: comment *)
let comment = Util.comment

(* View: empty *)
let empty = Util.empty

(************************************************************************
 * Group: building blocks
 ************************************************************************)

(* View: stanza_id  the keyword T followed by the stanza's name *)
let stanza_id (t:string) = key t . sep_spc . sto_to_spc

(* View: stanza_param  one more word of a header line, labelled L *)
let stanza_param (l:string) = [ label l . sep_spc . sto_to_spc ]

(* Variable: stanza_word
   Keywords that start a new stanza or have their own lens; they can not
   be used as the name of an ordinary option *)
let stanza_word =
     "iface" | "mapping" | "auto" | /allow-[a-z-]+/
   | "source" | "source-directory"
   | "bond-slaves" | "bridge-ports"

(* View: stanza_indent  leading blanks of lines inside a stanza *)
let stanza_indent = del /[ \t]*/ "   "

(* Variable: option_name *)
let option_name = /[a-z0-9_-]+/ - stanza_word

(* View: stanza_option  "name value..." inside an iface or mapping *)
let stanza_option =
  [ stanza_indent . key option_name . sep_spc . sto_to_eol ]

(* View: numbered  a list of words numbered 1, 2, ... with counter C *)
let numbered (c:string) =
  counter c . [ seq c . sep_spc . sto_to_spc ]+

(* View: array  keyword matching R, written T when created and used as the
   node's label, followed by a numbered list of words *)
let array (r:regexp) (t:string) = label t . del r t . numbered t

(************************************************************************
 * Group: stanzas
 ************************************************************************)

(* View: auto  "auto" and its synonym "allow-auto" share the label auto *)
let auto = [ array /auto|allow-auto/ "auto" . eol ]

(* Variable: allow_class  any other allow-CLASS keyword *)
let allow_class = /allow-[a-z-]+/ - "allow-auto"

(* View: allow *)
let allow = [ key allow_class . numbered "allow_seq" . eol ]

(* Variable: in_stanza  lines that a mapping keeps after its header *)
let in_stanza = stanza_option | comment | empty

(* View: mapping  needs at least one line after its header *)
let mapping = [ stanza_id "mapping" . eol . in_stanza+ ]

(* View: multi_option  a word list option of an iface stanza *)
let multi_option (t:string) = [ stanza_indent . array t t . eol ]

(* Variable: iface_header *)
let iface_header =
  Util.indent . stanza_id "iface"
    . stanza_param "family" . stanza_param "method" . eol

(* Variable: in_iface  lines that an iface keeps after its header *)
let in_iface =
    stanza_option
  | multi_option "bond-slaves"
  | multi_option "bridge-ports"
  | comment
  | empty

(* View: iface *)
let iface = [ iface_header . in_iface* ]

(* Variable: whole_line  a keyword whose value is the rest of the line *)
let whole_line (kw:string) = [ key kw . sep_spc . sto_to_eol ]

(* View: source *)
let source = whole_line "source"

(* View: source_directory *)
let source_directory = whole_line "source-directory"

(* View: stanza_single
   One-line stanzas; comments and blank lines after them stay at the
   top level *)
let stanza_single =
  (auto | allow | source | source_directory) . (comment | empty)*

(* View: stanza_multi  stanzas that swallow the lines that follow them *)
let stanza_multi = iface | mapping

(************************************************************************
 * Group: the whole file
 ************************************************************************)

(* View: lns *)
let lns = (comment | empty)* . (stanza_multi | stanza_single)*

(* Variable: filter *)
let filter = incl "/etc/network/interfaces"
           . incl "/etc/network/interfaces.d/*"
           . Util.stdexcl

let xfm = transform lns filter
