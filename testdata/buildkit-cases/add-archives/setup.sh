mkdir -p payload/sub
printf one > payload/one.txt
printf two > payload/sub/two.txt
chmod 750 payload/sub
ln -s one.txt payload/link
T="tar --numeric-owner --owner=1000 --group=1000 --mtime=@0 -C payload"
$T -cf plain.tar .
$T -czf gz.tar.gz one.txt sub
$T -cjf bz.tar.bz2 sub
$T -cJf xz.tar.xz one.txt link
rm -rf payload
