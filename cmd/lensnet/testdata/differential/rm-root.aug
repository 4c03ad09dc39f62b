# rm of the root removes nothing and counts 0; rm of /files empties it
# (counting /files too) and the node stays (augtool makes it again from
# /augeas/context); the save then removes every file; rm of /augeas/*
# empties /augeas
rm /
rm /files/..
rm /augeas/..
match /*
count /files//*
rm /files
match /*
match /files/*
save
match /files/*
rm /augeas/load/*
rm /augeas/*
match /augeas/*
