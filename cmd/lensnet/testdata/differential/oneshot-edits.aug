# commands on the command line, saved afterwards as augtool 1.14 saves
# them: "Saved N file(s)" when a file changed, nothing when none did
# args: set /files/etc/sysctl.conf/vm.swappiness 5
# args: set /files/etc/sysctl.conf/vm.swappiness 5
# args: get /files/etc/sysctl.conf/vm.swappiness
# args: match /files/etc/hosts/*/ipaddr
# args: 'match /files/etc/hosts/*/canonical localhost'
# args: rm /files/etc/hosts/2
# args: 'ins alias after /files/etc/hosts/1/canonical\nset /files/etc/hosts/1/alias[1] lo'
# args: 'ins 01 before /files/etc/hosts/1\nset /files/etc/hosts/01/ipaddr 10.9.9.9\nset /files/etc/hosts/01/canonical new'
# args: print /files/etc/hosts/1
# args: -s set /files/etc/resolv.conf/search/domain[1] example.net
# args: -s get /files/etc/resolv.conf/search/domain[1]
# args: -n set /files/etc/sysctl.conf/vm.swappiness 7
# args: -b set /files/etc/sysctl.conf/vm.swappiness 8
# args: set '/files/etc/hosts/#comment[1]' '"two' 'words"'
# args: 'set /augeas/save noop\nset /files/etc/sysctl.conf/vm.swappiness 9\nsave'
# args: defvar h /files/etc/hosts/1
