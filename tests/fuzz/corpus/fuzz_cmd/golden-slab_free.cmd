# machine: tiny
# Freeing (spec/slab.md 6): kmem_cache_free pushes on the cpu's array;
# a full array flushes its oldest batchcount objects to the shared array
# (cache_flusharray) or, without one, back to their slabs (free_block).
#
# mid: 1100 bytes -> 1104, 7 objects in an order-1 slab, limit 24,
# batchcount 12, a shared array of 8 * 12 = 96.  Each refill finds no
# free object, grows one slab and takes its 7.
kmem_cache_create mid 1100
kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid
kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid
kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid
kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid
kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid; kmem_cache_alloc mid
# 25 objects out, 3 more in cpu0's array.  Free them in the order they
# came: the array fills up at 24 and cache_flusharray moves its oldest 12
# to the shared array; no slab changes list
kmem_cache_free mid 0xffff880003c25a30; kmem_cache_free mid 0xffff880003c255e0; kmem_cache_free mid 0xffff880003c25190; kmem_cache_free mid 0xffff880003c24d40
kmem_cache_free mid 0xffff880003c248f0; kmem_cache_free mid 0xffff880003c244a0; kmem_cache_free mid 0xffff880003c24050; kmem_cache_free mid 0xffff880003c27a70
kmem_cache_free mid 0xffff880003c27620; kmem_cache_free mid 0xffff880003c271d0; kmem_cache_free mid 0xffff880003c26d80; kmem_cache_free mid 0xffff880003c26930
kmem_cache_free mid 0xffff880003c264e0; kmem_cache_free mid 0xffff880003c26090; kmem_cache_free mid 0xffff880003c29ab0; kmem_cache_free mid 0xffff880003c29660
kmem_cache_free mid 0xffff880003c29210; kmem_cache_free mid 0xffff880003c28dc0; kmem_cache_free mid 0xffff880003c28970; kmem_cache_free mid 0xffff880003c28520
kmem_cache_free mid 0xffff880003c280d0; kmem_cache_free mid 0xffff880003c2baf0; kmem_cache_free mid 0xffff880003c2b6a0; kmem_cache_free mid 0xffff880003c2b250
kmem_cache_free mid 0xffff880003c2ae00
slab mid
# cpu1's first refill takes from the shared array first (its top 12), so
# no slab is touched
kmem_cache_alloc -c 1 mid
slab mid
# the node has no partial or free slab yet: kmem_cache_shrink drains every
# array back into the slabs (free_block: empty slabs to the head of
# slabs_free, the one cpu1 still uses to the tail of slabs_partial), then
# destroys the free slabs; it returns 1 because objects remain
kmem_cache_shrink mid
slab mid
kmem_cache_destroy mid
kmem_cache_free -c 1 mid 0xffff880003c27620
kmem_cache_destroy mid
slab mid
show page 0x3c26
#
# huge: 200000 bytes, one object in an order-6 slab; above 128 KiB the
# array holds 1 object (limit 1, batchcount 1) and there is no shared
# array, so free_limit = (1 + 2) * 1 + 1 = 4.  Each free past the first
# flushes one object straight to free_block; once the node holds more
# than 4 free objects an emptied slab is destroyed on the spot.
kmem_cache_create huge 200000
kmem_cache_alloc huge; kmem_cache_alloc huge; kmem_cache_alloc huge
kmem_cache_alloc huge; kmem_cache_alloc huge; kmem_cache_alloc huge
kmem_cache_alloc huge
slab huge
kmem_cache_free huge 0xffff880003c40038
kmem_cache_free huge 0xffff880003c80078
kmem_cache_free huge 0xffff880003cc00b8
kmem_cache_free huge 0xffff880003d000f8
kmem_cache_free huge 0xffff880003d40138
slab huge
trace on stage_enter stage_exit stage_note mm_page_free
kmem_cache_free huge 0xffff880003d80178
trace off
kmem_cache_free huge 0xffff880003dc01b8
slab huge
cat /proc/slabinfo
check
