# span without --span: no span information
span /files/etc/hosts/1
