# machine: tiny-swap
# the slow path stopped: reclaim and compaction while another cpu allocates
task spawn hog 12000
pagecache add 2000 dirty
sysctl vm.min_free_kbytes=4096
break __alloc_pages_direct_reclaim
alloc_pages --step GFP_KERNEL 3
continue; bt; next; next
cpu 1
alloc_pages GFP_ATOMIC 0
alloc_pages --step GFP_KERNEL 2
finish
tick 20
cpu 0
step; finish; continue
cpu 1
continue
task list; check
