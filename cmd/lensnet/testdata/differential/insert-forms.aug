# ins/insert before and after one node, errors
ins alias before /files/etc/hosts/1/canonical
ins alias after /files/etc/hosts/2/alias
insert 10 after /files/etc/hosts/1
set /files/etc/hosts/10/ipaddr 10.1.1.10
set /files/etc/hosts/10/canonical ten
ins x middle /files/etc/hosts/1
ins x before /files/etc/hosts/*
ins x before /files/etc/nothing
ins x before
ins x/y before /files/etc/hosts/1
print /files/etc/hosts/1
print /files/etc/hosts/2
match /files/etc/hosts/*[label() = '10']/preceding-sibling::*[1]
