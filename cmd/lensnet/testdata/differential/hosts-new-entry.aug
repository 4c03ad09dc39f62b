# hosts: append an entry at the end, one before the IPv6 block, one with a comment
set /files/etc/hosts/100/ipaddr 10.9.9.9
set /files/etc/hosts/100/canonical last.example.org
ins 101 before /files/etc/hosts/*[ipaddr = '::1']
set /files/etc/hosts/101/ipaddr 10.8.8.8
set /files/etc/hosts/101/canonical mid.example.org
set /files/etc/hosts/101/alias mid
set /files/etc/hosts/100/#comment "added by lensnet"
save
