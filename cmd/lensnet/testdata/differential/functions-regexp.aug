# regexp(): whole-value match, flags, node-set argument, !~ and errors
match /files/etc/hosts/*/ipaddr[. =~ regexp('192\\.168\\..*')]
match /files/etc/hosts/*/canonical[. =~ regexp('DB.*', 'i')]
match /files/etc/hosts/*/canonical[. =~ regexp('db')]
match /files/etc/hosts/*/canonical[. !~ regexp('.*example.*')]
match /files/etc/hosts/*[canonical =~ regexp(../1/canonical)]
