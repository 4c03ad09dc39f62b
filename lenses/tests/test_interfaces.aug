(*
Module: Test_interfaces
  lensnet's tests for its Interfaces module (Debian ifupdown files)
*)
module Test_interfaces =

(* A small but complete file, used by most of the put tests below *)
let base = "# managed by hand
auto lo
iface lo inet loopback

auto eth0
iface eth0 inet static
    address 10.0.0.2
    netmask 255.0.0.0

mapping eth1
  script /bin/map
  map A eth1-a
"

(************************************************************************
 * Group: one-line stanzas
 ************************************************************************)

(* Test: several interfaces on one auto line *)
test Interfaces.lns get "auto lo eth0 eth1\n" =
  { "auto" { "1" = "lo" } { "2" = "eth0" } { "3" = "eth1" } }

(* Test: allow-auto is a synonym of auto *)
test Interfaces.lns get "allow-auto lo eth0\n" =
  { "auto" { "1" = "lo" } { "2" = "eth0" } }

(* Test: tabs and trailing blanks *)
test Interfaces.lns get "auto\tlo \t eth0 \t\n" =
  { "auto" { "1" = "lo" } { "2" = "eth0" } }

(* Test: a backslash continues the list on the next line *)
test Interfaces.lns get "auto lo \\\n   eth0\n" =
  { "auto" { "1" = "lo" } { "2" = "eth0" } }

(* Test: the backslash may touch the word before it *)
test Interfaces.lns get "auto lo\\\neth0\n" =
  { "auto" { "1" = "lo" } { "2" = "eth0" } }

(* Test: allow-hotplug keeps its own label *)
test Interfaces.lns get "allow-hotplug eth1 wlan0\n" =
  { "allow-hotplug" { "1" = "eth1" } { "2" = "wlan0" } }

(* Test: any allow-CLASS is accepted *)
test Interfaces.lns get "allow-ovs br-int\n" =
  { "allow-ovs" { "1" = "br-int" } }

(* Test: numbering starts again on every line *)
test Interfaces.lns get "auto a b\nauto c\nallow-hotplug d\n" =
  { "auto" { "1" = "a" } { "2" = "b" } }
  { "auto" { "1" = "c" } }
  { "allow-hotplug" { "1" = "d" } }

(* Test: a "#" after a word is just another word *)
test Interfaces.lns get "auto lo #primary\n" =
  { "auto" { "1" = "lo" } { "2" = "#primary" } }

(* Test: source keeps the whole rest of the line *)
test Interfaces.lns get "source  /etc/network/interfaces.d/*.cfg  \n" =
  { "source" = "/etc/network/interfaces.d/*.cfg" }

(* Test: source-directory *)
test Interfaces.lns get "source-directory /etc/network/interfaces.d\n" =
  { "source-directory" = "/etc/network/interfaces.d" }

(* Test: comments and blank lines after one-line stanzas stay on top *)
test Interfaces.lns get "# head\n\nsource /a\n# mid\n\nauto lo\n#\n" =
  { "#comment" = "head" }
  { }
  { "source" = "/a" }
  { "#comment" = "mid" }
  { }
  { "auto" { "1" = "lo" } }
  { }

(* Test: the empty file stays empty *)
test Interfaces.lns put "" after rm "/auto" = ""

(************************************************************************
 * Group: iface stanzas
 ************************************************************************)

(* Test: loopback *)
test Interfaces.lns get "iface lo inet loopback\n" =
  { "iface" = "lo" { "family" = "inet" } { "method" = "loopback" } }

(* Test: the header may be indented and split over lines *)
test Interfaces.lns get "  iface lo\tinet \\\n  loopback\n" =
  { "iface" = "lo" { "family" = "inet" } { "method" = "loopback" } }

(* Test: options, with any indentation (even none) *)
test Interfaces.lns get "iface eth0 inet static
\taddress 192.168.1.10
  netmask   255.255.255.0
gateway 192.168.1.1\t
        dns-nameservers 192.168.1.1 9.9.9.9
" =
  { "iface" = "eth0"
    { "family" = "inet" } { "method" = "static" }
    { "address" = "192.168.1.10" }
    { "netmask" = "255.255.255.0" }
    { "gateway" = "192.168.1.1" }
    { "dns-nameservers" = "192.168.1.1 9.9.9.9" } }

