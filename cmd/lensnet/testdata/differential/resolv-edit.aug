# resolv.conf: nameservers replaced, search list extended, options
rm /files/etc/resolv.conf/nameserver
set /files/etc/resolv.conf/nameserver[1] 1.1.1.1
set /files/etc/resolv.conf/nameserver[2] 9.9.9.9
set /files/etc/resolv.conf/search/domain[last()+1] corp.example.org
set /files/etc/resolv.conf/options/ndots 2
rm /files/etc/resolv.conf/options/trust-ad
save
print /files/etc/resolv.conf
