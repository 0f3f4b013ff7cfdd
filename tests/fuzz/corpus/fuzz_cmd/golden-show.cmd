# machine: tests/cmd/machines/i386-1g-noslab.machine
# The show family on a 32-bit machine with HighMem.
machine
show zones
show pageblocks
show freelists
alloc_pages GFP_HIGHUSER_MOVABLE 0
alloc_pages GFP_KERNEL 4
alloc_pages GFP_DMA 0
show page 0x0
show page 0x1
show pcp 0
show freelists HighMem 0
show freelists DMA
check
