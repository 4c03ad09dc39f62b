# set creates missing steps, appending; predicates on created steps are ignored
set /files/etc/hosts/1/alias[last()+1] lo
set /files/etc/hosts/01/ipaddr 10.0.0.1
set /files/etc/hosts/01/canonical zero-one
set /files/etc/hosts/*[canonical = 'web01.example.org']/alias[. = 'www'] www
set /files/etc/network/interfaces/iface[. = 'eno2'][family = 'inet']/mtu 9000
set /files/etc/resolv.conf/search/domain[last()+1] extra.example.org
set /files/etc/network/interfaces/auto[last()+1]/1 eth9
set /files/etc/hosts/3/alias[3] third
print /files/etc/hosts/1
print /files/etc/hosts/01
print /files/etc/hosts/3
save
