# machine: tests/cmd/machines/x86_64-4g-noslab.machine
# spec §14's worked example: watermarks, protection, pcp and the first pages
cat /proc/buddyinfo
cat /proc/pagetypeinfo
show zones
sysctl vm.min_free_kbytes
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_HIGHUSER_MOVABLE 0
alloc_pages GFP_DMA32 0
alloc_pages GFP_DMA 0
alloc_pages GFP_KERNEL 3
alloc_pages GFP_TEMPORARY 0
show pcp 0
check
