(*
Module: Sysctl
  lensnet's own implementation, written for this project, compatible with
  the Sysctl module shipped with Augeas 1.14: it is loaded for the same
  files, builds the same trees and writes the same text after an edit.

  Files: /etc/sysctl.conf, every file in /etc/sysctl.d (except the README
  files distributions put there) and FreeBSD's /boot/loader.conf.

  Tree:
    - a kernel parameter becomes a node labelled with its name exactly as
      written (dots or slashes as separators, an optional leading '-',
      '*' and ':' are allowed) whose value is the text after '=';
      quotes around the value are part of the value
    - "name =" with nothing after the '=' gives the value "" plus one
      unlabelled child that remembers the '='; a bare "name" gives a node
      without a value
    - whole-line comments start with '#' or ';' and give "#comment"
      nodes; a comment after a value has to start with '#'
    - blank lines (and a lone '#') give unlabelled nodes

  New parameters are written "name = value".
*)
module Sysctl =
autoload xfm

(* Variable: filter *)
let filter = incl "/boot/loader.conf"
           . incl "/etc/sysctl.conf"
           . incl "/etc/sysctl.d/*"
           . excl "/etc/sysctl.d/README"
           . excl "/etc/sysctl.d/README.sysctl"
           . Util.stdexcl

(* View: comment
   A full-line comment, introduced by '#' or ';'. *)
let comment = Util.comment_generic /[ \t]*[#;][ \t]*/ "# "

(* View: entry
   One parameter line. *)
let entry =
  (* parameter names: letters, digits and . _ - / * : *)
  let param = /[A-Za-z0-9_.:*\/-]+/ in
  (* a value runs to the end of the line or to a '#'; it is either one
     quoted string or unquoted text without leading/trailing blanks *)
  let in_quotes = /"[^"\n]*"/ | /'[^'\n]*'/ in
  let unquoted = /[^ \t\n"'#]([^\n#]*[^ \t\n#])?/ in
  let assignment = del /[ \t]*=[ \t]*/ " = " . store (in_quotes | unquoted) in
  (* "name =" alone: the '=' goes into an unlabelled child so that the
     tree differs from the one for a bare "name" *)
  let lone_equals = [ del /[ \t]*=/ "=" ] . store "" in
  let line_end = Util.eol | Util.comment_eol in
  [ Util.indent . key param . (assignment? | lone_equals) . line_end ]

(* View: lns *)
let lns = (Util.empty | comment | entry)*

let xfm = transform lns filter
