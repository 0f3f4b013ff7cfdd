# machine: tests/cmd/machines/frag.machine
# Issue 11, repro 5: cpu0's request is stopped inside __rmqueue_fallback
# with the zone lock held (and its interrupts off).  cpu1's allocation
# spins on the lock instead of taking the same free block; a drain, a
# compaction or a free that needs the lock is refused with one line and
# changes nothing.  When cpu0 goes on, cpu1 gets the lock and another pfn.
check stages on
alloc_pages -c 1 GFP_HIGHUSER_MOVABLE 0
break __rmqueue_fallback
alloc_pages GFP_KERNEL 0
cpu 1
alloc_pages GFP_KERNEL 0
bt
info stages
drain_all_pages
sysctl vm.compact_memory=1
tick 100
cpu 0
free_pages -c 1 0x1100
show freelists
delete 1
continue
cpu 1
bt
show freelists
check
