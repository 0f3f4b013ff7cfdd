# machine: tests/cmd/machines/tiny-noslab.machine
# Order-0 pages come from the per-cpu lists: hot from the head, cold
# (__GFP_COLD) from the tail; a free goes back to the head (hot).
alloc_pages GFP_KERNEL 0
show pcp 0
alloc_pages GFP_KERNEL|__GFP_COLD 0
show pcp 0
free_pages 0x3c00
show pcp 0
alloc_pages -c 1 GFP_KERNEL 0
cpu 1
alloc_pages GFP_KERNEL 0
show pcp
drain_all_pages
show pcp
cpu 0
check
