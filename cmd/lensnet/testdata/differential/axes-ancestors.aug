# parent, ancestor, .. and self
match /files/etc/hosts/*/alias[. = 'db01']/..
match /files/etc/hosts/*/alias[. = 'db01']/parent::*
match /files/etc/hosts/*/alias[. = 'db01']/ancestor::*
match /files/etc/hosts/1/self::*
match /files/etc/hosts/1/ipaddr/.
match /files/etc/hosts/1/ipaddr/../../2/canonical
match /files/etc/hosts/*/alias[. = 'nas']/ancestor::hosts
