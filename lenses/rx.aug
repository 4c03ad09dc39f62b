(*
Module: Rx
  lensnet's own regular expressions for building lenses.

  This is an independent implementation, written for lensnet, of the
  public interface of the Rx module shipped with Augeas 1.14: every name
  that module exports is defined here, and each regexp accepts exactly
  the same strings, so lenses written against Augeas's Rx work unchanged.
  Where Augeas's definitions have surprising corners (noted below), the
  same strings are accepted on purpose.
*)

module Rx =

(************************************************************************
 * Group: Blanks and continued lines
 ************************************************************************)

(* Variable: space
   One or more blanks (spaces or tabs) *)
let space = /[ \t]+/

(* Variable: opt_space
   Zero or more blanks *)
let opt_space = /[ \t]*/

(* Variable: cl
   A line continuation: a backslash right before the newline, with
   blanks allowed around it *)
let cl = opt_space . /\\\\\n/ . opt_space

(* Variable: cl_or_space
   Either a <cl> or a <space> *)
let cl_or_space = cl | space

(* Variable: cl_or_opt_space
   Either a <cl> or an <opt_space> *)
let cl_or_opt_space = cl | opt_space

(************************************************************************
 * Group: Words and numbers
 ************************************************************************)

(* Variable: space_in
   Text on one line that neither starts nor ends with a blank; blanks
   may occur inside *)
let space_in =
     let solid = /[^ \t\r\n]/
  in solid . (/.*/ . solid)?

(* Variable: no_spaces
   One or more characters, none of them blank or a line break *)
let no_spaces = /[^\n\r\t ]+/

(* Variable: word
   Letters, digits, '_', '.' and '-' *)
let word = /[-._0-9A-Za-z]+/

(* Variable: integer
   A run of decimal digits *)
let integer = /[0-9]+/

(* Variable: relinteger
   An <integer> with an optional sign *)
let relinteger = /[-+]?/ . integer

(* Variable: relinteger_noplus
   An <integer> with an optional minus sign *)
let relinteger_noplus = /-?/ . integer

(* Variable: decimal
   An <integer> with an optional fraction after '.' or ',' *)
let decimal = integer . (/[,.]/ . integer)?

(* Variable: reldecimal
   A <decimal> with an optional sign *)
let reldecimal = /[-+]?/ . decimal

(* Variable: byte
   A number from 0 to 255, written without leading zeros *)
let byte = /[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5]/

(* Variable: hex
   A hexadecimal number with its 0x prefix *)
let hex = "0x" . /[0-9A-Fa-f]+/

(* Variable: octal
   An octal number with its leading 0 *)
let octal = "0" . /[0-7]+/

(* Variable: fspath
   A file system path: anything without blanks or newlines *)
let fspath = /[^\n\t ]+/

(************************************************************************
 * Group: Negated classes
 ************************************************************************)

(* Variable: neg1
   One or more characters other than blanks, newlines, ',' and '#' *)
