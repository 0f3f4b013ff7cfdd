# machine: tiny
# cache_reap on the clock (spec/slab.md 8.1-8.3).  Each cpu reaps every
# 2*HZ (cpu0 first at jiffy 100, cpu1 at 103): an array used since the
# last reap only loses its touched mark, an untouched one gives back
# (limit + 4) / 5 of its oldest objects (at most half of them, rounded
# up).  Every 4*HZ (next_reap) the node's shared array gets the same
# treatment and, unless a refill found no partial slab since the last
# time (free_touched), drain_freelist destroys up to
# ceil(free_limit / (5 * num)) slabs from the tail of slabs_free.
#
# r: 1000-byte objects, 4 to a slab, limit 54, batchcount 27,
# free_limit (1 + 2) * 27 + 4 = 85: drain_array frees 11 at a time,
# drain_freelist up to 5 slabs.
kmem_cache_create r 1000
kmem_cache_alloc r; kmem_cache_alloc r; kmem_cache_alloc r; kmem_cache_alloc r
kmem_cache_alloc r; kmem_cache_alloc r; kmem_cache_alloc r; kmem_cache_alloc r
kmem_cache_alloc r; kmem_cache_alloc r; kmem_cache_alloc r; kmem_cache_alloc r
kmem_cache_free r 0xffff880003c24bf8; kmem_cache_free r 0xffff880003c24810; kmem_cache_free r 0xffff880003c24428; kmem_cache_free r 0xffff880003c24040
kmem_cache_free r 0xffff880003c25bf8; kmem_cache_free r 0xffff880003c25810; kmem_cache_free r 0xffff880003c25428; kmem_cache_free r 0xffff880003c25040
kmem_cache_free r 0xffff880003c26bf8; kmem_cache_free r 0xffff880003c26810; kmem_cache_free r 0xffff880003c26428; kmem_cache_free r 0xffff880003c26040
slab r
# jiffy 100: cpu0's array was used (touched): only the mark goes
tick 100
slab r
# jiffy 300: untouched now, 11 of its 12 objects go back to their slabs;
# two slabs empty out and go to the head of slabs_free
tick 200
slab r
# jiffy 500: the last one; the node's first reap comes later
tick 200
slab r
# the node's next_reap (528) passes at cpu0's reap of jiffy 700: that
# visit only clears free_touched; the one at 1100 destroys the free slabs
# (at most 5), tail first
tick 400
slab r
tick 400
slab r
# an allocation grows a new slab (no partial slab: free_touched is set
# again) and touches the array: the next reap only clears both marks, the
# one after gives back half of the 3 left, rounded up
kmem_cache_alloc r
tick 200
slab r
tick 200
slab r
check
