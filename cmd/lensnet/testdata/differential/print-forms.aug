# print: a file, several matches, no match, a value node, escaping
print /files/etc/hosts
print /files/etc/hosts/*[canonical =~ regexp('db.*')]/alias
print /files/etc/nothing
print /files/etc/network/interfaces/iface[. = 'wlan0-office']/wpa-ssid
print /files/etc/resolv.conf/#comment[1]
print /files/etc/network/interfaces/mapping
