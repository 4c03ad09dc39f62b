(*
Module: Test_shellvars
  Tests for lensnet's Shellvars lens: RHEL ifcfg files first, then the
  other shell constructs the tree represents, edits, and input the lens
  must refuse.
*)
module Test_shellvars =

  let lns = Shellvars.lns

(************************************************************************
 * Group: ifcfg files
 ************************************************************************)

  (* Static Ethernet, as NetworkManager's ifcfg-rh plugin writes it *)
  let eth_static = "# Management interface
TYPE=Ethernet
BOOTPROTO=none
NAME=\"System eth0\"
DEVICE=eth0
HWADDR=52:54:00:6b:3c:58
ONBOOT=yes
IPADDR=192.0.2.10
PREFIX=24
GATEWAY=192.0.2.1
DNS1=192.0.2.53
DNS2='198.51.100.53'   # secondary
DOMAIN=\"example.com lab.example.com\"
"

  test lns get eth_static =
    { "#comment" = "Management interface" }
    { "TYPE" = "Ethernet" }
    { "BOOTPROTO" = "none" }
    { "NAME" = "\"System eth0\"" }
    { "DEVICE" = "eth0" }
    { "HWADDR" = "52:54:00:6b:3c:58" }
    { "ONBOOT" = "yes" }
    { "IPADDR" = "192.0.2.10" }
    { "PREFIX" = "24" }
    { "GATEWAY" = "192.0.2.1" }
    { "DNS1" = "192.0.2.53" }
    { "DNS2" = "'198.51.100.53'" { "#comment" = "secondary" } }
    { "DOMAIN" = "\"example.com lab.example.com\"" }

  (* Switch it to DHCP: the untouched lines keep their bytes *)
  test lns put eth_static after
    set "BOOTPROTO" "dhcp" ;
    rm "IPADDR" ; rm "PREFIX" ; rm "GATEWAY" ;
    rm "DNS1" ; rm "DNS2" ; rm "DOMAIN" ;
    set "PEERDNS" "yes"
  = "# Management interface
TYPE=Ethernet
BOOTPROTO=dhcp
NAME=\"System eth0\"
DEVICE=eth0
HWADDR=52:54:00:6b:3c:58
ONBOOT=yes
PEERDNS=yes
"

  (* DHCP with an export, a commented-out setting and blank lines *)
  test lns get "DEVICE=eth1
BOOTPROTO=dhcp

#LINKDELAY=5

export NM_CONTROLLED=no   # managed by network.service
DHCLIENTARGS='-timeout 30'
" =
    { "DEVICE" = "eth1" }
    { "BOOTPROTO" = "dhcp" }
    { "#comment" = "LINKDELAY=5" }
    { "NM_CONTROLLED" = "no"
      { "export" }
      { "#comment" = "managed by network.service" } }
    { "DHCLIENTARGS" = "'-timeout 30'" }

  (* Bond master with IPv6 *)
  test lns get "DEVICE=bond0
TYPE=Bond
BONDING_MASTER=yes
BONDING_OPTS=\"mode=active-backup miimon=100 primary=eth2\"
IPV6INIT=yes
IPV6ADDR=2001:db8:10::20/64
IPV6ADDR_SECONDARIES=\"2001:db8:10::21/64 2001:db8:10::22/64\"
IPV6_DEFAULTGW=2001:db8:10::1%bond0
" =
    { "DEVICE" = "bond0" }
    { "TYPE" = "Bond" }
    { "BONDING_MASTER" = "yes" }
    { "BONDING_OPTS" = "\"mode=active-backup miimon=100 primary=eth2\"" }
    { "IPV6INIT" = "yes" }
    { "IPV6ADDR" = "2001:db8:10::20/64" }
    { "IPV6ADDR_SECONDARIES" = "\"2001:db8:10::21/64 2001:db8:10::22/64\"" }
    { "IPV6_DEFAULTGW" = "2001:db8:10::1%bond0" }

  (* Bond slave with every value double quoted *)
  test lns get "DEVICE=\"eth3\"\nMASTER=\"bond0\"\nSLAVE=\"yes\"\n" =
    { "DEVICE" = "\"eth3\"" }
    { "MASTER" = "\"bond0\"" }
    { "SLAVE" = "\"yes\"" }

  (* Enslave a NIC: the new settings go at the end *)
  test lns put "DEVICE=eth2\nBOOTPROTO=dhcp\nONBOOT=yes\n" after
    set "BOOTPROTO" "none" ;
    set "MASTER" "bond0" ;
    set "SLAVE" "yes"
  = "DEVICE=eth2\nBOOTPROTO=none\nONBOOT=yes\nMASTER=bond0\nSLAVE=yes\n"

  (* Bridge and bridge port *)
  test lns get "DEVICE=br0\nTYPE=Bridge\nSTP=off\nDELAY=0\nBRIDGING_OPTS=\"priority=32768 hello_time=2\"\n" =
    { "DEVICE" = "br0" }
    { "TYPE" = "Bridge" }
    { "STP" = "off" }
    { "DELAY" = "0" }
    { "BRIDGING_OPTS" = "\"priority=32768 hello_time=2\"" }

  test lns put "DEVICE=eth4\nBOOTPROTO=none\n" after
    insb "BRIDGE" "BOOTPROTO" ; set "BRIDGE" "br0"
  = "DEVICE=eth4\nBRIDGE=br0\nBOOTPROTO=none\n"

  (* VLAN: the key may contain digits and the value dots *)
  test lns get "DEVICE=eth2.100\nVLAN=yes\nVLAN_ID=100\nPHYSDEV=eth2\nIPADDR0=10.100.0.10\n" =
    { "DEVICE" = "eth2.100" }
    { "VLAN" = "yes" }
    { "VLAN_ID" = "100" }
    { "PHYSDEV" = "eth2" }
    { "IPADDR0" = "10.100.0.10" }

  (* Indentation, tabs and trailing blanks are tolerated and kept *)
  let odd_spacing = "\t# hand edited\n  IPV6INIT=yes  \n\tMTU=1480\t\n"

  test lns get odd_spacing =
    { "#comment" = "hand edited" }
    { "IPV6INIT" = "yes" }
    { "MTU" = "1480" }

  test lns put odd_spacing after set "MTU" "9000"
    = "\t# hand edited\n  IPV6INIT=yes  \n\tMTU=9000\t\n"

(************************************************************************
 * Group: Values
 ************************************************************************)

  test lns get "A=\n" = { "A" = "" }
  test lns get "A=plain\n" = { "A" = "plain" }
  test lns get "A=\"two words\"\n" = { "A" = "\"two words\"" }
  test lns get "A='two words'\n" = { "A" = "'two words'" }

  (* quotes of the other kind inside a quoted string *)
  test lns get "A=\"it's\"\nB='say \"hi\"'\n" =
    { "A" = "\"it's\"" }
    { "B" = "'say \"hi\"'" }

  (* backslash escapes, inside double quotes and bare *)
  test lns get "A=\"a\\\"b\"\nB=a\\ b\nC=\\$HOME\n" =
    { "A" = "\"a\\\"b\"" }
    { "B" = "a\\ b" }
    { "C" = "\\$HOME" }

  (* pieces glued into one word *)
  test lns get "A=pre\"$X\"'y'$(z)$((1+2))post\n" =
    { "A" = "pre\"$X\"'y'$(z)$((1+2))post" }

  test lns get "A=${B:-default}\nC=$D/sub\n" =
    { "A" = "${B:-default}" }
    { "C" = "$D/sub" }

  (* a "#" inside a word does not start a comment *)
  test lns get "A=x#y\n" = { "A" = "x#y" }

  (* a ";" inside quotes does not end the statement *)
  test lns get "A=\"x;y\"\n" = { "A" = "\"x;y\"" }

  (* command substitutions *)
  test lns get "A=`hostname -s`\nB=$(uname -r)\nC=``id``\n" =
    { "A" = "`hostname -s`" }
    { "B" = "$(uname -r)" }
    { "C" = "``id``" }

  (* quoted strings may span lines *)
  test lns get "A=\"one\ntwo\"\nB='three\nfour'\n" =
    { "A" = "\"one\ntwo\"" }
    { "B" = "'three\nfour'" }

  test lns get "A=\"one \\\n  two\"\n" = { "A" = "\"one \\\n  two\"" }

  (* keys *)
  test lns get "A[3]=x\nB[k,l]=y\nc-d=z\n9A=w\n" =
    { "A[3]" = "x" }
    { "B[k,l]" = "y" }
    { "c-d" = "z" }
    { "9A" = "w" }

(************************************************************************
 * Group: Arrays
 ************************************************************************)

  test lns get "A=(one \"two three\" 'four')\n" =
    { "A" { "1" = "one" } { "2" = "\"two three\"" } { "3" = "'four'" } }

  test lns get "A=(  x\n     y\t)\n" =
    { "A" { "1" = "x" } { "2" = "y" } }

  (* an empty array is kept as a value *)
  test lns get "A=()\nB=(  )\n" =
    { "A" = "()" }
    { "B" = "(  )" }

  test lns put "A=(x   y z)\n" after rm "A/2" = "A=(x z)\n"

  test lns put "A=(x y)\n" after set "A/3" "z" = "A=(x y z)\n"

  test lns put "A=(x)\n" after rm "A/1" ; set "A" "x" = "A=x\n"

  test lns put "A=v\n" after clear "A" ; set "A/1" "a" ; set "A/2" "b"
    = "A=(a b)\n"

  test lns put "" after set "A/1" "a" ; set "A/2" "b" = "A=(a b)\n"

(************************************************************************
 * Group: export and unset
 ************************************************************************)

  test lns get "export A=1\n" = { "A" = "1" { "export" } }

  test lns get "export  A=(x)\n" =
    { "A" { "export" } { "1" = "x" } }

  test lns get "export A\nexport B C\n" =
    { "@export" { "1" = "A" } }
    { "@export" { "1" = "B" } { "2" = "C" } }

  test lns get "unset A B   C # gone\n" =
    { "@unset" { "1" = "A" } { "2" = "B" } { "3" = "C" }
      { "#comment" = "gone" } }

  test lns get "unset ${!LC_*} ${!X@}\n" =
    { "@unset" { "1" = "${!LC_*}" } { "2" = "${!X@}" } }

  test lns put "A=1\n" after set "A/export" "" = "export A=1\n"

  test lns put "export   A=1\n" after rm "A/export" = "A=1\n"

  test lns put "unset A\n" after set "@unset/2" "B" = "unset A B\n"

  test lns put "A=1\n" after set "@unset/1" "A" = "A=1\nunset A\n"

  test lns put "A=1\n" after set "@export/1" "A" ; set "@export/2" "B"
    = "A=1\nexport A B\n"

(************************************************************************
 * Group: Comments, blank lines and semicolons
 ************************************************************************)

  (* blank lines and lines with a lone "#" vanish from the tree *)
  test lns get "\n  \n#\nA=1\n\n#\n  #  \nB=2\n\n" =
    { "A" = "1" }
    { "B" = "2" }

  test lns get "   #   indented   \n" = { "#comment" = "indented" }

  (* no blank is needed after the "#" of a comment line *)
  test lns get "#A=1\n" = { "#comment" = "A=1" }

  (* a comment line swallows the blank lines and lone "#" after it *)
  test lns get "# one\n\n#\n# two\n" =
    { "#comment" = "one" }
    { "#comment" = "two" }

  test lns get "A=1; B=2;C=3\n" =
    { "A" = "1" } { "B" = "2" } { "C" = "3" }

  test lns get "A=1 ;\n" = { "A" = "1" }

  (* after a ";" the comment stands alone *)
  test lns get "A=1; # c\n" = { "A" = "1" } { "#comment" = "c" }

  (* but an empty trailing comment is not accepted *)
  test lns get "A=1 #\n" = *

  test lns put "A=1\n" after set "A/#comment" "new" = "A=1 # new\n"

  test lns put "A=1    #   old\n" after set "A/#comment" "new"
    = "A=1    #   new\n"

  test lns put "A=1 # old\n" after rm "A/#comment" = "A=1\n"

  test lns put "A=1\n" after insb "#comment" "A" ; set "#comment" "top"
    = " # top\nA=1\n"

  test lns put "# only\n\n" after insa "A" "#comment" ; set "A" "1"
    = "# only\n\nA=1\n"

  (* removing a line also removes the blank lines it swallowed *)
  test lns put "A=1\n\n\nB=2\n" after rm "A" = "B=2\n"

  test lns put "A=1\n\n\nB=2\n" after rm "B" = "A=1\n\n\n"

(************************************************************************
 * Group: Other simple statements
 ************************************************************************)

  test lns get ". /etc/sysconfig/network\nsource /etc/default/x # c\n" =
    { ".source" = "/etc/sysconfig/network" }
    { ".source" = "/etc/default/x" { "#comment" = "c" } }

  test lns put "A=1\n" after set ".source" "/etc/b" = "A=1\n. /etc/b\n"

  test lns put "source  /a\n" after set ".source" "/b" = "source  /b\n"

  test lns get "ulimit -n 4096\nshift\nshift 2\nexit 1\n" =
    { "@builtin" = "ulimit" { "args" = "-n 4096" } }
    { "@builtin" = "shift" }
    { "@builtin" = "shift" { "args" = "2" } }
    { "@builtin" = "exit" { "args" = "1" } }

  test lns get "ulimit \\\n  -c 0\n" =
    { "@builtin" = "ulimit" { "args" = "-c 0" } }

  test lns get "return\nreturn 3\n" =
    { "@return" }
    { "@return" = "3" }

  test lns get "eval $(dircolors -b)\n" = { "@eval" = "$(dircolors -b)" }

  test lns get "alias ll='ls -l'\n" =
    { "@alias" = "ll" { "value" = "'ls -l'" } }

  test lns get "[ -r /etc/x ] && X=1 || Y=2\n" =
    { "@condition" = "-r /etc/x"
      { "type" = "[" }
      { "@and" = "X=1" }
      { "@or" = "Y=2" } }

  test lns get "[[ $A == b ]]\n" =
    { "@condition" = "$A == b" { "type" = "[[" } }

(************************************************************************
 * Group: Commands
 ************************************************************************)

  test lns get "echo hello world\n" =
    { "@command" = "echo" { "@arg" = "hello world" } }

  test lns get "/sbin/modprobe bonding\n$CMD -v\n" =
    { "@command" = "/sbin/modprobe" { "@arg" = "bonding" } }
    { "@command" = "$CMD" { "@arg" = "-v" } }

  (* an assignment followed by a word is an environment for a command *)
  test lns get "LANG=C sort -u f\n" =
    { "@command" = "sort" { "LANG" = "C" } { "@arg" = "-u f" } }

  test lns get "A=two words\n" =
    { "@command" = "words" { "A" = "two" } }

  test lns get "dmesg | grep eth0\n" =
    { "@command" = "dmesg"
      { "@pipe" { "@command" = "grep" { "@arg" = "eth0" } } } }

  test lns get "test -f /x && . /x\n" =
    { "@command" = "test"
      { "@arg" = "-f /x" }
      { "@and" { ".source" = "/x" } } }

  test lns get "ping -c1 gw || \\\n  exit 1\n" =
    { "@command" = "ping"
      { "@arg" = "-c1 gw" }
      { "@or" { "@builtin" = "exit" { "args" = "1" } } } }

  (* Augeas 1.14 quirk, kept: a command after a pipe that is edited is
     written back with a newline of its own *)
  test lns put "echo a | tr a b\n" after
    set "@command/@pipe/@command/@arg" "x y"
  = "echo a | tr x y\n\n"

  test lns put "A=1\n" after
    set "@command" "logger" ; set "@command/@arg" "-t net up"
  = "A=1\nlogger -t net up\n"

(************************************************************************
 * Group: Compound statements
 ************************************************************************)

  let if_else = "if [ -f /etc/sysconfig/net ]; then
    . /etc/sysconfig/net
elif [ -f /etc/net ] && [ -r /etc/net ]
then
    . /etc/net
else
    NET=none
fi
"

  test lns get if_else =
    { "@if" = "[ -f /etc/sysconfig/net ]"
      { ".source" = "/etc/sysconfig/net" }
      { "@elif" = "[ -f /etc/net ]"
        { "@and" = "[ -r /etc/net ]" }
        { ".source" = "/etc/net" } }
      { "@else" { "NET" = "none" } } }

  test lns put if_else after
    set "@if/@else/NET" "static" ;
    set "@if/@else/MTU" "1500"
  = "if [ -f /etc/sysconfig/net ]; then
    . /etc/sysconfig/net
elif [ -f /etc/net ] && [ -r /etc/net ]
then
    . /etc/net
else
    NET=static
MTU=1500
fi
"

  test lns get "if [ \"$A\" = y ]; then B=1; fi # one line\n" =
    { "@if" = "[ \"$A\" = y ]"
      { "B" = "1" }
      { "#comment" = "one line" } }

  test lns get "if [ a ]; then\n  if [ b ]; then\n    X=1\n  fi\nfi\n" =
    { "@if" = "[ a ]" { "@if" = "[ b ]" { "X" = "1" } } }

  test lns get "if grep -q x /f; then\n  # found\n  X=1\nfi\n" =
    { "@if" = "grep -q x /f"
      { "#comment" = "found" }
      { "X" = "1" } }

  test lns put "A=1\n" after
    set "@if" "[ -n \"$A\" ]" ; set "@if/B" "2"
  = "A=1\nif [ -n \"$A\" ]\nthen\nB=2\nfi\n"

  test lns get "for d in /etc/net.d/*; do\n  . $d\ndone\n" =
    { "@for" = "d in /etc/net.d/*" { ".source" = "$d" } }

  test lns get "while read l; do echo $l; done\n" =
    { "@while" = "read l" { "@command" = "echo" { "@arg" = "$l" } } }

  test lns get "until ping -c1 gw\ndo\n  sleep 1\ndone\n" =
    { "@until" = "ping -c1 gw" { "@command" = "sleep" { "@arg" = "1" } } }

  test lns get "select o in a b; do O=$o; done\n" =
    { "@select" = "o in a b" { "O" = "$o" } }

  let case_stmt = "case \"$1\" in
  start|restart)
    # bring it up
    UP=yes
    ;;
  stop) UP=no ;;
  *)
    ;;
