# context: relative paths resolve against /augeas/context
context
context /files/etc/hosts
get ./1/ipaddr
match */canonical
set ./2/alias extra
context
set /augeas/context /files/etc/resolv.conf
ls .
context /files/etc/nothing
get nameserver[1]
