(*
Module: Test_util
  Unit tests for lensnet's Util module.
*)

module Test_util =

(* View: entry
   A "name=number" line, used around the lenses under test *)
let entry = [ key /[a-z]+/ . Util.del_str "=" . store /[0-9]+/ . Util.eol ]

(* Group: fixed text and blanks *)

let del_str = [ key /[a-z]+/ . Util.del_str "::" . store /[a-z]+/ ]
test del_str get "a::b" = { "a" = "b" }
test del_str get "a:b" = *
test del_str get "a:: b" = *

(* special characters are taken literally *)
let del_str_special = [ label "x" . Util.del_str "a.*" ]
test del_str_special get "a.*" = { "x" }
test del_str_special get "aa" = *

let ws_line (sep:lens) = [ key /[a-z]+/ . sep . store /[a-z]+/ . Util.eol ]*

let del_ws_spc = ws_line Util.del_ws_spc
test del_ws_spc get "a b\nc \t d\n" = { "a" = "b" } { "c" = "d" }
test del_ws_spc get "ab\n" = *
test del_ws_spc put "a\tb\n" after set "c" "d" = "a\tb\nc d\n"

let del_ws_tab = ws_line Util.del_ws_tab
test del_ws_tab put "" after set "c" "d" = "c\td\n"

let del_ws = ws_line (Util.del_ws "   ")
test del_ws put "" after set "c" "d" = "c   d\n"

let del_opt_ws = [ key /[a-z]+/ . Util.del_opt_ws "" . store /[0-9]+/ . Util.eol ]*
test del_opt_ws get "a1\nb  2\n" = { "a" = "1" } { "b" = "2" }
test del_opt_ws put "" after set "c" "3" = "c3\n"

(* Group: line ends and indentation *)

let eol = [ key /[a-z]+/ . Util.eol ]*
test eol get "a\nb \t\n" = { "a" } { "b" }
test eol get "a\r\n" = *
test eol put "a  \n" after clear "b" = "a  \nb\n"

let doseol = [ key /[a-z]+/ . Util.doseol ]*
test doseol get "a\r\nb\n" = { "a" } { "b" }
test doseol put "a \r\n" after clear "b" = "a \r\nb\n"

let indent = [ Util.indent . key /[a-z]+/ . Util.eol ]*
test indent get "  a\n\tb\nc\n" = { "a" } { "b" } { "c" }
test indent put "  a\n" after clear "b" = "  a\nb\n"

(* Group: comments *)

test Util.comment get "# hello world\n" = { "#comment" = "hello world" }
test Util.comment get "  #\tindented  \n" = { "#comment" = "indented" }
test Util.comment get "#x\r\n" = { "#comment" = "x" }
test Util.comment get "#\n" = *
test Util.comment get "# \n" = *
test Util.comment get "; not a hash\n" = *
test Util.comment put "#  old\n" after set "#comment" "new" = "#  new\n"

let comments = (Util.comment | entry)*
test comments put "a=1\n" after set "#comment" "added" = "a=1\n# added\n"

test Util.comment_noindent get "#top\n" = { "#comment" = "top" }
test Util.comment_noindent get " #top\n" = *

let comment_eol = [ key /[a-z]+/ . Util.comment_eol ]*
test comment_eol get "a # note\n" = { "a" { "#comment" = "note" } }
test comment_eol get "a#note\n" = { "a" { "#comment" = "note" } }
test comment_eol put "" after set "b/#comment" "c" = "b # c\n"

let comment_or_eol = [ key /[a-z]+/ . Util.comment_or_eol ]*
test comment_or_eol get "a\nb # two\nc #\n" =
  { "a" }
  { "b" { "#comment" = "two" } }
  { "c" }
test comment_or_eol put "a # x\n" after rm "a/#comment" = "a\n"

let comment_c_style = Util.comment_c_style
test comment_c_style get "// C++ style\n" = { "#comment" = "C++ style" }
test comment_c_style get "  //x\n" = { "#comment" = "x" }
test comment_c_style get "# hash\n" = *

