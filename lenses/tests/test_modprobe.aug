(*
Module: Test_modprobe
  lensnet's own unit tests for the Modprobe lens (lenses/modprobe.aug).
  Every expected result here was cross-checked against Augeas 1.14.
*)
module Test_modprobe =

(************************************************************************
 * Group: a whole file
 ************************************************************************)

let conf = "# /etc/modprobe.d/local.conf
alias bond0 bonding
alias net-pf-10 off   # no IPv6 here
options bonding mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4
options snd-hda-intel id=\"PCH\" model=auto \\
\tpower_save=1

#
blacklist floppy
install usb-storage /bin/true
remove ixgbe /sbin/modprobe -r --ignore-remove ixgbe; /sbin/modprobe -r mdio
softdep crc32c pre: crc32c-intel
config binary_indexes
"

test Modprobe.lns get conf =
  { "#comment" = "/etc/modprobe.d/local.conf" }
  { "alias" = "bond0" { "modulename" = "bonding" } }
  { "alias" = "net-pf-10" { "modulename" = "off" } { "#comment" = "no IPv6 here" } }
  { "options" = "bonding"
    { "mode" = "802.3ad" }
    { "miimon" = "100" }
    { "lacp_rate" = "fast" }
    { "xmit_hash_policy" = "layer3+4" } }
  { "options" = "snd-hda-intel"
    { "id" = "\"PCH\"" }
    { "model" = "auto" }
    { "power_save" = "1" } }
  { }
  { }
  { "blacklist" = "floppy" }
  { "install" = "usb-storage" { "command" = "/bin/true" } }
  { "remove" = "ixgbe"
    { "command" = "/sbin/modprobe -r --ignore-remove ixgbe; /sbin/modprobe -r mdio" } }
  { "softdep" = "crc32c" { "pre" = "crc32c-intel" } }
  { "config" = "binary_indexes" }

(************************************************************************
 * Group: comments and blank lines
 ************************************************************************)

test Modprobe.lns get "  #   indented  \n#\n\t\n" =
  { "#comment" = "indented" } { } { }

test Modprobe.comment get "# just a note\n" = { "#comment" = "just a note" }

(* ';' does not start a comment here *)
test Modprobe.lns get "; not a comment\n" = *

(************************************************************************
 * Group: alias
 ************************************************************************)

test Modprobe.alias get "alias\tsound-slot-0\tsnd-card-0\t\n" =
  { "alias" = "sound-slot-0" { "modulename" = "snd-card-0" } }

(* wildcards and '$' are plain characters *)
test Modprobe.lns get "alias pci:v00008086d*sv*sd*bc02sc00i* e1000e\nalias x-$ARCH y-$ARCH\n" =
  { "alias" = "pci:v00008086d*sv*sd*bc02sc00i*" { "modulename" = "e1000e" } }
  { "alias" = "x-$ARCH" { "modulename" = "y-$ARCH" } }

(* a backslash-newline counts as a blank *)
test Modprobe.lns get "alias \\\n  char-major-10-175 agpgart\n" =
  { "alias" = "char-major-10-175" { "modulename" = "agpgart" } }

test Modprobe.lns get "alias a\n" = *
test Modprobe.lns get "alias a b c\n" = *

(* directives start in the first column *)
test Modprobe.lns get "  alias a b\n" = *

(************************************************************************
 * Group: options
 ************************************************************************)

test Modprobe.options get "options ipv6 disable=1\n" =
  { "options" = "ipv6" { "disable" = "1" } }

(* bare words, blanks around '=', several continuation lines *)
test Modprobe.lns get "options a flag  b = 2 \\\n\tc=-1 \\\n\td=0x1f\n" =
  { "options" = "a"
    { "flag" }
    { "b" = "2" }
    { "c" = "-1" }
    { "d" = "0x1f" } }

(* double quotes keep blanks together; the quotes stay in the value *)
test Modprobe.lns get "options snd slots=\"snd-hda-intel, snd-usb-audio\" index=0,1\n" =
  { "options" = "snd"
    { "slots" = "\"snd-hda-intel, snd-usb-audio\"" }
    { "index" = "0,1" } }

test Modprobe.lns get "options a b=x=y\n" = { "options" = "a" { "b" = "x=y" } }

test Modprobe.lns get "options nouveau modeset=0   # KMS off\noptions a #\n" =
  { "options" = "nouveau" { "modeset" = "0" } { "#comment" = "KMS off" } }
  { "options" = "a" }

(* a module name alone is fine *)
test Modprobe.lns get "options dummy\n" = { "options" = "dummy" }

test Modprobe.lns get "options a b=\"open\n" = *
test Modprobe.lns get "options a b='x y'\n" = *

(************************************************************************
 * Group: install and remove
 ************************************************************************)

(* the command keeps its inner blanks, ';' and '&&'; trailing blanks go *)
test Modprobe.lns get "install dccp   /bin/echo  disabled ; /bin/false  \n" =
  { "install" = "dccp" { "command" = "/bin/echo  disabled ; /bin/false" } }

test Modprobe.lns get "install snd-pcm /sbin/modprobe --ignore-install snd-pcm && { /sbin/modprobe snd-pcm-oss ; : ; }\n" =
  { "install" = "snd-pcm"
    { "command" = "/sbin/modprobe --ignore-install snd-pcm && { /sbin/modprobe snd-pcm-oss ; : ; }" } }

