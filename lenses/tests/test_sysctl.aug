(*
Module: Test_sysctl
  lensnet's own unit tests for the Sysctl lens (lenses/sysctl.aug).
  Every expected result here was cross-checked against Augeas 1.14.
*)
module Test_sysctl =

(************************************************************************
 * Group: a whole file
 ************************************************************************)

let conf = "# /etc/sysctl.conf for the build farm
; semicolon comments are accepted too

net.ipv4.ip_forward = 1
kernel.sysrq=0
vm.swappiness\t=\t10
  fs.file-max = 65536
kernel.sem = 250 32000\t100 128
-net.ipv4.tcp_tw_recycle = 0
net/ipv6/conf/eth0.100/disable_ipv6 = 1
net.ipv4.conf.*.rp_filter = 2
net.ipv4.neigh.ib0:1.gc_stale_time = 60
kernel.core_pattern = |/usr/lib/systemd/systemd-coredump %P %u
#
"

test Sysctl.lns get conf =
  { "#comment" = "/etc/sysctl.conf for the build farm" }
  { "#comment" = "semicolon comments are accepted too" }
  { }
  { "net.ipv4.ip_forward" = "1" }
  { "kernel.sysrq" = "0" }
  { "vm.swappiness" = "10" }
  { "fs.file-max" = "65536" }
  { "kernel.sem" = "250 32000\t100 128" }
  { "-net.ipv4.tcp_tw_recycle" = "0" }
  { "net/ipv6/conf/eth0.100/disable_ipv6" = "1" }
  { "net.ipv4.conf.*.rp_filter" = "2" }
  { "net.ipv4.neigh.ib0:1.gc_stale_time" = "60" }
  { "kernel.core_pattern" = "|/usr/lib/systemd/systemd-coredump %P %u" }
  { }

(* An empty file is fine; the first parameter written into it *)
test Sysctl.lns put "" after set "kernel.sysrq" "1" = "kernel.sysrq = 1\n"

(************************************************************************
 * Group: comments and blank lines
 ************************************************************************)

test Sysctl.lns get "  #   indented, blanks trimmed  \t\n" =
  { "#comment" = "indented, blanks trimmed" }

test Sysctl.lns get "\t;\tsemicolon\n" = { "#comment" = "semicolon" }

test Sysctl.lns get "#no space\n;#mixed\n" =
  { "#comment" = "no space" }
  { "#comment" = "#mixed" }

(* a lone '#' (with blanks) is a blank line *)
test Sysctl.lns get "#\n  # \t\n\n   \n" = { } { } { } { }

(* ... but a lone ';' is not accepted *)
test Sysctl.lns get ";\n" = *

test Sysctl.comment get "; kernel tweaks\n" = { "#comment" = "kernel tweaks" }

(************************************************************************
 * Group: parameters
 ************************************************************************)

test Sysctl.lns get "a=1\nb =2\nc= 3\nd  =  4\n" =
  { "a" = "1" } { "b" = "2" } { "c" = "3" } { "d" = "4" }

(* trailing blanks are not part of the value *)
test Sysctl.lns get "kernel.pid_max = 4194304 \t\n" =
  { "kernel.pid_max" = "4194304" }

test Sysctl.entry get "\t net.core.somaxconn = 4096\n" =
  { "net.core.somaxconn" = "4096" }

(* quotes are kept in the value *)
test Sysctl.lns get "a = \"quoted value\"\nb = 'single quoted'\nc = ''\n" =
  { "a" = "\"quoted value\"" }
  { "b" = "'single quoted'" }
  { "c" = "''" }

(* a quote inside an unquoted value is just a character *)
test Sysctl.lns get "a = it's\n" = { "a" = "it's" }

(* ';' does not start a comment after a value *)
test Sysctl.lns get "a = 1 ; 2\n" = { "a" = "1 ; 2" }

(* a second '=' belongs to the value *)
test Sysctl.lns get "a == 1\n" = { "a" = "= 1" }

(* end of line comments need '#' *)
test Sysctl.lns get "net.ipv4.tcp_syncookies = 1   # SYN flood\n" =
  { "net.ipv4.tcp_syncookies" = "1"
    { "#comment" = "SYN flood" } }

test Sysctl.lns get "a = 1#tight\n" = { "a" = "1" { "#comment" = "tight" } }

(* "name =" alone: empty value and an unlabelled child *)
test Sysctl.lns get "kernel.domainname =\nkernel.hostname = \n" =
  { "kernel.domainname" = "" { } }
  { "kernel.hostname" = "" { } }

