# machine: tiny
# Found by make soak (seed 7, stream 10450), reduced: kmalloc(358) grows
# kmalloc-512, whose slab descriptors are off-slab, from a sleeping
# allocation (cache_grow turns interrupts on).  The descriptor comes from
# kmalloc-96 through slab_alloc, which turns them off again: cache_reap on
# the clock waits for the paused refill instead of draining its array
# from under it (it used to: a segmentation fault when it went on).
check stages on
cpu 1
break cache_alloc_refill
kmalloc 358
finish
step
step
tick 634
continue
info stages
check
