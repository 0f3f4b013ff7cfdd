# machine: tests/cmd/machines/tiny-noslab.machine
# Clean page cache fills the zone; a higher min_free_kbytes then puts the
# zone below min, so the next allocation needs direct reclaim, which
# frees clean file pages from the inactive tail (allocstall,
# pgscan/pgsteal_direct) and succeeds.
check stages on
pagecache add 15100
sysctl vm.min_free_kbytes=1200
show zones
trace on stage_enter stage_exit
alloc_pages GFP_KERNEL 0
trace off
show zones
show lru
cat /proc/vmstat
check