let neg1 = /[^\t\n #,]+/

(************************************************************************
 * Group: IP addresses
 ************************************************************************)

(* Variable: ipv4
   A dotted quad of <byte>s *)
let ipv4 =
     let part = byte . "."
  in part . part . part . byte

(* Variable: ipv6
   An IPv6 address in one of these forms:
   - eight groups of one to four hex digits, separated by ':'
   - a '::' standing for elided groups, with one to seven groups in
     total on its two sides
   - six groups followed by a dotted quad
   - up to five groups, then '::' and a dotted quad
   - '::', up to five groups and a dotted quad
   In the dotted quads of this regexp, octets below 100 may be written
   with a leading zero.  As in Augeas 1.14, a single ':' directly in front
   of a dotted quad (":1.2.3.4") is accepted as well. *)
let ipv6 =
     let grp = /[0-9A-Fa-f]{1,4}/
  (* a group and the colon ending it *)
  in let gc = grp . ":"
  in let six = gc . gc . gc . gc . gc . gc
  in let up_to_five = (gc . (gc . (gc . (gc . gc?)?)?)?)?
  (* dotted quad with the looser octets described above *)
  in let octet = /[0-9]{1,2}|1[0-9][0-9]|2[0-4][0-9]|25[0-5]/
  in let quad = octet . "." . octet . "." . octet . "." . octet
  (* one to n groups joined by single colons *)
  in let run1 = grp
  in let run2 = grp . /(:[0-9A-Fa-f]{1,4})?/
  in let run3 = grp . /(:[0-9A-Fa-f]{1,4}){0,2}/
  in let run4 = grp . /(:[0-9A-Fa-f]{1,4}){0,3}/
  in let run5 = grp . /(:[0-9A-Fa-f]{1,4}){0,4}/
  in let run6 = grp . /(:[0-9A-Fa-f]{1,4}){0,5}/
  in let run7 = grp . /(:[0-9A-Fa-f]{1,4}){0,6}/
  in let plain = six . gc . grp
  (* '::' with n groups before it, written here as n groups each with
     its colon and one more colon, and at most 7 - n groups after it *)
  in let elided = "::" . run7
                | gc . ":" . run6?
                | gc . gc . ":" . run5?
                | gc . gc . gc . ":" . run4?
                | gc . gc . gc . gc . ":" . run3?
                | gc . gc . gc . gc . gc . ":" . run2?
                | six . ":" . run1?
                | six . gc . ":"
  in let with_quad = six . quad
                   | up_to_five . ":" . quad
                   | "::" . up_to_five . quad
  in plain | elided | with_quad

(* Variable: ip
   Either an <ipv4> or an <ipv6> address *)
let ip = ipv4 | ipv6

(************************************************************************
 * Group: Names and addresses
 ************************************************************************)

(* Variable: hostname
   Dot-separated labels of letters and digits, with '-' (and, as Augeas
   1.14 reads its own bracket expression, '\') allowed inside a label.
   Augeas 1.14's regexp has a line break and 18 spaces inside its last
   group: the last label must therefore have at least two characters,
   or be a single letter or digit after that line break and those
   spaces.  The same strings are accepted here. *)
let hostname =
     let edge = /[0-9A-Za-z]/
  in let long = edge . /[-0-9A-Za-z\\]*/ . edge
  in let quirk = "\n" . /[ ]{18}/ . edge
  in ((edge | long) . ".")* . (quirk | long)

(* Variable: device_name
   A device name such as eth0, br0.100 or i2c-0 *)
let device_name = /[-!+.0-9:?A-Z_a-z]+/

(* Variable: email_addr
   A rough e-mail address: a local part, '@' and a <word> *)
let email_addr = /[-+._0-9A-Za-z]+/ . "@" . word

(************************************************************************
 * Group: Dates (ISO 8601)
 ************************************************************************)

(* Variable: year
   Four digits *)
let year = /[0-9]{4}/

(* Variable: relyear
   A <year> with an optional sign *)
let relyear = /[-+]?/ . year

(* Variable: monthday
   Month (or week, with a W) and an optional day *)
let monthday = /W?[0-9]{2}/ . (/-?/ . /[0-9]{1,2}/)?

(* Variable: time
   A 'T' or blank, then hours with optional minutes and seconds, an
   optional fraction and an optional time zone *)
let time =
     let two = /[0-9]{2}/
  in let clock = two . (/:?/ . two . (/:?/ . two)?)?
  in let fraction = /[,.][0-9]+/
  in let zone = "Z" | /[-+]?/ . two . (/:?/ . two)?
  in /[\t T]/ . clock . fraction? . zone?

(* Variable: iso_8601
   A date, possibly followed by a time *)
let iso_8601 = year . (/-?/ . monthday . time?)?

(************************************************************************
 * Group: URLs
 ************************************************************************)

(* Variable: url_3986
   A URL split as in appendix B of RFC 3986: optional scheme, optional
   authority, path, optional query and optional fragment *)
let url_3986 =
     let scheme = /[^\/:?#]+:/
  in let authority = "//" . /[^\/?#]*/
  in let path = /[^?#]*/
  in let query = /\?[^#]*/
  in let fragment = /#.*/
  in scheme? . authority? . path . query? . fragment?
