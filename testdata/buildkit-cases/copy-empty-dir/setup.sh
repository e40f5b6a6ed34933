mkdir -p dir/empty dir/full
printf x > dir/full/x
