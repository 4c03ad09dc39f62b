# interfaces: a new static stanza with auto, an option changed, one removed, a stanza removed
set /files/etc/network/interfaces/auto[last()+1]/1 eth5
set /files/etc/network/interfaces/iface[last()+1] eth5
set /files/etc/network/interfaces/iface[last()]/family inet
set /files/etc/network/interfaces/iface[last()]/method static
set /files/etc/network/interfaces/iface[last()]/address 10.5.5.5
set /files/etc/network/interfaces/iface[last()]/netmask 255.255.255.0
set /files/etc/network/interfaces/iface[. = 'br0']/bridge_stp on
rm /files/etc/network/interfaces/iface[. = 'eno1'][family = 'inet']/dns-search
rm /files/etc/network/interfaces/iface[. = 'eno2'][family = 'inet6']
save
print /files/etc/network/interfaces/iface[last()]
