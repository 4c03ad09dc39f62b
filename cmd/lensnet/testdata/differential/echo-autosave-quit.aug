# options: -e -s -A -t 'Hosts incl /etc/hosts'
# -s -e with quit: no save echoed, none run
set /files/etc/hosts/1/ipaddr 10.0.0.1
quit
set /files/etc/hosts/1/ipaddr 10.0.0.2
