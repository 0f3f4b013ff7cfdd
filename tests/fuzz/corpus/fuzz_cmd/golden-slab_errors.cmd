# machine: tiny
# Every mistake with the slab allocator gets one line "CMD: what is wrong"
# and changes nothing: the slab views and the checker at the end show the
# state the first six commands left (the sixth, a good free, sets up the
# double free after it).
kmem_cache_create foo 200
kmem_cache_create bar 64
kmem_cache_alloc foo
kmem_cache_alloc foo
kmem_cache_alloc bar
# double frees: in the array already, never handed out (in the array or
# free in its slab); then an object given to the wrong cache
kmem_cache_free foo 0xffff880003c25c38
kmem_cache_free foo 0xffff880003c25c38
kmem_cache_free foo 0xffff880003c25080
kmem_cache_free foo 0xffff880003c25dc8
kfree 0xffff880003c25dc8
kmem_cache_free bar 0xffff880003c25b70
kmem_cache_free foo 0xffff880003c264e0
# not an object, or not the start of one
kmem_cache_free foo 0xffff880003c25b71
kfree 0xffff880003c25b71
kfree 0xffff880003c25000
kfree 0xffff880003000000
kfree 0xffff880100000000
kfree 0x1234
ksize 0xffff880003c25b71
ksize 0xffff880003000000
show object 0xffff880003000000
show object 0x1234
# a cache with objects, boot caches
kmem_cache_destroy foo
kmem_cache_destroy kmalloc-32
kmem_cache_destroy kmem_cache
# names
kmem_cache_create foo 100
kmem_cache_create kmalloc-64 64
kmem_cache_create 'a b' 100
kmem_cache_create '' 100
kmem_cache_create abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz 100
# sizes, alignments, flags
kmem_cache_create x 0
kmem_cache_create x 7
kmem_cache_create x 4194305
kmem_cache_create x 99999999999999999999999
kmem_cache_create x -5
kmem_cache_create x 12k
kmem_cache_create x 100 3
kmem_cache_create x 100 8192
kmem_cache_create x 100 zz SLAB_HWCACHE_ALIGN
kmem_cache_create x 100 SLAB_HWCACHE_ALIGNED
kmem_cache_create x 100 8 SLAB_HWCACHE_ALIGN|bogus
kmem_cache_create x 100 8 0 extra
kmem_cache_create x
# unknown caches, gfp the cache cannot take, cpus
kmem_cache_alloc nope
kmem_cache_alloc foo GFP_KERNAL
kmem_cache_alloc foo GFP_DMA
kmem_cache_alloc foo GFP_HIGHUSER
kmem_cache_alloc foo GFP_DMA32
kmem_cache_alloc -c 2 foo
kmem_cache_alloc -x foo
kmem_cache_alloc
kmem_cache_alloc foo GFP_KERNEL extra
kmem_cache_free nope 0xffff880003c25b70
kmem_cache_free foo
kmem_cache_free foo 0xzz
kmem_cache_free foo 99999999999999999999999
kmem_cache_shrink nope
kmem_cache_shrink
kmem_cache_destroy nope
slab nope
slab
# kmalloc
kmalloc 4194305
kmalloc 99999999999999999999999
kmalloc -1
kmalloc lots
kmalloc 64 GFP_HIGHMEM
kmalloc 64 __GFP_BOGUS
kmalloc -c 7 64
kmalloc
kfree
kfree zz
ksize
# the clock
tick -1
tick soon
tick 8640001
tick 1 2
# nothing moved
slab foo
slab bar
check
# no DMA zone on tiny: the page allocator fails, the slab says why
kmalloc 64 GFP_DMA
