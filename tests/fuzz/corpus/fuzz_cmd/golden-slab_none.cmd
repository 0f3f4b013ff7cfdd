# machine: tests/cmd/machines/tiny-noslab.machine
# A "slab none" machine has no SLAB allocator: every slab command says so,
# /proc/slabinfo does not exist, and the clock still runs.
kmem_cache_create foo 200
kmem_cache_alloc foo
kmem_cache_alloc -c 1 foo GFP_ATOMIC
kmem_cache_free foo 0xffff880003c23080
kmem_cache_shrink foo
kmem_cache_destroy foo
kmalloc 64
kfree 0xffff880003c23080
kfree 0
ksize 0x10
slab kmalloc-64
show object 0xffff880003c23080
cat /proc/slabinfo
cat /proc/buddyinfo /proc/slabinfo
tick 250
show page 0x3c00
check
