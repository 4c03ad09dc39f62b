# options: -A -t 'Modprobe incl /etc/modprobe.d/*.conf'
# modprobe.d: options, aliases, install commands; an edit across files
match /files/etc/modprobe.d/*/options
match /files/etc/modprobe.d/alsa-base.conf/options[. = 'snd-hda-intel']/*
get /files/etc/modprobe.d/alsa-base.conf/alias[. = 'sound-slot-0']/modulename
match /files/etc/modprobe.d/*/blacklist
set /files/etc/modprobe.d/alsa-base.conf/options[. = 'snd-usb-audio']/index -1
set /files/etc/modprobe.d/blacklist-framebuffer.conf/blacklist[last()+1] nouveau
save
print /files/etc/modprobe.d/alsa-base.conf/options[1]
