# machine: tests/cmd/machines/tiny-noslab.machine
# Dirty page cache and no swap: direct reclaim may not write file pages
# (3.10 leaves that to kswapd) and cannot swap, so it frees nothing; while
# the zone is not all_unreclaimable it reports progress anyway and the
# request retries, sleeping in wait_iff_congested.  kswapd starts writing
# the dirty pages (1024 at a time), but scanning them over and over runs
# pages_scanned past 6 x the reclaimable pages before the writes finish:
# the zone turns all_unreclaimable, reclaim reports no progress and the
# OOM killer takes the task - the premature OOM that dirty-heavy small
# machines saw on 3.10.
check stages on
task spawn t 3000
pagecache add 12000 dirty
sysctl vm.min_free_kbytes=1600
show zones
show lru
alloc_pages GFP_KERNEL 0
show zones
show lru
cat /proc/vmstat
check
