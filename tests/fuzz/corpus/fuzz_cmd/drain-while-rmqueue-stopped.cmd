# machine: tiny-noslab
# (found by fuzz_cmd; fixed by the lock model) drain_all_pages while cpu0 is stopped in __rmqueue (inside
# rmqueue_bulk, zone lock held): the pcp count and its lists disagree, then a page is
# both on a pcp list and a free list (mm_check at the end)
break __rmqueue
alloc_pages GFP_KERNEL 0
continue
drain_all_pages
continue
