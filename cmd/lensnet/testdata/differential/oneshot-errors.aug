# a command-line command that fails stops the lines after it, and what
# ran before is saved all the same; a save that fails makes the status 1
# args: get /files/etc/hosts/*
# args: 'set /files/etc/hosts/1/ipaddr 10.0.0.1\nget /files/etc/hosts/*\nset /files/etc/hosts/2/ipaddr 10.0.0.2'
# args: -e -s 'set /files/etc/hosts/1/ipaddr 10.0.0.3\nget /files/etc/hosts/*'
# args: -s get '/files/etc/hosts/1/x[]'
# args: set /files/etc/hosts/1/canonical '"local' 'host"'
# args: ins alias after /files/etc/hosts/1/canonical
# args: frobnicate now
# args: set /files/etc/hosts/1/alias 'a b'
# args: set /files/etc/hosts/1/alias '"a b"'
# args: -e -s 'set /augeas/save bad\nset /files/etc/hosts/1/ipaddr 10.0.0.4'
# args: -e 'set /augeas/save bad\nset /files/etc/hosts/1/ipaddr 10.0.0.5'