(* Test: inet6 *)
test Interfaces.lns get "iface eth0 inet6 auto\n  privext 2\n  accept_ra 1\n" =
  { "iface" = "eth0"
    { "family" = "inet6" } { "method" = "auto" }
    { "privext" = "2" } { "accept_ra" = "1" } }

(* Test: commands keep their blanks and "#" signs *)
test Interfaces.lns get "iface eth0 inet dhcp
  up ip route add 10.0.0.0/8 via 192.168.1.254 # lab
  pre-up /sbin/ethtool -s eth0  speed 1000 || true
" =
  { "iface" = "eth0"
    { "family" = "inet" } { "method" = "dhcp" }
    { "up" = "ip route add 10.0.0.0/8 via 192.168.1.254 # lab" }
    { "pre-up" = "/sbin/ethtool -s eth0  speed 1000 || true" } }

(* Test: a continuation between option name and value *)
test Interfaces.lns get "iface eth0 inet dhcp\n  hostname \\\n  web01\n" =
  { "iface" = "eth0"
    { "family" = "inet" } { "method" = "dhcp" }
    { "hostname" = "web01" } }

(* Test: a vlan *)
test Interfaces.lns get "auto eth0.100\niface eth0.100 inet manual\n  vlan-raw-device eth0\n" =
  { "auto" { "1" = "eth0.100" } }
  { "iface" = "eth0.100"
    { "family" = "inet" } { "method" = "manual" }
    { "vlan-raw-device" = "eth0" } }

(* Test: bond-slaves and bridge-ports are word lists *)
test Interfaces.lns get "iface bond0 inet manual
  bond-slaves eth0 eth1
  bond-mode 802.3ad
  bridge-ports bond0
" =
  { "iface" = "bond0"
    { "family" = "inet" } { "method" = "manual" }
    { "bond-slaves" { "1" = "eth0" } { "2" = "eth1" } }
    { "bond-mode" = "802.3ad" }
    { "bridge-ports" { "1" = "bond0" } } }

(* Test: a word list continued on the next line *)
test Interfaces.lns get "iface bond0 inet manual\n  bond-slaves eth0 \\\n              eth1\n" =
  { "iface" = "bond0"
    { "family" = "inet" } { "method" = "manual" }
    { "bond-slaves" { "1" = "eth0" } { "2" = "eth1" } } }

(* Test: the underscore spellings are ordinary options *)
test Interfaces.lns get "iface br0 inet dhcp\n  bridge_ports eth0 eth1\n  bond_slaves none\n" =
  { "iface" = "br0"
    { "family" = "inet" } { "method" = "dhcp" }
    { "bridge_ports" = "eth0 eth1" }
    { "bond_slaves" = "none" } }

(* Test: comments and blank lines after a header belong to the stanza,
   up to the next stanza *)
test Interfaces.lns get "iface eth0 inet dhcp
  # a comment
\t#
  metric 5

# about eth1
iface eth1 inet dhcp
" =
  { "iface" = "eth0"
    { "family" = "inet" } { "method" = "dhcp" }
    { "#comment" = "a comment" }
    { }
    { "metric" = "5" }
    { }
    { "#comment" = "about eth1" } }
  { "iface" = "eth1" { "family" = "inet" } { "method" = "dhcp" } }

(* Test: the same option may repeat *)
test Interfaces.lns get "iface eth0 inet static\n  up a\n  up b\n" =
  { "iface" = "eth0"
    { "family" = "inet" } { "method" = "static" }
    { "up" = "a" } { "up" = "b" } }

(* Test: stanza keywords end the stanza even when indented like options *)
test Interfaces.lns get "iface eth0 inet dhcp\n  iface eth1 inet dhcp\n" =
  { "iface" = "eth0" { "family" = "inet" } { "method" = "dhcp" } }
  { "iface" = "eth1" { "family" = "inet" } { "method" = "dhcp" } }

(************************************************************************
 * Group: mapping stanzas
 ************************************************************************)

