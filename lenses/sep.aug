(*
Module: Sep
  lensnet's own ready-made separator lenses.

  This is an independent implementation, written for lensnet, of the
  public interface of the Sep module shipped with Augeas 1.14: the same
  names, matching the same text and writing the same defaults.
*)

module Sep =

(************************************************************************
 * Group: Punctuation
 *   Each deletes exactly one character, which is also its default.
 ************************************************************************)

(* View: colon *)
let colon = Util.del_str ":"

(* View: semicolon *)
let semicolon = Util.del_str ";"

(* View: comma *)
let comma = Util.del_str ","

(* View: equal *)
let equal = Util.del_str "="

(* View: lbracket
   An opening parenthesis *)
let lbracket = Util.del_str "("

(* View: rbracket
   A closing parenthesis *)
let rbracket = Util.del_str ")"

(* View: space_equal
   '=' with optional blanks around it, written as " = " *)
let space_equal = Util.delim "="

(************************************************************************
 * Group: Blanks
 ************************************************************************)

(* View: space
   One or more blanks, written as a space *)
let space = del Rx.space " "

(* View: tab
   One or more blanks, written as a tab *)
let tab = del Rx.space "\t"

(* View: opt_space
   Optional blanks, none written *)
let opt_space = del Rx.opt_space ""

(* View: opt_tab
   Optional blanks, written as a tab *)
let opt_tab = del Rx.opt_space "\t"

(* View: cl_or_space
   Blanks or a continued line (<Rx.cl_or_space>), written as a space *)
let cl_or_space = del Rx.cl_or_space " "

(* View: cl_or_opt_space
   Optional blanks or a continued line (<Rx.cl_or_opt_space>), written
   as a space *)
let cl_or_opt_space = del Rx.cl_or_opt_space " "
