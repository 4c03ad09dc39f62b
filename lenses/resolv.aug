(*
Module: Resolv
  lensnet's own implementation, compatible with Augeas 1.14's module of
  the same name: same filter, same tree, same output after edits.

  Reads the resolver configuration /etc/resolv.conf (see resolv.conf(5)).

About: Tree layout
  One node per directive, labelled with the keyword.  "nameserver" and
  "domain" hold their value; "search" has one "domain" child per domain;
  "sortlist" has "ipaddr" children with an optional "netmask"; "options",
  "lookup" and "family" have one child per option (value-less flags, or
  "ndots"/"timeout"/"attempts" = NUMBER; "no-ip6-dotint" is "ip6-dotint"
  with a "negate" child).  Comments start with "#" or ";", also at the
  end of a directive line.
*)
module Resolv =
  autoload xfm

(************************************************************************
 * Group: comments and blank lines
 ************************************************************************)

(* Variable: comment_start  "#" or ";" with the blanks around it *)
let comment_start = /[ \t]*[;#][ \t]*/

(* View: comment  a whole-line comment, written "# " when created *)
let comment = Util.comment_generic comment_start "# "

(* View: comment_eol  a comment after a directive, written " # " *)
let comment_eol = Util.comment_generic comment_start " # "

(* View: empty  blank lines, also a lone comment sign, CRLF allowed *)
let empty = Util.empty_generic_dos /[ \t]*[#;]?[ \t]*/

(************************************************************************
 * Group: helpers
 ************************************************************************)

(* View: directive  keyword KW, a space, BODY, then end of line or a
   trailing comment *)
let directive (kw:regexp) (body:lens) =
  Build.key_value_line_comment kw Sep.space body comment_eol

(* View: spaced  one or more ITEMs separated by blanks *)
let spaced (item:lens) = Build.opt_list item Sep.space

(* View: flags  a blank separated list of value-less words matching R *)
let flags (r:regexp) = spaced (Build.flag r)

(************************************************************************
 * Group: directives
 ************************************************************************)

(* View: netmask  the "/MASK" part of a sortlist entry *)
let netmask = [ label "netmask" . Util.del_str "/" . store Rx.ip ]

(* View: ipaddr  a sortlist entry *)
let ipaddr = [ label "ipaddr" . store Rx.ip . netmask? ]

(* View: nameserver *)
let nameserver = directive "nameserver" (store Rx.ip)

(* View: domain *)
let domain = directive "domain" (store Rx.word)

(* View: search *)
let search = directive "search" (spaced [ label "domain" . store Rx.word ])

(* View: sortlist *)
let sortlist = directive "sortlist" (spaced ipaddr)

(* View: lookup  (BSD) *)
let lookup = directive "lookup" (flags ("bind" | "file" | "yp"))

(* View: family  (BSD) *)
let family = directive "family" (flags ("inet4" | "inet6"))

(* View: ip6_dotint  written "no-ip6-dotint" when it has a negate child *)
let ip6_dotint = [ [ label "negate" . Util.del_str "no-" ]? . key "ip6-dotint" ]

(* Variable: numeric_option  options written NAME:NUMBER *)
let numeric_option =
  Build.key_value ("ndots" | "timeout" | "attempts")
                  (Util.del_str ":") (store Rx.integer)

(* Variable: flag_option  options without a value *)
let flag_option =
  Build.flag ( "debug" | "rotate" | "no-check-names" | "inet6"
             | "ip6-bytestring" | "edns0" | "single-request"
             | "single-request-reopen" | "no-tld-query" | "use-vc"
             | "no-reload" | "trust-ad" )

(* View: options *)
let options = directive "options" (spaced (numeric_option | flag_option | ip6_dotint))

(* View: entry *)
let entry = nameserver | domain | search | sortlist | options | lookup | family

(************************************************************************
 * Group: the whole file
 ************************************************************************)

(* View: lns *)
let lns = ( empty | comment | entry )*

(* Variable: filter *)
let filter = incl "/etc/resolv.conf"

let xfm = transform lns filter
