# machine: tiny
# kmem_cache_create sizes a cache as 3.10's __kmem_cache_create does
# (spec/slab.md 3.2-3.8): alignment, on- or off-slab management,
# calculate_slab_order, colouring, enable_cpucache's tunables and
# free_limit = (1 + 2 cpus) * batchcount + num.
kmem_cache_create s24 24
kmem_cache_create s24h 24 SLAB_HWCACHE_ALIGN
kmem_cache_create s100 100
kmem_cache_create s100h 100 SLAB_HWCACHE_ALIGN
kmem_cache_create s200 200
kmem_cache_create s200h 200 SLAB_HWCACHE_ALIGN
kmem_cache_create s300 300
kmem_cache_create s300h 300 SLAB_HWCACHE_ALIGN
# 700 words to 704: off-slab at first, moved back on-slab at order 1
kmem_cache_create s700 700
kmem_cache_create s700h 700 SLAB_HWCACHE_ALIGN
# 1000 fits the descriptor into the leftover (on-slab); 1024 does not
kmem_cache_create s1000 1000
kmem_cache_create s1000h 1000 SLAB_HWCACHE_ALIGN
kmem_cache_create s3000 3000
kmem_cache_create s3000h 3000 SLAB_HWCACHE_ALIGN
# above PAGE_SIZE: limit 8, no shared array
kmem_cache_create s5000 5000
kmem_cache_create s5000h 5000 SLAB_HWCACHE_ALIGN
# SLAB_RECLAIM_ACCOUNT keeps the smallest order that holds an object
kmem_cache_create s704r 704 SLAB_HWCACHE_ALIGN|SLAB_RECLAIM_ACCOUNT
kmem_cache_create s3000r 3000 SLAB_RECLAIM_ACCOUNT
# the caller's alignment; colour_off is at least the alignment
kmem_cache_create a32 100 32
kmem_cache_create a128 100 128 SLAB_HWCACHE_ALIGN
kmem_cache_create a256 200 256
# ctor, DMA; debug flags outside CACHE_CREATE_MASK are dropped
kmem_cache_create c1 64 ctor
kmem_cache_create c2 64 8 SLAB_CACHE_DMA|ctor
kmem_cache_create c3 64 SLAB_POISON|SLAB_RED_ZONE|SLAB_STORE_USER
kmem_cache_create c4 64 0 0x2000|0x20000
kmem_cache_create c5 8
cat /proc/slabinfo
