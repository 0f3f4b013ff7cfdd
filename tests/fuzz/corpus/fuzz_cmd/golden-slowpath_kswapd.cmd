# machine: tests/cmd/machines/tiny-noslab.machine
# Below the low watermark the fast path fails; the slow path wakes kswapd
# and succeeds at min.  kswapd then reclaims clean page cache on the clock
# until the zone is back above high, and goes to sleep.
check stages on
pagecache add 15055
show zones
trace on stage_enter stage_exit
alloc_pages GFP_KERNEL 3
trace off
show lru
tick 1
show zones
tick 20
show lru
cat /proc/vmstat
check
