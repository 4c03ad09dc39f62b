(*
Module: Hosts
  lensnet's own implementation, compatible with Augeas 1.14's module of
  the same name: same filter, same tree, same output after edits.

  Reads the static host table /etc/hosts (see hosts(5)).

About: Tree layout
  Every address line becomes a node labelled with its rank among the
  address lines (1, 2, ...), holding "ipaddr", "canonical", any number
  of "alias" nodes and, when the line ends with one, a "#comment".
  Full-line comments are "#comment" nodes; blank lines are hidden nodes.
*)
module Hosts =
  autoload xfm

(* Variable: word  one field: no blanks, no newline and no comment sign *)
let word = /[^# \n\t]+/

(* View: field  a field stored under the label NAME *)
let field (name:string) = [ label name . store word ]

(* View: alias  an extra name; the blanks before it belong to it *)
let alias = [ label "alias" . Sep.space . store word ]

(* View: record  one address line; "canonical" can not be left out *)
let record =
  [ seq "host" . Util.indent
      . field "ipaddr" . Sep.tab . field "canonical"
      . alias*
      . Util.comment_or_eol ]

(* View: lns *)
let lns = ( Util.empty | Util.comment | record )*

let xfm = transform lns (incl "/etc/hosts")
