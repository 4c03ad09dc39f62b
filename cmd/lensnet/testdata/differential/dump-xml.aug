# dump-xml: subtrees as XML, escaping, no match
dump-xml /files/etc/hosts/1
dump-xml /files/etc/hosts/*[ipaddr = '::1']
dump-xml /files/etc/resolv.conf/search
dump-xml /files/etc/nothing
set /files/etc/hosts/1/alias "a<b>&\"c'"
dump-xml /files/etc/hosts/1/alias
set /files/etc/hosts/2/alias "&apos;"
dump-xml "/files/etc/hosts/2/*[. != 'a>b&c<d\"e']"
