# machine: tiny
# Issue 11, repro 2: a request stopped inside cache_alloc_refill has its
# cpu's interrupts off: the array cache is its own.  Commands that would
# touch it are refused with one line, and cache_reap on the clock waits.
check stages on
kmalloc --step 985
tick 600
step
kmem_cache_create a 3109
tick 5
finish
kmem_cache_create b 1515
step
kmem_cache_create b 1515
check
