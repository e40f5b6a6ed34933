ln dir/a.txt dir/b.txt
