# parse errors whose message or position lensnet words differently, and brackets inside quotes
match "/files/etc/hosts/*[alias = 'x]"
match '/files/etc/hosts/*[alias = "x"'
match ''
