(*
Module: Test_build
  Unit tests for lensnet's Build module.
*)

module Test_build =

(* View: name
   A bare node named by a lower-case word *)
let name = [ key /[a-z]+/ ]

(* View: setting
   "name=number", without line end *)
let setting = Build.key_value /[a-z]+/ Sep.equal (store /[0-9]+/)

(* Group: line end *)

let eol_lines = [ key /[a-z]+/ . Build.eol ]*
test eol_lines get "a\nb  \n" = { "a" } { "b" }
test eol_lines put "" after clear "c" = "c\n"

(* Group: wrapping and lists *)

let brackets = [ label "args" . Build.brackets Sep.lbracket Sep.rbracket
                                  (Build.opt_list name Sep.comma) ]
test brackets get "(a,b)" = { "args" { "a" } { "b" } }
test brackets get "a,b" = *
test brackets put "(a)" after clear "args/c" = "(a,c)"

let list = Build.list name Sep.space
test list get "a b" = { "a" } { "b" }
test list get "a  b\tc" = { "a" } { "b" } { "c" }
test list get "a" = *
test list get "" = *
test list put "a  b" after clear "c" = "a  b c"
test list put "a b c" after rm "c" = "a b"
test list put "a b" after rm "b" = *

let opt_list = Build.opt_list name Sep.comma
test opt_list get "a" = { "a" }
test opt_list get "a,b,c" = { "a" } { "b" } { "c" }
test opt_list get "a," = *
test opt_list get "" = *
test opt_list put "a" after clear "b" = "a,b"

(* Group: labels *)

let xchg = [ Build.xchg /[-=]>/ "->" "arrow" ]*
test xchg get "=>->" = { "arrow" } { "arrow" }
test xchg get "<-" = *
test xchg put "=>" after clear "arrow[2]" = "=>->"

let xchgs = [ Build.xchgs "+=" "append" ]
test xchgs get "+=" = { "append" }
test xchgs get "=" = *

(* Group: nodes *)

test setting get "a=1" = { "a" = "1" }
test setting get "a=1\n" = *
test setting get "A=1" = *

let key_value_line = Build.key_value_line /[a-z]+/ Sep.space_equal
                       (store /[^ \t\n]+/)
let kv_lines = key_value_line*
test kv_lines get "a = x\nb=y  \n" = { "a" = "x" } { "b" = "y" }
test kv_lines get "a = x" = *
test kv_lines put "a=x\n" after set "a" "z" = "a=z\n"
test kv_lines put "" after set "c" "w" = "c = w\n"

let key_value_line_comment =
  Build.key_value_line_comment /[a-z]+/ Sep.equal (store /[0-9]+/)
                               Util.comment_eol
let kvc_lines = key_value_line_comment*
test kvc_lines get "a=1\nb=2 # two\n" =
  { "a" = "1" }
  { "b" = "2" { "#comment" = "two" } }
test kvc_lines put "a=1\n" after set "a/#comment" "one" = "a=1 # one\n"
test kvc_lines put "a=1  # one\n" after rm "a/#comment" = "a=1\n"

let key_ws_value = Build.key_ws_value /[a-z]+/
test key_ws_value get "alias  some long value \n" =
  { "alias" = "some long value" }
test key_ws_value get "alias\n" = *
test key_ws_value get "alias value" = *
test key_ws_value put "a\tb\n" after set "a" "c d" = "a\tc d\n"

let key_ws_values = key_ws_value*
test key_ws_values put "" after set "x" "y" = "x y\n"

let flag = Build.flag /[a-z]+/
test flag get "debug" = { "debug" }
test flag get "debug=1" = *

let flag_lines = (Build.flag_line /[a-z]+/)*
test flag_lines get "debug\nverbose \n" = { "debug" } { "verbose" }
test flag_lines put "debug\n" after clear "quiet" = "debug\nquiet\n"

(* Group: blocks *)

let block = [ label "b" . Build.block setting ]
test block get " {}" = *
test block get " {a=1}" = { "b" { "a" = "1" } }
test block get "\n{\n  a=1\n\n  b=2\n}" = { "b" { "a" = "1" } {} { "b" = "2" } }
test block get " {# one\n a=1\n}" =
  { "b" { "#comment" = "one" } { "a" = "1" } }
test block get " {# only a comment\n}" = { "b" { "#comment" = "only a comment" } }
test block get "{a=1}" = *
test block put " {a=1}" after set "b/a" "2" = " {a=2}"
test block put " {a=1}" after clear "b/c" = *
test block put " {a=1}" after set "b/c" "3" = " {a=1\nc=3}"