esac
"

  test lns get case_stmt =
    { "@case" = "\"$1\""
      { "@case_entry"
        { "@pattern" = "start" }
        { "@pattern" = "restart" }
        { "#comment" = "bring it up" }
        { "UP" = "yes" } }
      { "@case_entry"
        { "@pattern" = "stop" }
        { "UP" = "no" } }
      { "@case_entry"
        { "@pattern" = "*" } } }

  (* Augeas 1.14 quirk, kept: once anything in a case changes, a
     statement ended by ";;" is written with a newline of its own *)
  test lns put case_stmt after
    set "@case/@case_entry[3]/@pattern" "status"
  = "case \"$1\" in
  start|restart)
    # bring it up
    UP=yes
    ;;
  stop) UP=no
 ;;
  status)
    ;;
esac
"

  test lns put case_stmt after
    set "@case/@case_entry[2]/UP" "down"
  = "case \"$1\" in
  start|restart)
    # bring it up
    UP=yes
    ;;
  stop) UP=down
 ;;
  *)
    ;;
esac
"

  test lns get "case $x in\n  a) A=1; B=2;;\nesac\n" =
    { "@case" = "$x"
      { "@case_entry" { "@pattern" = "a" } { "A" = "1" } { "B" = "2" } } }

  test lns get "setup() {\n  . /etc/a\n}\n" =
    { "@function" = "setup" { ".source" = "/etc/a" } }

  (* without parentheses this is a command, then a { } group *)
  test lns get "function setup\n{\n  X=1\n}\n" =
    { "@command" = "function" { "@arg" = "setup" } }
    { "@subshell" { "X" = "1" } }

  test lns get "function setup () {\n  X=1\n}\n" =
    { "@function" = "setup" { "X" = "1" } }

  test lns get "setup() ( X=1\n)\n" =
    { "@function" = "setup" { "X" = "1" } }

  test lns get "setup() # helper\n{\n  X=1\n}\n" =
    { "@function" = "setup"
      { "#comment" = "helper" }
      { "X" = "1" } }

  test lns get "{ X=1; Y=2; }\n" =
    { "@subshell" { "X" = "1" } { "Y" = "2" } }

