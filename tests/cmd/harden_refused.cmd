# machine: tiny
# Issue 11, repros 6 and 13: a refused command changes nothing, also while
# a request is stopped, and a step that cannot go on changes nothing
# either.  Every refusal below is one line; check passes at every stage
# point and at the end, and the pcp counts agree with their lists.
check stages on
kmem_cache_create foo 100
kmem_cache_alloc foo
kmem_cache_alloc --step foo
step
step
kmem_cache_free foo 0xffff880000000000
kmem_cache_free -c 1 foo 0xffff880000000000
kmem_cache_free -c 1 foo 0x1
kfree -c 1 0x1
kmem_cache_destroy foo
kmem_cache_shrink foo
alloc_pages -c 1 GFP_KERNEL 0
free_pages -c 1 0x3f00
free_pages -c 1 0xffffff
show pcp
step
cpu 1
step
next
finish
continue
cpu 0
finish
continue
show pcp
slab foo
check
