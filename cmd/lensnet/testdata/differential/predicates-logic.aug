# and, or, not() on booleans, comparisons of numbers and of strings
match /files/etc/hosts/*[alias and ipaddr =~ regexp('192.*')]
match /files/etc/hosts/*[canonical = 'localhost' or canonical = 'nas.example.org']
match /files/etc/hosts/*[not(count(alias) > 0)]
match /files/etc/hosts/*[count(alias) = 0]
match /files/etc/hosts/*[count(alias) >= 2]/canonical
match /files/etc/hosts/*[label() < '3']
match /files/etc/hosts/*[canonical > 'n']/canonical
