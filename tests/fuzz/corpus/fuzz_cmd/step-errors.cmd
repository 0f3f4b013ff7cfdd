# machine: tiny
# refused commands while requests are stopped must change nothing
alloc_pages --step GFP_KERNEL 0
kmem_cache_free kmalloc-64 0xffff880000000040
free_pages 0x0
kfree 0x1
step
cpu 9
step; next; finish; continue
cpu 1
step; bt; finish
cpu 0
kmem_cache_destroy kmalloc-64
delete 7; break; break nosuch
continue; check
