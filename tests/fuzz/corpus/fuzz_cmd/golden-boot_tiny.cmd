# machine: tests/cmd/machines/tiny-noslab.machine
cat /proc/buddyinfo
show zones
show pageblocks
alloc_pages GFP_KERNEL 0
alloc_pages GFP_HIGHUSER_MOVABLE 0
alloc_pages GFP_KERNEL 4
check
