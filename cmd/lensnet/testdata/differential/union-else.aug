# union | (quoted: blanks separate arguments) and else
match '/files/etc/hosts/1/canonical | /files/etc/hosts/2/canonical'
match "/files/etc/hosts/*[ipaddr = '::1'] | /files/etc/hosts/1 | /files/etc/hosts/*[ipaddr = '::1']"
match '/files/etc/resolv.conf/domain | /files/etc/resolv.conf/search'
match "/files/etc/hosts/*[canonical = 'nope'] else /files/etc/hosts/1"
match "/files/etc/hosts/*[canonical = 'nas.example.org'] else /files/etc/hosts/1"
count '/files/etc/hosts/*/alias | /files/etc/hosts/*/canonical'
match /files/etc/hosts/1/canonical|/files/etc/hosts/3/canonical
