# machine: tiny
# issue 11, item 1: a stopped kmem_cache_alloc whose cache is destroyed
kmem_cache_create foo 100; kmem_cache_alloc --step foo; kmem_cache_destroy foo; continue