let c_or_hash = (Util.comment_c_style_or_hash | entry)*
test c_or_hash get "// one\n# two\n" =
  { "#comment" = "one" }
  { "#comment" = "two" }
test c_or_hash put "a=1\n" after set "#comment" "new" = "a=1\n// new\n"

let semi = Util.comment_generic /;[ \t]*/ "; "
test semi get ";x y\n" = { "#comment" = "x y" }
test semi get "; x\r\n" = { "#comment" = "x" }

let semi_eol = Util.comment_generic_seteol /;[ \t]*/ "; " Util.eol
test semi_eol get ";x y\n" = { "#comment" = "x y" }
test semi_eol get "; x\r\n" = *

let semi_bang = Util.comment_generic_seteol /;/ ";" (del /!/ "!")
test semi_bang get ";abc!" = { "#comment" = "abc" }
test semi_bang get ";abc\n" = *

test Util.comment_multiline get "/* one line */\n" =
  { "#mcomment" { "1" = "one line" } }
test Util.comment_multiline get "  /*\n   first\n   second\n */  \n" =
  { "#mcomment"
    { "1" = "first" }
    { "2" = "second" } }
test Util.comment_multiline get "/* a */ b */\n" = *
test Util.comment_multiline get "/**/\n" = *
test Util.comment_multiline put "/* old */\n" after set "#mcomment/1" "new" =
  "/* new */\n"

let mcomments = (Util.comment_multiline | entry)*
test mcomments put "a=1\n" after
  set "#mcomment/1" "x";
  set "#mcomment/2" "y" = "a=1\n/*\nx\n\ny\n*/\n"

(* Group: empty lines *)

let empty = (Util.empty | entry)*
test empty get "\n  \n#\n  #  \na=1\n" = {} {} {} {} { "a" = "1" }
test empty get "#x\n" = *
test empty put "a=1\n" after set "1" "" = *
test empty put "a=1\n\nb=2\n" after rm "b" = "a=1\n\n"

test Util.empty get "\r\n" = *
test Util.empty_dos get "\r\n" = {}
test Util.empty_dos get " # \r\n" = {}
test Util.empty_dos get "\n" = {}

test Util.empty_c_style get "\n" = {}
test Util.empty_c_style get "  //  \n" = {}
test Util.empty_c_style get "/**/\n" = {}
test Util.empty_c_style get " /*  */ \n" = {}
test Util.empty_c_style get "#\n" = *
test Util.empty_c_style get "/* x */\n" = *

test Util.empty_any get "#\n" = {}
test Util.empty_any get "//\n" = {}
test Util.empty_any get "/* */\n" = {}
test Util.empty_any get "x\n" = *

let semi_empty = Util.empty_generic /[ \t]*;?/
test semi_empty get " ;\n" = {}
test semi_empty get " #\n" = *

let semi_empty_dos = Util.empty_generic_dos /;*/
test semi_empty_dos get ";;\r\n" = {}

(* Group: lists *)

let split = [ label "list" . Util.split (store /[a-z]+/) (del /,/ ",") ]
test split get "" = { "list" }
test split get ",a,b,c" = { "list" { "1" = "a" } { "2" = "b" } { "3" = "c" } }
test split put ",a" after set "list/2" "b" = ",a,b"

(* every use of split numbers its nodes on its own *)
let two_splits = [ label "x" . Util.split (store /[a-z]+/) (del /,/ ",") ]
               . [ label "y" . Util.split (store /[0-9]+/) (del /;/ ";") ]
test two_splits get ",a,b;1;2" =
  { "x" { "1" = "a" } { "2" = "b" } }
  { "y" { "1" = "1" } { "2" = "2" } }

let delim = [ key /[a-z]+/ . Util.delim "=>" . store /[a-z]+/ . Util.eol ]*
test delim get "a=>b\nc \t=>  d\n" = { "a" = "b" } { "c" = "d" }
test delim get "a = > b\n" = *
test delim put "" after set "e" "f" = "e => f\n"

(* Group: exclusions
   stdexcl must combine with incl into a filter usable by a transform *)
let xfm = transform Util.empty (incl "/etc/example.conf" . Util.stdexcl)
