# a union keeps a node both sides select twice; rm removes it once, rename counts it twice
match '/files/etc/hosts/2/ipaddr | /files/etc/hosts/*/ipaddr'
count '/files/etc/hosts/1 | /files/etc/hosts/1'
match '(/files/etc/hosts/1 | /files/etc/hosts/1)[2]'
rm '/files/etc/hosts/1/ipaddr | /files/etc/hosts/1/ipaddr'
rm '/files/etc/hosts/2 | /files/etc/hosts/2/alias'
rename '/files/etc/hosts/3/alias | /files/etc/hosts/3/alias' x
print /files/etc/hosts/3
