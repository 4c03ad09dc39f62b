(*
Module: Test_rx
  Unit tests for lensnet's Rx module: each regexp is put in a small
  lens and fed strings it must accept or reject.
*)

module Test_rx =

(* View: val
   Store the whole input as the value of a "v" node *)
let val (r:regexp) = [ label "v" . store r ]

(* View: kv
   "key=value" with the key matching k and the value matching v *)
let kv (k:regexp) (v:regexp) = [ key k . del /=/ "=" . store v ]

(* Group: blanks and continued lines *)

let space = [ key Rx.word . del Rx.space " " . store Rx.word ]
test space get "a b" = { "a" = "b" }
test space get "a \t  b" = { "a" = "b" }
test space get "ab" = *
test space put "a\tb" after set "a" "c" = "a\tc"

let opt_space = [ key /[a-z]+/ . del Rx.opt_space "" . store /[0-9]+/ ]
test opt_space get "a1" = { "a" = "1" }
test opt_space get "a \t1" = { "a" = "1" }
test opt_space get "a\n1" = *

let cl = val Rx.cl
test cl get "\\\n" = { "v" = "\\\n" }
test cl get " \t\\\n  " = { "v" = " \t\\\n  " }
test cl get "\n" = *
test cl get "\\\\\n" = *
test cl get " " = *

let cl_or_space = val Rx.cl_or_space
test cl_or_space get "  " = { "v" = "  " }
test cl_or_space get " \\\n " = { "v" = " \\\n " }
test cl_or_space get "" = *

let cl_or_opt_space = [ key /[a-z]+/ . del Rx.cl_or_opt_space "" . store /[0-9]+/ ]
test cl_or_opt_space get "a1" = { "a" = "1" }
test cl_or_opt_space get "a\\\n1" = { "a" = "1" }
test cl_or_opt_space get "a \\\n\t1" = { "a" = "1" }

(* Group: words and numbers *)

let space_in = val Rx.space_in
test space_in get "x" = { "v" = "x" }
test space_in get "two words" = { "v" = "two words" }
test space_in get " lead" = *
test space_in get "trail\t" = *
test space_in get "two\nlines" = *

let no_spaces = val Rx.no_spaces
test no_spaces get "a/b=c,d" = { "v" = "a/b=c,d" }
test no_spaces get "a b" = *
test no_spaces get "" = *

let word = kv Rx.word Rx.word
test word get "A-b_c.9=x.y" = { "A-b_c.9" = "x.y" }
test word get "a:b=1" = *
test word get "a=b/c" = *

let integer = kv Rx.word Rx.integer
test integer get "n=0042" = { "n" = "0042" }
test integer get "n=-1" = *
test integer get "n=" = *

let relinteger = kv Rx.word Rx.relinteger
test relinteger get "n=-12" = { "n" = "-12" }
test relinteger get "n=+12" = { "n" = "+12" }
test relinteger get "n=--1" = *

let relinteger_noplus = kv Rx.word Rx.relinteger_noplus
test relinteger_noplus get "n=-3" = { "n" = "-3" }
test relinteger_noplus get "n=+3" = *

let decimal = kv Rx.word Rx.decimal
test decimal get "d=3" = { "d" = "3" }
test decimal get "d=3.14" = { "d" = "3.14" }
test decimal get "d=3,14" = { "d" = "3,14" }
test decimal get "d=.5" = *
test decimal get "d=5." = *

let reldecimal = kv Rx.word Rx.reldecimal
test reldecimal get "d=-0,5" = { "d" = "-0,5" }
test reldecimal get "d=+7" = { "d" = "+7" }
test reldecimal get "d=-" = *

let byte = val Rx.byte
test byte get "0" = { "v" = "0" }
test byte get "25" = { "v" = "25" }
test byte get "199" = { "v" = "199" }
test byte get "255" = { "v" = "255" }
test byte get "256" = *
test byte get "07" = *
test byte get "1000" = *

let hex = val Rx.hex
test hex get "0xDEADbeef" = { "v" = "0xDEADbeef" }
test hex get "0x" = *
test hex get "DEAD" = *

let octal = val Rx.octal
test octal get "0755" = { "v" = "0755" }
test octal get "0" = *
test octal get "0789" = *

let fspath = val Rx.fspath
test fspath get "/etc/my file" = *
test fspath get "/etc/sysconfig/network-scripts/ifcfg-eth0" =
  { "v" = "/etc/sysconfig/network-scripts/ifcfg-eth0" }

let neg1 = val Rx.neg1
test neg1 get "a=b;c" = { "v" = "a=b;c" }
test neg1 get "a,b" = *
test neg1 get "a#b" = *