(* continuation lines stay in the command, backslash and newline included *)
test Modprobe.lns get "remove ixgbe \\\n\t/sbin/rmmod ixgbe && \\\n\t/sbin/rmmod mdio\n" =
  { "remove" = "ixgbe"
    { "command" = "/sbin/rmmod ixgbe && \\\n\t/sbin/rmmod mdio" } }

(* a '#' ends the command, even inside quotes *)
test Modprobe.lns get "install a echo \"x # y\"\n" =
  { "install" = "a" { "command" = "echo \"x" } { "#comment" = "y\"" } }

test Modprobe.lns get "install a\n" = *

(* Modules_conf builds its pre-/post- directives from kv_line_command *)
test (Modprobe.kv_line_command /pre-install/) get "pre-install sg modprobe sr_mod\n" =
  { "pre-install" = "sg" { "command" = "modprobe sr_mod" } }

test ([ label "cmd" . Modprobe.sto_to_eol ]) get "echo a \\\n  b" =
  { "cmd" = "echo a \\\n  b" }

(************************************************************************
 * Group: blacklist, config, softdep
 ************************************************************************)

test Modprobe.blacklist get "blacklist pcspkr  \t\n" = { "blacklist" = "pcspkr" }

test Modprobe.lns get "blacklist nouveau# vendor driver\n" =
  { "blacklist" = "nouveau" { "#comment" = "vendor driver" } }

test Modprobe.lns get "blacklist a b\n" = *

test Modprobe.lns get "config yes\nconfig no # off\n" =
  { "config" = "yes" }
  { "config" = "no" { "#comment" = "off" } }

test Modprobe.lns get "config maybe\n" = *

test Modprobe.lns get "softdep a\nsoftdep b post: c d\nsoftdep e pre: f post: g\n" =
  { "softdep" = "a" }
  { "softdep" = "b" { "post" = "c" } { "post" = "d" } }
  { "softdep" = "e" { "pre" = "f" } { "post" = "g" } }

test Modprobe.softdep get "softdep\tx \\\n pre:\ty\tz  # order\n" =
  { "softdep" = "x" { "pre" = "y" } { "pre" = "z" } { "#comment" = "order" } }

(* pre: must come first and may not be empty *)
test Modprobe.lns get "softdep a post: b pre: c\n" = *
test Modprobe.lns get "softdep a pre:\n" = *

(* unknown directives *)
test Modprobe.lns get "foo bar\n" = *

(************************************************************************
 * Group: editing
 ************************************************************************)

let bonding = "alias bond0 bonding\noptions bonding mode=802.3ad miimon=100\n"

test Modprobe.lns put bonding after
  set "options/miimon" "200" ;
  set "options/xmit_hash_policy" "layer3+4"
  = "alias bond0 bonding\noptions bonding mode=802.3ad miimon=200 xmit_hash_policy=layer3+4\n"

(* spacing around an existing '=' is kept; a new flag has no value *)
test Modprobe.lns put "options a b = 1\n" after
  set "options/b" "2" ; clear "options/quiet"
  = "options a b = 2 quiet\n"

test Modprobe.lns put "options a b=1 c=2\n" after
  rm "options/b" ; set "options/c" "\"x y\""
  = "options a c=\"x y\"\n"

test Modprobe.lns put "options a b=1\n" after
  set "options/b" "" = *

test Modprobe.lns put bonding after
  set "alias[last()+1]" "bond1" ;
  set "alias[last()]/modulename" "bonding"
  = bonding . "alias bond1 bonding\n"

(* a new alias needs its module name *)
test Modprobe.lns put "" after set "alias" "a" = *

test Modprobe.lns put "" after
  set "install" "usb-storage" ;
  set "install/command" "/bin/true; /bin/echo blocked" ;
  set "blacklist" "floppy" ;
  set "config" "no"
  = "install usb-storage /bin/true; /bin/echo blocked\nblacklist floppy\nconfig no\n"

test Modprobe.lns put "remove a x \\\n y\n" after
  set "remove/command" "/bin/true" = "remove a /bin/true\n"

test Modprobe.lns put "" after
  set "softdep" "a" ;
  set "softdep/pre[1]" "b" ;
  set "softdep/pre[2]" "c" ;
  set "softdep/post" "d"
  = "softdep a pre: b c post: d\n"

(* post: before pre: in the tree cannot be written *)
test Modprobe.lns put "" after
  set "softdep" "a" ; set "softdep/post" "d" ; set "softdep/pre" "b" = *

(* end of line comments: " # " for most directives, "# " after
   alias, blacklist and config *)
test Modprobe.lns put "options a b=1\ninstall a b\nblacklist a\n" after
  set "options/#comment" "c1" ;
  set "install/#comment" "c2" ;
  set "blacklist/#comment" "c3"
  = "options a b=1 # c1\ninstall a b # c2\nblacklist a# c3\n"

test Modprobe.lns put "# keep\nblacklist a\n" after
  rm "blacklist" ; set "#comment[last()+1]" "added"
  = "# keep\n# added\n"
