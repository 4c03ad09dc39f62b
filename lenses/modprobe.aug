(*
Module: Modprobe
  lensnet's own implementation, written for this project, compatible with
  the Modprobe module shipped with Augeas 1.14: it is loaded for the same
  files, builds the same trees and writes the same text after an edit.
  Modules_conf builds on the primitives exported here (sep_space,
  sto_to_eol, alias, options, kv_line_command).

  Files: /etc/modprobe.conf, /etc/modprobe.conf.local and every file in
  /etc/modprobe.d.

  Directives (see modprobe.d(5)); a line may be continued with a
  backslash before the newline wherever blanks separate words:
    alias WILDCARD MODULE     -> { "alias" = WILDCARD { "modulename" = MODULE } }
    options MODULE k=v flag   -> { "options" = MODULE { "k" = "v" } { "flag" } }
    install MODULE COMMAND... -> { "install" = MODULE { "command" = COMMAND } }
    remove MODULE COMMAND...  -> { "remove" = MODULE { "command" = COMMAND } }
    blacklist MODULE          -> { "blacklist" = MODULE }
    config binary_indexes|yes|no
    softdep MODULE pre: A B post: C
                              -> { "softdep" = MODULE { "pre" = A } { "pre" = B }
                                                      { "post" = C } }
  Comments start with '#', also at the end of a directive.
*)
module Modprobe =
autoload xfm

(************************************************************************
 * Group: building blocks (also used by Modules_conf)
 ************************************************************************)

(* View: comment *)
let comment = Util.comment

(* View: empty *)
let empty = Util.empty

(* View: sep_space
   Blanks between two words; a backslash-newline counts as a blank. *)
let sep_space = del /([ \t]|\\\\\n)+/ " "

(* View: sto_no_spaces
   One word: no blank, no '#', no backslash. *)
let sto_no_spaces = store /[^ \t\n#\\\\]+/

(* View: sto_no_colons
   Like <sto_no_spaces>, but without ':' either (softdep module names). *)
let sto_no_colons = store /[^ \t\n#:\\\\]+/

(* View: sto_to_eol
   The rest of the line up to a comment, without surrounding blanks.
   Physical lines ending in a backslash are joined with the next one;
   the backslash, the newline and the blanks around them stay part of
   the value. *)
let sto_to_eol =
  let edge = /[^ \t\n#\\\\]/ in
  let inner = /[^\n#\\\\]*/ in
  let continued = edge . inner . /\\\\[ \t]*\n[ \t]*/ in
  store (continued* . edge . (inner . edge)?)

(* View: alias *)
let alias =
  let target = [ label "modulename" . sto_no_spaces ] in
  [ key "alias" . sep_space . sto_no_spaces . sep_space . target
    . (Util.eol | comment) ]

(************************************************************************
 * Group: directives
 ************************************************************************)

(* View: options
   Module parameters: name=value or a bare name; the value may be a
   double-quoted string containing blanks. *)
let options =
  let param_value = /[^ \t\n#"\\\\]+/ | /"[^\n#"\\\\]*"/ in
  let param = [ key Rx.word
                . (del /[ \t]*=[ \t]*/ "=" . store param_value)? ] in
  [ key "options" . sep_space . sto_no_spaces
    . (sep_space . param)* . Util.comment_or_eol ]

(* View: kv_line_command
   A directive KW followed by a module name and a shell command. *)
let kv_line_command (kw:regexp) =
  let cmd = [ label "command" . sto_to_eol ] in
  [ key kw . sep_space . sto_no_spaces . sep_space . cmd
    . Util.comment_or_eol ]

(* View: blacklist *)
let blacklist =
  [ key "blacklist" . sep_space . sto_no_spaces . (Util.eol | comment) ]

(* View: config *)
let config =
  [ key "config" . sep_space . store /binary_indexes|yes|no/
    . (Util.eol | comment) ]

(* View: softdep
   Soft dependencies: modules to load before (pre:) and after (post:). *)
let softdep =
  let dep_list (marker:string) =
    let one = [ label marker . sep_space . sto_no_colons ] in
    sep_space . Util.del_str (marker . ":") . one+ in
  [ key "softdep" . sep_space . sto_no_colons
    . (dep_list "pre")? . (dep_list "post")? . Util.comment_or_eol ]

(* View: entry *)
let entry = alias
          | options
          | kv_line_command /install|remove/
          | blacklist
          | config
          | softdep

(************************************************************************
 * Group: lens and filter
 ************************************************************************)

(* View: lns *)
let lns = (comment | empty | entry)*

(* Variable: filter *)
let filter = incl "/etc/modprobe.conf"
           . incl "/etc/modprobe.d/*"
           . incl "/etc/modprobe.conf.local"
           . Util.stdexcl

let xfm = transform lns filter
