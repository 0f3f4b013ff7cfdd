# machine: tiny
# (found by fuzz_cmd; fixed by the lock model) cpu1 stopped inside cache_alloc_refill while tick runs cache_reap: SEGV in cache_alloc_refill (slab.c:550), as item 2
kmem_cache_create dentry 192 SLAB_HWCACHE_ALIGN|SLAB_RECLAIM_ACCOUNT
kmem_cache_alloc dentry; kmem_cache_alloc dentry
kmalloc --step 200
step; next; bt
cpu 1
kmem_cache_alloc --step dentry GFP_KERNEL
step; step; finish
kmalloc -c 0 64; kfree 0xffff880000000000
tick 250
cpu 0
finish; continue
kmem_cache_shrink dentry; slab dentry
cpu 1
continue; check
