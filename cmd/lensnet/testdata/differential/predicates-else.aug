# else inside a predicate: the left side wins for the whole pass once it matched
match /files/etc/hosts/*[alias = 'db02' else alias = 'web01']/canonical
match /files/etc/hosts/*[alias = 'nope' else alias = 'web01']/canonical
