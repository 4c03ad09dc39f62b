# variables holding node sets; redefinition; use in predicates and edits
defvar hosts /files/etc/hosts
defvar db $hosts/*[canonical =~ regexp('db.*')]
match $db/canonical
count $db
match $hosts/*[canonical = $db/canonical]
defvar db $hosts/1
match $db
get $db/ipaddr
set $db/alias x
print $db
match $hosts/*[canonical = $nope]
print /augeas/variables
