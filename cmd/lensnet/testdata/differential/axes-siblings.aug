# preceding-sibling (nearest first) and following-sibling
match /files/etc/hosts/3/preceding-sibling::*
match /files/etc/hosts/3/preceding-sibling::*[1]
match /files/etc/hosts/3/following-sibling::*
match /files/etc/hosts/3/following-sibling::*[1]
match /files/etc/hosts/*/canonical[. = 'db02.example.org']/following-sibling::alias
match /files/etc/hosts/1/preceding-sibling::*
match /files/etc/network/interfaces/iface[. = 'lo']/preceding-sibling::auto[1]