test Sysctl.lns get "kernel.domainname= # unset\n" =
  { "kernel.domainname" = "" { } { "#comment" = "unset" } }

(* a bare name has no value *)
test Sysctl.lns get "kernel.panic\n" = { "kernel.panic" }

test Sysctl.lns get "kernel.panic\t# flag only\n" =
  { "kernel.panic" { "#comment" = "flag only" } }

(* FreeBSD /boot/loader.conf style *)
test Sysctl.lns get "kern.maxfiles=\"25000\"\nautoboot_delay=\"3\"\n" =
  { "kern.maxfiles" = "\"25000\"" }
  { "autoboot_delay" = "\"3\"" }

(* DOS line ends: a comment drops the CR, a value keeps it *)
test Sysctl.lns get "# dos\r\na = 1\r\n" =
  { "#comment" = "dos" }
  { "a" = "1\r" }

(************************************************************************
 * Group: rejected input
 ************************************************************************)

(* the last line needs its newline *)
test Sysctl.lns get "a = 1" = *

(* blanks inside a name *)
test Sysctl.lns get "kernel sysrq = 1\n" = *

(* no name *)
test Sysctl.lns get "= 1\n" = *

(* unterminated or trailing text after quotes *)
test Sysctl.lns get "a = 'open\n" = *
test Sysctl.lns get "a = \"x\" y\n" = *

(* characters outside the name alphabet *)
test Sysctl.lns get "kernel.sysrq+ = 1\n" = *

(************************************************************************
 * Group: editing
 ************************************************************************)

(* a changed value keeps the spacing around '=' *)
test Sysctl.lns put "vm.swappiness\t=\t60\n" after
  set "vm.swappiness" "10" = "vm.swappiness\t=\t10\n"

test Sysctl.lns put "kernel.sysrq=0\n" after
  set "kernel.sysrq" "1" = "kernel.sysrq=1\n"

(* a new parameter goes at the end, written "name = value" *)
test Sysctl.lns put "# tuning\nkernel.sysrq=0\n" after
  set "vm.swappiness" "10" = "# tuning\nkernel.sysrq=0\nvm.swappiness = 10\n"

test Sysctl.lns put "a = 1\n" after
  set "net\\/ipv4\\/conf\\/all\\/forwarding" "1" ;
  set "-fs.unknown" "2"
  = "a = 1\nnet/ipv4/conf/all/forwarding = 1\n-fs.unknown = 2\n"

(* indentation of an existing line survives *)
test Sysctl.lns put "  a = 1   \n" after set "a" "two words" = "  a = two words   \n"

test Sysctl.lns put "a = 1\nb = 2\nc = 3\n" after rm "b" = "a = 1\nc = 3\n"

test Sysctl.lns put "a = 1\n" after
  insb "z" "a" ; set "z" "0" = "z = 0\na = 1\n"

test Sysctl.lns put "a = 1\nb = 2\n" after
  insa "#comment" "a" ; set "#comment" "between" = "a = 1\n# between\nb = 2\n"

(* slashes in a name are escaped in paths *)
test Sysctl.lns put "net/ipv4/ip_forward = 0\n" after
  set "net\\/ipv4\\/ip_forward" "1" = "net/ipv4/ip_forward = 1\n"

(* "name =" stays as it is when its hidden child goes *)
test Sysctl.lns put "kernel.domainname =\n" after
  rm "kernel.domainname/*" = "kernel.domainname =\n"

(* new comments use '#', whatever the file uses *)
test Sysctl.lns put "; old\na = 1\n" after
  set "#comment[last()+1]" "new" = "; old\na = 1\n# new\n"

test Sysctl.lns put "a = 1\n" after set "a/#comment" "why" = "a = 1 # why\n"

test Sysctl.lns put "a = 1 # why\n" after rm "a/#comment" = "a = 1\n"

test Sysctl.lns put "a = 1\n" after set "a" "\"quoted value\"" = "a = \"quoted value\"\n"

(* a bare name gets a value *)
test Sysctl.lns put "kernel.panic\n" after set "kernel.panic" "10" = "kernel.panic = 10\n"

(* values that cannot be written back *)
test Sysctl.lns put "a = 1\n" after set "a" "1 # 2" = *
test Sysctl.lns put "a = 1\n" after set "a" "" = *
test Sysctl.lns put "a = 1\n" after clear "a" = *
