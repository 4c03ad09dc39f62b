# predicates filter the whole collected set, not each parent's children
match /files/etc/hosts/*/alias[1]
match /files/etc/hosts/*/alias[last()]
match /files/etc/hosts/*/*[last()]
match (/files/etc/hosts/*/alias)[2]
match /files/etc/hosts/*[alias][last()]
match /files/etc/hosts/*[alias][2]/canonical
match /files/etc/hosts/*[count(alias) = 2]
