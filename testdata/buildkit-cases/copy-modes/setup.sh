mkdir -p files/private
printf a > files/exec.sh; chmod 755 files/exec.sh
printf b > files/ro.txt; chmod 444 files/ro.txt
printf c > files/private/p; chmod 600 files/private/p; chmod 700 files/private
printf d > files/setgid; chmod 2755 files/setgid
mkdir files/sticky; chmod 1777 files/sticky
