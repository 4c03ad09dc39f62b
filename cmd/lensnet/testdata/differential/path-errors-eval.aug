# errors found while evaluating: augtool marks the end of the path and gives the bare error name
match /files/etc/sysctl.conf/*[int(.) > 1000]
match /files/etc/sysctl.conf/*[int(.) = 1]
match /files/etc/hosts/*[int(label()) > 6]
match /files/etc/sysctl.conf/*[int(.) + 1 = 2 * 1]
match /files/etc/hosts/*[int(canonical) = 1]
match /files/etc/hosts/*/canonical[. =~ regexp('DB.*', 'x')]
match /files/etc/hosts/*/canonical[. =~ regexp('(db')]
match /files/etc/hosts/*/canonical[. =~ 'db.*']
match /files/etc/hosts/*[not(alias)]
match /files/etc/hosts/*[count(alias, ipaddr) = 1]
match /files/etc/hosts/*[foo(alias)]
match $undefined/x
match 1/ipaddr
match /files/etc/hosts/*[int('x') = 1]
match /files/etc/sysctl.conf/*[label() =~ regexp('net.*')][int(.) + 1 = 2 * 1]
