# machine: tiny
# SLAB requests stopped on two cpus while caches change
kmem_cache_create dentry 192 SLAB_HWCACHE_ALIGN|SLAB_RECLAIM_ACCOUNT
kmem_cache_alloc dentry; kmem_cache_alloc dentry
kmalloc --step 200
step; next; bt
cpu 1
kmem_cache_alloc --step dentry GFP_KERNEL
step; step; finish
kmalloc -c 0 64; kfree 0xffff880000000000
cpu 0
finish; continue
cpu 1
continue
kmem_cache_shrink dentry; slab dentry; check
