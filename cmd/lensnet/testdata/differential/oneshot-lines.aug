# several commands in one argument run one a line (blank and # lines
# skipped) up to a quit, then are saved once; -e echoes the command line
# as augtool joined it, and -s its save when every line ran
# args: 'set /files/etc/hosts/1/ipaddr 10.0.0.1\n# note\n\n  get /files/etc/hosts/1/ipaddr  \nquit\nrm /files/etc/hosts'
# args: -e get /files/etc/hosts/1/ipaddr
# args: -e set /files/etc/hosts/1/ipaddr 10.0.0.2
# args: -e -s set /files/etc/hosts/1/ipaddr 10.0.0.3
# args: -e -s get /files/etc/hosts/1/ipaddr
# args: -e -s 'set /files/etc/hosts/1/ipaddr 10.0.0.4\nquit'
# args: -e -s quit
# args: -e -s ''
# args: -e -s '# only a comment'
# args: -e 'set /files/etc/hosts/1/ipaddr 10.0.0.5\nsave'
# args: -e -s 'set /augeas/save noop\nset /files/etc/hosts/1/ipaddr 10.0.0.6'
