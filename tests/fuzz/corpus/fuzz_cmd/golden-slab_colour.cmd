# machine: tiny
# Colouring (spec/slab.md 7): each cache_grow places s_mem colour_next *
# colour_off further into the slab, cycling through colour offsets.  1900
# bytes round to 1904; order 0 holds 2 objects and leaves 288 bytes; the
# 56-byte descriptor moves back on-slab, leaving 232: colour 3 x 64.
# Every refill finds no free object, grows one slab and takes its 2.
kmem_cache_create col 1900
kmem_cache_alloc col; kmem_cache_alloc col
kmem_cache_alloc col; kmem_cache_alloc col
kmem_cache_alloc col; kmem_cache_alloc col
kmem_cache_alloc col; kmem_cache_alloc col
# s_mem: page + 56, + 64 + 56, + 128 + 56, back to + 56
slab col
# a colour of 1 never moves s_mem: kmalloc-96 style, 128-byte stride
kmem_cache_create one 96 SLAB_HWCACHE_ALIGN
kmem_cache_alloc one
slab one
check
