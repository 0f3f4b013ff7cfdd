# machine: tiny
# issue 11, item 2: cache_reap on the clock against a stopped kmalloc
kmalloc --step 985; tick 600; step; kmem_cache_create a 3109; finish; kmem_cache_create b 1515; step