(************************************************************************
 * Group: Rejected input
 ************************************************************************)

  (* every statement must end with a newline or ";" *)
  test lns get "A=1" = *

  test lns get "A=\"open\n" = *
  test lns get "A='open\n" = *
  test lns get "A=(x\n" = *
  test lns get "A=a&b\n" = *
  test lns get "if [ a ]; then\nA=1\n" = *
  test lns get "echo x >/dev/null 2>&1\n" = *
  test lns get "unset=1\n" = *
  test lns get "unset\n" = *

  (* a value that would need quotes is refused, not quoted *)
  test lns put "A=1\n" after set "A" "two words" = *
  test lns put "A=1\n" after set "B" "x;y" = *

(************************************************************************
 * Group: The building blocks other modules use
 ************************************************************************)

  (* a Sysconfig-like lens made from the exported pieces *)
  let small =
      Shellvars.comment
    | [ Shellvars.var_action "unset" . Shellvars.comment_or_eol ]
    | [ Shellvars.source . Shellvars.comment_or_eol ]
    | [ Shellvars.export? . key Shellvars.key_re . Shellvars.eq
        . store /[a-z0-9]*/ . Shellvars.comment_or_eol ]

  let small_lns = small*

  test small_lns get "# c\nunset A\n. /f\nexport B=1 # d\n" =
    { "#comment" = "c" }
    { "@unset" { "1" = "A" } }
    { ".source" = "/f" }
    { "B" = "1" { "export" } { "#comment" = "d" } }

  test Shellvars.lns_norec get "A=1\n# c\n" = { "A" = "1" } { "#comment" = "c" }

  test Shellvars.lns_norec get "if [ a ]; then A=1; fi\n" = *
