mkdir -p odd
printf s > "odd/with space.txt"
printf u > "odd/ünïcödé.txt"
printf q > "odd/quote'and\"dq"
printf d > "odd/-dash"
mkdir -p "odd/$(printf 'a%.0s' $(seq 1 120))"
printf l > "odd/$(printf 'a%.0s' $(seq 1 120))/$(printf 'b%.0s' $(seq 1 60)).txt"
