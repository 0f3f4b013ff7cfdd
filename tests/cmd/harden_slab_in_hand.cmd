# machine: tiny
# Found by make soak (seed 7, stream 1154), reduced: cpu0's cache_grow has
# built a new slab and waits for the cache's list_lock, which cpu1's
# stopped refill holds.  The new slab is on no list - in cpu0's hands, as
# in the kernel - and check does not call it lost.
check stages on
break rmqueue_bulk
cpu 1
kmem_cache_create st5 97
drain_all_pages
kmem_cache_alloc --step st5
finish
finish
cpu 0
kmem_cache_alloc st5
cpu 1
step
step
step
step
step
cpu 0
continue
info stages
check
cpu 1
continue
check
