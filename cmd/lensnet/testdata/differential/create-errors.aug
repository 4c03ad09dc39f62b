# set where creation is impossible: several parents, a * step, a .. step
set /files/etc/hosts/*/newlabel x
set /files/etc/hosts/9/* x
set /files/etc/hosts/9/..
match /files/etc/hosts/9
