# a second save after a successful one writes nothing; a later edit is saved
set /files/etc/hosts/1/alias lo
save
save
set /files/etc/resolv.conf/domain example.org
save
print /files/etc/resolv.conf/domain
