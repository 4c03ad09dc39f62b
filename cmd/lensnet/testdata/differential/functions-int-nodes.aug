# int() of a node set that is not one node (none, several) fails with
# "Too many matches for path expression" and nothing more, in every
# command that evaluates the path; int() of one node that is no number
# is an illegal number
match /files/etc/hosts/*[int(ipaddr) > 1]
match /files/etc/hosts/*[int(nosuch) > 1]
match /files/etc/hosts/*[int(alias) > 1]
match /files/etc/hosts/*[int(*) > 1]
match /files/etc/sysctl.conf[int(kernel.sysrq) > 1]
get /files/etc/sysctl.conf[int(kernel.sysrq) > 1]/kernel.sysrq
match /files/etc/sysctl.conf[int(*) > 1]
match /files/etc/sysctl.conf[int(kernel.printk) > 1]
match /files/etc/sysctl.conf[int("5") > 1]
match /files/etc/sysctl.conf[int(/files/etc/hosts/1/ipaddr) > 1]
match /files/etc/sysctl.conf[int(/files/etc/nosuch) > 1]
get /files/etc/sysctl.conf[int(*) > 1]
set /files/etc/sysctl.conf[int(*) > 1]/x 1
rm /files/etc/sysctl.conf[int(*) > 1]
count /files/etc/sysctl.conf[int(*) > 1]
print /files/etc/sysctl.conf[int(*) > 1]
ls /files/etc/sysctl.conf[int(*) > 1]
defvar v /files/etc/sysctl.conf[int(*) > 1]
defnode w /files/etc/sysctl.conf[int(*) > 1]/x 1
setm /files/etc/sysctl.conf[int(*) > 1] x 1
clearm /files/etc/sysctl.conf x[int(*) > 1]
mv /files/etc/sysctl.conf[int(*) > 1] /files/a
ins a after /files/etc/sysctl.conf[int(*) > 1]
rename /files/etc/sysctl.conf[int(*) > 1] a
match /files/etc/sysctl.conf[int(*) > 1 or true()]
match /files/etc/sysctl.conf[true() or int(*) > 1]
match /files/etc/sysctl.conf[int(*) > 1] 3
clear /files/etc/sysctl.conf[int(*) > 1]
touch /files/etc/sysctl.conf[int(*) > 1]
