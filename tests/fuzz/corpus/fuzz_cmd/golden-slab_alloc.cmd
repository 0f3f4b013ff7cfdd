# machine: tiny
# kmem_cache_alloc on a new cache (spec/slab.md 5.3-5.6, 6.6).  foo has 19
# objects of 200 bytes per slab, colour 2 x 64.  The first refill takes
# only 16 objects (the array was never touched: BATCHREFILL_LIMIT) from a
# new slab and hands out the last one taken, index 15; the 15 left in the
# array are served LIFO, 14 down to 0.
kmem_cache_create foo 200
trace on kmem_cache_alloc kmem_cache_free mm_page_alloc
kmem_cache_alloc foo
trace off
kmem_cache_alloc foo; kmem_cache_alloc foo; kmem_cache_alloc foo
slab foo
kmem_cache_alloc foo; kmem_cache_alloc foo; kmem_cache_alloc foo
kmem_cache_alloc foo; kmem_cache_alloc foo; kmem_cache_alloc foo
kmem_cache_alloc foo; kmem_cache_alloc foo; kmem_cache_alloc foo
kmem_cache_alloc foo; kmem_cache_alloc foo; kmem_cache_alloc foo
# the array is empty and touched: the refill may take 60, the partial slab
# has 3 (16, 17, 18): it goes to slabs_full, no new slab is grown
kmem_cache_alloc foo
slab foo
kmem_cache_alloc foo; kmem_cache_alloc foo
# nothing left: cache_grow, colour_next 1 -> s_mem = page + 64 + 128
kmem_cache_alloc foo
slab foo
# where things are
show object 0xffff880003c24f70
show object 0xffff880003c240c0
show object 0xffff880003c24100
show object 0xffff880003c23c38
show page 0x3c24
# a free goes on top of the array; the next allocation takes it back
kmem_cache_free foo 0xffff880003c23080
slab foo
kmem_cache_alloc foo
# another cpu has its own array: its first refill takes the rest of the
# partial slab
kmem_cache_alloc -c 1 foo
slab foo
# kmalloc picks its cache by size (spec 4.5): 70 bytes come from
# kmalloc-96, whose stride is 128; the tracepoint shows both sizes
trace on kmalloc kfree
kmalloc 70
kmalloc 96
kmalloc 97
kmalloc 1 GFP_ATOMIC
kmalloc 193
kmalloc 5000
kmalloc -c 1 4194304
kmalloc 0
trace off
# objects in the arrays count as active (spec 9.2): foo has 3 slabs, 57
# objects, of which 3 are still free in a slab
cat /proc/slabinfo
check
