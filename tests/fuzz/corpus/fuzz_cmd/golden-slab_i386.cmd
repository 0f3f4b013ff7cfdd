# machine: i386-1g
# SLAB on a 32-bit machine: 4-byte words and a 28-byte struct slab, so
# more objects fit on-slab (kmalloc-32 holds 113, 64-bit kernels 112);
# objects live in the lowmem direct map at PAGE_OFFSET 0xc0000000.
cat /proc/slabinfo
slab kmalloc-32
slab kmalloc-64
slab kmem_cache
kmem_cache_create s24 24
kmem_cache_create s100 100
kmem_cache_create s200 200
kmem_cache_create s700 700
kmem_cache_create s1000h 1000 SLAB_HWCACHE_ALIGN
kmem_cache_create s3000 3000
trace on kmem_cache_alloc kmalloc kfree
kmem_cache_alloc s200
kmalloc 70
kmalloc 100 GFP_DMA
trace off
show object 0xc0000000
check
