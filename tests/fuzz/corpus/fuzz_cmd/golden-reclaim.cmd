# machine: tests/cmd/machines/tiny-swap.machine
# Reclaim on the tiny machine (one Normal zone: 15360 pages, min 247,
# low 308, high 370) with 64 MiB of swap.
#
# Direct reclaim takes clean page cache from the tail of the inactive file
# list: lru_size >> priority pages, 11000 >> 11 = 5, then 10 and 21 (36 >=
# 32 at priority 9).  Dirty pages are left for kswapd.
pagecache add 11000
pagecache add 200 dirty
pagecache
try_to_free_pages
show lru
# kswapd: woken below the low watermark, one balance_pgdat pass a jiffy
# (priority 12 down until 32 pages are freed) until the zone is over its
# high watermark, a nap of HZ/10, then sleep
sysctl vm.min_free_kbytes=13400
show zones
wakeup_kswapd
tick
show lru Normal
tick 20
show lru Normal
tick 5
show lru Normal
tick 10
show lru Normal
# a zone over its low watermark does not wake it
wakeup_kswapd Normal
#
# anonymous memory goes to swap: with file + free under the high
# watermark get_scan_count scans anon only; writes take 10 jiffies, then
# the ptes become swap entries
sysctl vm.min_free_kbytes=991
pagecache drop
task spawn hog 11000
sysctl vm.min_free_kbytes=13200
wakeup_kswapd
tick
show lru Normal
tick 10
show lru Normal
task list
tick 30
show lru Normal
task list
task touch 100 11000
task list
cat /proc/vmstat
#
# page cache read twice goes active; vm.swappiness
sysctl vm.min_free_kbytes=991
task exit 100
pagecache touch 11000 100
pagecache touch 11000 100
show lru Normal
sysctl vm.swappiness
sysctl vm.swappiness=100 vm.swappiness
# drop_caches: 1 frees clean page cache, 2 runs the shrinkers (fewer
# than 64 objects never make a batch of 128 in 3.10's shrink_slab)
kmem_cache_create dentry 192 SLAB_HWCACHE_ALIGN|SLAB_RECLAIM_ACCOUNT|shrinker
kmem_cache_alloc dentry
kmem_cache_alloc dentry
sysctl vm.drop_caches=3
sysctl vm.drop_caches
pagecache
slab dentry
# errors
sysctl vm.swappiness=101
sysctl vm.drop_caches=4
kmem_cache_create plain 64 shrinker
pagecache add lots
pagecache add 10 muddy
pagecache touch 99999
pagecache flush
show lru Normal hot
wakeup_kswapd DMA
try_to_free_pages 0x1fffffff
try_to_free_pages GFP_KERNEL 11
check
