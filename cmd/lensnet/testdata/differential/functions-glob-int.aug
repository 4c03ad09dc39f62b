# glob() and int()
match /files/etc/hosts/*/canonical[. =~ glob('db0?.example.org')]
match /files/etc/hosts/*/canonical[. =~ glob('*.example.org')]
match /files/etc/sysctl.conf/*[label() =~ glob('net.ipv4.*')]
match /files/etc/sysctl.conf/*[label() =~ regexp('fs.*|kernel.sysrq')][int(.) > 1000]
match /files/etc/sysctl.conf/*[label() =~ regexp('net.*')][int(.) = 1]
match /files/etc/hosts/seq::*[int(label()) > 6]
