# machine: tests/cmd/machines/i386-1g-noslab.machine
# DMA 16 MiB, Normal to 896 MiB, HighMem above; 4 MiB pageblocks
cat /proc/buddyinfo
show zones
alloc_pages GFP_KERNEL 0
alloc_pages GFP_HIGHUSER_MOVABLE 0
alloc_pages GFP_HIGHUSER 0
alloc_pages GFP_DMA 0
alloc_pages GFP_DMA32 0
check