(* Test: script and map lines *)
test Interfaces.lns get "mapping eth0
\tscript /usr/local/sbin/map-scheme
\tmap HOME eth0-home
\tmap \\
 WORK eth0-work
" =
  { "mapping" = "eth0"
    { "script" = "/usr/local/sbin/map-scheme" }
    { "map" = "HOME eth0-home" }
    { "map" = "WORK eth0-work" } }

(* Test: a mapping may start with a comment *)
test Interfaces.lns get "mapping eth0\n  # later\n" =
  { "mapping" = "eth0" { "#comment" = "later" } }

(************************************************************************
 * Group: rejected input
 ************************************************************************)

(* Test: auto needs an interface *)
test Interfaces.lns get "auto\n" = *

(* Test: auto can not be indented *)
test Interfaces.lns get "  auto lo\n" = *

(* Test: iface needs a family and a method ... *)
test Interfaces.lns get "iface eth0 inet\n" = *

(* Test: ... and nothing more *)
test Interfaces.lns get "iface eth0 inet static extra\n" = *

(* Test: a mapping needs at least one more line *)
test Interfaces.lns get "mapping eth0\n" = *

(* Test: source needs a file *)
test Interfaces.lns get "source\n" = *

(* Test: option names are lower case *)
test Interfaces.lns get "iface eth0 inet static\n  Address 10.0.0.1\n" = *

(* Test: an option needs a value *)
test Interfaces.lns get "iface eth0 inet static\n  address\n" = *

(* Test: options can not come before any stanza *)
test Interfaces.lns get "address 10.0.0.1\n" = *

(* Test: a value can not end with a backslash *)
test Interfaces.lns get "iface eth0 inet static\n  up echo \\\n" = *

(* Test: unknown keywords at the top level *)
test Interfaces.lns get "auto lo\nfoo bar\n" = *

(************************************************************************
 * Group: editing
 ************************************************************************)

(* Test: a new option goes last in its stanza, indented by three spaces *)
test Interfaces.lns put base after
  set "/iface[. = 'eth0']/mtu" "9000"
= "# managed by hand
auto lo
iface lo inet loopback

auto eth0
iface eth0 inet static
    address 10.0.0.2
    netmask 255.0.0.0

   mtu 9000
mapping eth1
  script /bin/map
  map A eth1-a
"

(* Test: inserting next to an existing option *)
test Interfaces.lns put base after
  insa "gateway" "/iface[. = 'eth0']/netmask";
  set "/iface[. = 'eth0']/gateway" "10.0.0.1"
= "# managed by hand
auto lo
iface lo inet loopback

auto eth0
iface eth0 inet static
    address 10.0.0.2
    netmask 255.0.0.0
   gateway 10.0.0.1

mapping eth1
  script /bin/map
  map A eth1-a
"

(* Test: changing a value keeps the layout *)
test Interfaces.lns put base after
  set "/iface[. = 'eth0']/address" "10.0.0.3";
  set "/iface[. = 'eth0']/method" "dhcp";
  set "/iface[. = 'lo']" "lo0"
= "# managed by hand
auto lo
iface lo0 inet loopback

auto eth0
iface eth0 inet dhcp
    address 10.0.0.3
    netmask 255.0.0.0

mapping eth1
  script /bin/map
  map A eth1-a
"

(* Test: removing an option and a whole stanza; like Augeas, the
   remaining iface reuses the layout of the first iface of the original
   text, which had no address line, so address gets the default indent *)
test Interfaces.lns put base after
  rm "/iface[. = 'eth0']/netmask";
  rm "/iface[. = 'lo']"
= "# managed by hand
auto lo
auto eth0
iface eth0 inet static
   address 10.0.0.2

mapping eth1
  script /bin/map
  map A eth1-a
"

(* Test: a new auto line goes at the end *)
test Interfaces.lns put base after
  set "/auto[last()+1]/1" "eth1";
  set "/auto[last()]/2" "eth2"
= base . "auto eth1 eth2\n"

(* Test: adding to an existing auto line *)
test Interfaces.lns put "allow-auto lo eth0\n" after
  set "/auto/3" "eth1"
= "allow-auto lo eth0 eth1\n"

(* Test: removing from an auto line *)
test Interfaces.lns put "auto lo eth0 eth1\n" after
  rm "/auto/2"
