# seq:: matches numeric labels, creates the next number; root:: and absolute paths from a context
match /files/etc/hosts/seq::*
count /files/etc/hosts/seq::*
set /files/etc/hosts/seq::*[ipaddr = 'none']/ipaddr 10.0.0.9
set /files/etc/hosts/9/canonical nine
match /files/etc/hosts/seq::*[last()]
match /files/etc/hosts/1/ipaddr/root::files/etc/resolv.conf/search/domain
print /files/etc/hosts/seq::*[last()]
