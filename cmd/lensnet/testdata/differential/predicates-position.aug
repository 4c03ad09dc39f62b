# position predicates: numbers, last(), arithmetic, position()
match /files/etc/hosts/*[1]
match /files/etc/hosts/*[last()]
match /files/etc/hosts/*[last()-1]
match /files/etc/hosts/*[position() > 6]
match /files/etc/hosts/*[position() <= 2]/canonical
match /files/etc/hosts/*[position() = last()]
match /files/etc/hosts/*[0]
match /files/etc/hosts/*[100]