let named_block = Build.named_block /[a-z]+/ setting
test named_block get "server {\n  port=80\n}\n" =
  { "server" { "port" = "80" } }
test named_block get "server {port=80}" = *

(* the named block's entries and defaults when creating *)
let named_blocks = named_block*
test named_blocks put "" after set "srv/port" "80" = "srv {\nport=80}\n"

(* block_setdelim: the same shape with other delimiters *)
let angle = [ label "b" . Build.block_setdelim setting /[ \t]*</ /[ \t]*>/ "<" ">" ]
test angle get "<a=1>" = { "b" { "a" = "1" } }
test angle get " <a=1\nb=2 >" = { "b" { "a" = "1" } { "b" = "2" } }
test angle get "{a=1}" = *
test angle put "<a=1>" after set "b/c" "3" = "<a=1\nc=3>"

(* block_generic with entries of its own *)
let gentry = [ key /[a-z]+/ ]
let generic = [ label "g" .
  Build.block_generic (Util.indent . gentry . Util.eol) (gentry . Util.eol)
                      (Util.indent . gentry) gentry
                      Util.comment Util.comment_noindent
                      /\[/ /\]/ "[" "]" ]
test generic get "[x]" = { "g" { "x" } }
test generic get "[x\n  y\n z]" = { "g" { "x" } { "y" } { "z" } }
test generic get "[]" = *
test generic get "[# note\nx]" = { "g" { "#comment" = "note" } { "x" } }

(* block_newlines: entries and comments handle their own lines *)
let nl_entry = [ Util.indent . key /[a-z]+/ . Sep.space_equal
               . store /[0-9]+/ . Util.eol ]
let nl_block = [ key /[a-z]+/ . Build.block_newlines nl_entry Util.comment ]
test nl_block get "s{}" = { "s" }
test nl_block get "s\n{\n  a = 1\n\n  # c\n}" =
  { "s" { "a" = "1" } {} { "#comment" = "c" } }
test nl_block get "s {\n  a = 1 }" = *
test nl_block put "s{}" after set "s/a" "1" = "s{a = 1\n}"
test nl_block put "s  {\n  a = 1\n}" after set "s/b" "2" =
  "s  {\n  a = 1\nb = 2\n}"

let nl_blocks = nl_block*
test nl_blocks put "" after set "t/a" "1" = "t\n{\na = 1\n}"

let nl_spc = [ key /[a-z]+/ . Build.block_newlines_spc nl_entry Util.comment ]
test nl_spc get "s {}" = { "s" }
test nl_spc get "s\n\n{\n  a = 1\n}" = { "s" { "a" = "1" } }
test nl_spc get "s{}" = *

(* Group: combinations *)

let a = [ key "a" ]
let b = [ key "b" ]
let c = [ key "c" ]

let two_ord = Build.combine_two_ord a b
test two_ord get "ab" = { "a" } { "b" }
test two_ord get "ba" = *

let two = Build.combine_two a b
test two get "ab" = { "a" } { "b" }
test two get "ba" = { "b" } { "a" }
test two get "a" = *
test two get "abab" = *

let two_opt_ord = Build.combine_two_opt_ord a b
test two_opt_ord get "a" = { "a" }
test two_opt_ord get "ab" = { "a" } { "b" }
test two_opt_ord get "b" = *

let two_opt = Build.combine_two_opt a b
test two_opt get "b" = { "b" }
test two_opt get "ba" = { "b" } { "a" }
test two_opt get "" = *
test two_opt get "aa" = *

let three_ord = Build.combine_three_ord a b c
test three_ord get "abc" = { "a" } { "b" } { "c" }
test three_ord get "acb" = { "a" } { "c" } { "b" }
test three_ord get "bac" = *

let three = Build.combine_three a b c
test three get "abc" = { "a" } { "b" } { "c" }
test three get "acb" = { "a" } { "c" } { "b" }
test three get "bac" = { "b" } { "a" } { "c" }
test three get "bca" = { "b" } { "c" } { "a" }
test three get "cab" = { "c" } { "a" } { "b" }
test three get "cba" = { "c" } { "b" } { "a" }
test three get "ab" = *
test three get "abca" = *

let three_opt_ord = Build.combine_three_opt_ord a b c
test three_opt_ord get "a" = { "a" }
test three_opt_ord get "acb" = { "a" } { "c" } { "b" }
test three_opt_ord get "ac" = { "a" } { "c" }
test three_opt_ord get "c" = *

let three_opt = Build.combine_three_opt a b c
test three_opt get "c" = { "c" }
test three_opt get "cb" = { "c" } { "b" }
test three_opt get "bca" = { "b" } { "c" } { "a" }
test three_opt get "" = *
test three_opt get "bb" = *
