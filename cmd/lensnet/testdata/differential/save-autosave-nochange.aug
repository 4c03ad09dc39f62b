# options: -s -A -t 'Hosts incl /etc/hosts'
# -s with nothing changed writes nothing and prints nothing
set /files/etc/hosts/1/canonical localhost
