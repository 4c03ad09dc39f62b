(*
Module: Test_sep
  Unit tests for lensnet's Sep module: each separator is used between a
  key and a value, read, and written back both for an existing line
  (kept as it was) and for a new one (its default).
*)

module Test_sep =

(* View: lines
   Lines of "key SEP value" with the separator under test *)
let lines (sep:lens) = [ key /[a-z]+/ . sep . store /[0-9]+/ . Util.eol ]*

(* Group: punctuation *)

let colon = lines Sep.colon
test colon get "a:1\n" = { "a" = "1" }
test colon get "a :1\n" = *
test colon put "" after set "b" "2" = "b:2\n"

let semicolon = lines Sep.semicolon
test semicolon get "a;1\n" = { "a" = "1" }
test semicolon get "a,1\n" = *
test semicolon put "" after set "b" "2" = "b;2\n"

let comma = lines Sep.comma
test comma get "a,1\nb,2\n" = { "a" = "1" } { "b" = "2" }
test comma get "a, 1\n" = *
test comma put "" after set "b" "2" = "b,2\n"

let equal = lines Sep.equal
test equal get "a=1\n" = { "a" = "1" }
test equal get "a = 1\n" = *
test equal put "a=1\n" after set "a" "3" = "a=3\n"
test equal put "" after set "b" "2" = "b=2\n"

let space_equal = lines Sep.space_equal
test space_equal get "a=1\nb  =\t2\n" = { "a" = "1" } { "b" = "2" }
test space_equal get "a == 1\n" = *
test space_equal put "a  =1\n" after set "a" "3" = "a  =3\n"
test space_equal put "" after set "b" "2" = "b = 2\n"

(* the brackets are parentheses *)
let in_brackets = [ key /[a-z]+/ . Sep.lbracket . store /[0-9]+/
                  . Sep.rbracket . Util.eol ]*
test in_brackets get "f(1)\n" = { "f" = "1" }
test in_brackets get "f[1]\n" = *
test in_brackets get "f( 1 )\n" = *
test in_brackets put "" after set "g" "2" = "g(2)\n"

(* Group: blanks *)

let space = lines Sep.space
test space get "a 1\nb\t \t2\n" = { "a" = "1" } { "b" = "2" }
test space get "a1\n" = *
test space put "a\t1\n" after set "a" "3" = "a\t3\n"
test space put "" after set "b" "2" = "b 2\n"

let tab = lines Sep.tab
test tab get "a 1\n" = { "a" = "1" }
test tab get "a1\n" = *
test tab put "" after set "b" "2" = "b\t2\n"

let opt_space = lines Sep.opt_space
test opt_space get "a1\nb 2\n" = { "a" = "1" } { "b" = "2" }
test opt_space get "a\n1\n" = *
test opt_space put "" after set "b" "2" = "b2\n"

let opt_tab = lines Sep.opt_tab
test opt_tab get "a1\nb  2\n" = { "a" = "1" } { "b" = "2" }
test opt_tab put "" after set "b" "2" = "b\t2\n"

let cl_or_space = lines Sep.cl_or_space
test cl_or_space get "a 1\n" = { "a" = "1" }
test cl_or_space get "a\\\n1\n" = { "a" = "1" }
test cl_or_space get "a \\\n  1\n" = { "a" = "1" }
test cl_or_space get "a1\n" = *
test cl_or_space get "a\n1\n" = *
test cl_or_space put "a \\\n 1\n" after set "a" "3" = "a \\\n 3\n"
test cl_or_space put "" after set "b" "2" = "b 2\n"

let cl_or_opt_space = lines Sep.cl_or_opt_space
test cl_or_opt_space get "a1\n" = { "a" = "1" }
test cl_or_opt_space get "a\\\n1\n" = { "a" = "1" }
test cl_or_opt_space get "a\t1\n" = { "a" = "1" }
test cl_or_opt_space get "a\\1\n" = *
test cl_or_opt_space put "" after set "b" "2" = "b 2\n"
