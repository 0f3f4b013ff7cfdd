# machine: tiny
# (found by fuzz_cmd; fixed by the lock model) kmem_cache_shrink while cpu1 is stopped at the exit of cache_alloc_refill: SEGV in cache_alloc_refill (slab.c:550) when it goes on
kmem_cache_create dentry 192
kmem_cache_alloc dentry
cpu 1
kmem_cache_alloc --step dentry GFP_KERNEL
step; step; finish
kmem_cache_shrink dentry
continue
