# rm of /augeas: augtool removes it (and then fails every save); lensnet
# keeps it and counts 0
rm /augeas
match /*
rm /*
match /*