(* Group: IP addresses *)

let ipv4 = val Rx.ipv4
test ipv4 get "10.0.0.1" = { "v" = "10.0.0.1" }
test ipv4 get "255.255.255.255" = { "v" = "255.255.255.255" }
test ipv4 get "10.0.0.256" = *
test ipv4 get "10.0.0" = *
test ipv4 get "10.00.0.1" = *

let ipv6 = val Rx.ipv6
test ipv6 get "2001:db8:0:0:0:0:2:1" = { "v" = "2001:db8:0:0:0:0:2:1" }
test ipv6 get "2001:db8::2:1" = { "v" = "2001:db8::2:1" }
test ipv6 get "::1" = { "v" = "::1" }
test ipv6 get "fe80::" = { "v" = "fe80::" }
test ipv6 get "1:2:3:4:5:6:7::" = { "v" = "1:2:3:4:5:6:7::" }
test ipv6 get "::2:3:4:5:6:7:8" = { "v" = "::2:3:4:5:6:7:8" }
test ipv6 get "::ffff:192.0.2.128" = { "v" = "::ffff:192.0.2.128" }
test ipv6 get "64:ff9b::192.0.2.33" = { "v" = "64:ff9b::192.0.2.33" }
test ipv6 get "1:2:3:4:5:6:10.0.0.1" = { "v" = "1:2:3:4:5:6:10.0.0.1" }
test ipv6 get "::" = *
test ipv6 get "1:2:3:4:5:6:7:8:9" = *
test ipv6 get "1:2:3:4::5:6:7:8" = *
test ipv6 get "1::2::3" = *
test ipv6 get "12345::1" = *
test ipv6 get "::ffff:300.0.0.1" = *

let ip = val Rx.ip
test ip get "127.0.0.1" = { "v" = "127.0.0.1" }
test ip get "::1" = { "v" = "::1" }
test ip get "localhost" = *

(* Group: names and addresses *)

let hostname = val Rx.hostname
test hostname get "www.example.com" = { "v" = "www.example.com" }
test hostname get "my-host" = { "v" = "my-host" }
test hostname get "a.b.cd" = { "v" = "a.b.cd" }
test hostname get "-bad" = *
test hostname get "bad-" = *
test hostname get "a..bc" = *

let device_name = val Rx.device_name
test device_name get "eth0" = { "v" = "eth0" }
test device_name get "eth0.100" = { "v" = "eth0.100" }
test device_name get "i2c-0" = { "v" = "i2c-0" }
test device_name get "eth0:1" = { "v" = "eth0:1" }
test device_name get "eth 0" = *

let email_addr = val Rx.email_addr
test email_addr get "first.last+tag@example.org" =
  { "v" = "first.last+tag@example.org" }
test email_addr get "root@localhost" = { "v" = "root@localhost" }
test email_addr get "root" = *
test email_addr get "a@b@c" = *

(* Group: dates *)

let year = val Rx.year
test year get "1999" = { "v" = "1999" }
test year get "99" = *

let relyear = val Rx.relyear
test relyear get "-0044" = { "v" = "-0044" }

let monthday = val Rx.monthday
test monthday get "12-31" = { "v" = "12-31" }
test monthday get "W52" = { "v" = "W52" }
test monthday get "1231" = { "v" = "1231" }
test monthday get "1" = *

let time = val Rx.time
test time get "T10:20:30Z" = { "v" = "T10:20:30Z" }
test time get " 1020+02" = { "v" = " 1020+02" }
test time get "T10:20:30,5-05:00" = { "v" = "T10:20:30,5-05:00" }
test time get "10:20" = *

let iso_8601 = val Rx.iso_8601
test iso_8601 get "2024" = { "v" = "2024" }
test iso_8601 get "2024-02-29" = { "v" = "2024-02-29" }
test iso_8601 get "2024-02-29T23:59:60Z" = { "v" = "2024-02-29T23:59:60Z" }
test iso_8601 get "2024-W09-4" = { "v" = "2024-W09-4" }
test iso_8601 get "2024-2-29" = *
test iso_8601 get "24-02-29" = *

(* Group: URLs *)

let url_3986 = val Rx.url_3986
test url_3986 get "https://example.org:8443/a/b?x=1&y=2#top" =
  { "v" = "https://example.org:8443/a/b?x=1&y=2#top" }
test url_3986 get "mailto:root@example.org" = { "v" = "mailto:root@example.org" }
test url_3986 get "relative/path" = { "v" = "relative/path" }
test url_3986 get "" = { "v" = "" }
test url_3986 get "a#b#c" = { "v" = "a#b#c" }
test url_3986 get "a?b?c" = { "v" = "a?b?c" }
