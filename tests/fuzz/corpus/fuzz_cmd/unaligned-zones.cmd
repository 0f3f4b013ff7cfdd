# machine: unaligned
# zones that start and end inside pageblocks
show zones; show pageblocks; show page 0x15f; show page 0x160
alloc_pages GFP_DMA 0; alloc_pages GFP_DMA 6; alloc_pages GFP_KERNEL 9; alloc_pages GFP_KERNEL 10
sysctl vm.compact_memory=1; task spawn a 10000; tick 300; check
