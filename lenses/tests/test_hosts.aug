(*
Module: Test_hosts
  lensnet's tests for its Hosts module (/etc/hosts)
*)
module Test_hosts =

let sample = "127.0.0.1\tlocalhost localhost.localdomain
::1 localhost6 # loopback
# lan

192.168.1.10  host1.example.com host1
"

(* Test: the smallest record *)
test Hosts.record get "10.0.0.1 gw\n" =
  { "1" { "ipaddr" = "10.0.0.1" } { "canonical" = "gw" } }

(* Test: records are numbered, comments and blank lines are not *)
test Hosts.lns get sample =
  { "1" { "ipaddr" = "127.0.0.1" }
        { "canonical" = "localhost" }
        { "alias" = "localhost.localdomain" } }
  { "2" { "ipaddr" = "::1" }
        { "canonical" = "localhost6" }
        { "#comment" = "loopback" } }
  { "#comment" = "lan" }
  { }
  { "3" { "ipaddr" = "192.168.1.10" }
        { "canonical" = "host1.example.com" }
        { "alias" = "host1" } }

(* Test: many aliases, tabs, indentation and trailing blanks *)
test Hosts.lns get "  10.0.0.2\tweb.example.com\tweb  www \t\n" =
  { "1" { "ipaddr" = "10.0.0.2" }
        { "canonical" = "web.example.com" }
        { "alias" = "web" }
        { "alias" = "www" } }

(* Test: an empty trailing comment is dropped *)
test Hosts.lns get "10.0.0.3 db #\n" =
  { "1" { "ipaddr" = "10.0.0.3" } { "canonical" = "db" } }

(* Test: a comment may touch the last name *)
test Hosts.lns get "10.0.0.3 db# primary \n" =
  { "1" { "ipaddr" = "10.0.0.3" }
        { "canonical" = "db" }
        { "#comment" = "primary" } }

(* Test: addresses are not checked, scoped IPv6 is fine *)
test Hosts.lns get "fe80::1%eth0 gw6\n" =
  { "1" { "ipaddr" = "fe80::1%eth0" } { "canonical" = "gw6" } }

(* Test: comment lines and a lone "#" *)
test Hosts.lns get "#a\n  #  b  \n#\n" =
  { "#comment" = "a" } { "#comment" = "b" } { }

(* Test: a record needs a canonical name *)
test Hosts.lns get "127.0.0.1\n" = *

(* Test: a record needs a newline *)
test Hosts.lns get "127.0.0.1 localhost" = *

(* Test: a "#" can not start a name *)
test Hosts.lns get "127.0.0.1 #localhost\n" = *

(* Test: a new alias goes after the others, separated by a space *)
test Hosts.lns put sample after
  set "/1/alias[last()+1]" "lh"
= "127.0.0.1\tlocalhost localhost.localdomain lh
::1 localhost6 # loopback
# lan

192.168.1.10  host1.example.com host1
"

(* Test: removing aliases also removes their blanks *)
test Hosts.lns put sample after
  rm "/1/alias";
  rm "/3/alias"
= "127.0.0.1\tlocalhost
::1 localhost6 # loopback
# lan

192.168.1.10  host1.example.com
"

(* Test: changing and removing the end of line comment *)
test Hosts.lns put sample after
  set "/2/#comment" "v6 loopback";
  set "/3/#comment" "first host"
= "127.0.0.1\tlocalhost localhost.localdomain
::1 localhost6 # v6 loopback
# lan

192.168.1.10  host1.example.com host1 # first host
"

test Hosts.lns put sample after
  rm "/2/#comment"
= "127.0.0.1\tlocalhost localhost.localdomain
::1 localhost6
# lan

192.168.1.10  host1.example.com host1
"

(* Test: a new record gets a tab after the address *)
test Hosts.lns put sample after
  set "/01/ipaddr" "10.0.0.9";
  set "/01/canonical" "nas.example.com";
  set "/01/alias[1]" "nas";
  set "/01/alias[2]" "backup"
= sample . "10.0.0.9\tnas.example.com nas backup\n"

(* Test: a new comment line *)
test Hosts.lns put sample after
  set "/#comment[last()+1]" "end"
= sample . "# end\n"

(* Test: removing a record *)
test Hosts.lns put sample after
  rm "/2"
= "127.0.0.1\tlocalhost localhost.localdomain
# lan

192.168.1.10  host1.example.com host1
"

(* Test: changing the address keeps the separators *)
test Hosts.record put "192.168.1.10  host1\n" after
  set "/1/ipaddr" "192.168.1.11"
= "192.168.1.11  host1\n"

(* Test: a record can not lose its canonical name ... *)
test Hosts.lns put sample after
  rm "/3/canonical"
= *

(* Test: ... nor its address *)
test Hosts.lns put sample after
  rm "/1/ipaddr"
= *

(* Test: names can not hold blanks *)
test Hosts.lns put sample after
  set "/1/canonical" "local host"
= *

(* Test: aliases can not come before the canonical name *)
test Hosts.lns put sample after
  insb "alias" "/3/canonical";
  set "/3/alias[1]" "h"
= *
