# descendant, descendant-or-self and //
match /files/etc/hosts//alias
count /files/etc//ipaddr
match /files/etc/network/interfaces/descendant::address
count /files/etc/hosts/descendant-or-self::*
count /files/etc/hosts/descendant::*
match //nameserver
match /files/etc/hosts/1//*
