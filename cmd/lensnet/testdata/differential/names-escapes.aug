# names with blanks and punctuation, backslash escapes in paths
set /files/etc/sysctl.conf/net.ipv4.tcp_fin_timeout 30
get /files/etc/sysctl.conf/net.ipv4.tcp_fin_timeout
match /files/etc/sysctl.conf/net.ipv4.conf.all.rp_filter
set /files/etc/hosts/1/alias[. = 'a b'] "a b"
match /files/etc/hosts/1/alias[. = 'a b']
set /files/etc/hosts/2/with\ blank x
print /files/etc/hosts/2
set /files/etc/hosts/2/sl\/ash y
print /files/etc/hosts/2/sl\/ash
match /files/etc/hosts/2/*[label() = 'sl/ash']
rm /files/etc/hosts/2/with\ blank
rm /files/etc/hosts/2/sl\/ash
