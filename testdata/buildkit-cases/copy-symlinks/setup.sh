ln -s target.txt tree/rel-link
ln -s /etc/passwd tree/abs-link
ln -s missing tree/dangling
ln -s tree/target.txt link-to-file