= "auto lo eth1\n"

(* Test: a new allow-hotplug line *)
test Interfaces.lns put "auto lo\n" after
  set "/allow-hotplug/1" "eth0"
= "auto lo\nallow-hotplug eth0\n"

(* Test: a complete new stanza *)
test Interfaces.lns put base after
  set "/iface[last()+1]" "eth2";
  set "/iface[last()]/family" "inet6";
  set "/iface[last()]/method" "static";
  set "/iface[last()]/address" "2001:db8::2";
  set "/iface[last()]/netmask" "64"
= base . "iface eth2 inet6 static\n   address 2001:db8::2\n   netmask 64\n"

(* Test: a bond created from scratch *)
test Interfaces.lns put "" after
  set "/auto/1" "bond0";
  set "/iface" "bond0";
  set "/iface/family" "inet";
  set "/iface/method" "manual";
  set "/iface/bond-slaves/1" "eth0";
  set "/iface/bond-slaves/2" "eth1";
  set "/iface/bond-mode" "active-backup"
= "auto bond0
iface bond0 inet manual
   bond-slaves eth0 eth1
   bond-mode active-backup
"

(* Test: editing a word list keeps its continuation *)
test Interfaces.lns put "iface bond0 inet manual\n  bond-slaves eth0 \\\n    eth1\n" after
  set "/iface/bond-slaves/3" "eth2";
  rm "/iface/bond-slaves/1"
= "iface bond0 inet manual\n  bond-slaves \\\n    eth1 eth2\n"

(* Test: a new map line in a mapping *)
test Interfaces.lns put base after
  set "/mapping/map[last()+1]" "B eth1-b"
= "# managed by hand
auto lo
iface lo inet loopback

auto eth0
iface eth0 inet static
    address 10.0.0.2
    netmask 255.0.0.0

mapping eth1
  script /bin/map
  map A eth1-a
   map B eth1-b
"

(* Test: a new mapping *)
test Interfaces.lns put "" after
  set "/mapping" "wlan0";
  set "/mapping/script" "/usr/local/sbin/guess";
  set "/mapping/map" "home wlan0-home"
= "mapping wlan0\n   script /usr/local/sbin/guess\n   map home wlan0-home\n"

(* Test: new source lines *)
test Interfaces.lns put "" after
  set "/source" "/etc/network/interfaces.d/*";
  set "/source-directory" "/etc/network/more.d"
= "source /etc/network/interfaces.d/*\nsource-directory /etc/network/more.d\n"

(* Test: a comment added to a stanza is not indented *)
test Interfaces.lns put "iface eth0 inet dhcp\n" after
  set "/iface/#comment" "note"
= "iface eth0 inet dhcp\n# note\n"

(* Test: removing the leading comment *)
test Interfaces.lns put base after
  rm "/#comment"
= "auto lo
iface lo inet loopback

auto eth0
iface eth0 inet static
    address 10.0.0.2
    netmask 255.0.0.0

mapping eth1
  script /bin/map
  map A eth1-a
"

(* Test: a stanza without a family can not be written *)
test Interfaces.lns put base after
  rm "/iface[. = 'eth0']/family"
= *

(* Test: a value can not start with a blank *)
test Interfaces.lns put base after
  set "/iface[. = 'eth0']/address" " 10.0.0.3"
= *

(* Test: reserved words can not be used as option names *)
test Interfaces.lns put base after
  set "/iface[. = 'eth0']/auto" "x"
= *

(* Test: a mapping must keep at least one line *)
test Interfaces.lns put base after
  rm "/mapping/*"
= *

(* Test: an empty auto line can not be written *)
test Interfaces.lns put base after
  rm "/auto[1]/1"
= *

(* Test: the exported pieces work on their own *)
test Interfaces.stanza_option get "  mtu 1500\n" = { "mtu" = "1500" }
test Interfaces.auto get "auto a\n" = { "auto" { "1" = "a" } }
test Interfaces.source get "source x\n" = { "source" = "x" }
test (Interfaces.multi_option "bond-slaves") get "\tbond-slaves a b\n" =
  { "bond-slaves" { "1" = "a" } { "2" = "b" } }
