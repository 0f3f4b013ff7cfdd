# machine: frag
# two cpus stepping on a fragmented zone: the fallback path under zone->lock
alloc_pages GFP_HIGHUSER_MOVABLE 0; alloc_pages GFP_HIGHUSER_MOVABLE 3; alloc_pages GFP_KERNEL 5
alloc_pages -c 1 GFP_KERNEL|__GFP_COLD 0; free_pages 0x1200
break __rmqueue_fallback
alloc_pages --step GFP_KERNEL 4
step; step; next; bt
cpu 1
alloc_pages --step GFP_HIGHUSER_MOVABLE 2
step; next; finish; bt
cpu 0
continue; info stages
free_pages -c 1 0x1400
drain_all_pages
cpu 1
continue
delete 1; tick 5; check
