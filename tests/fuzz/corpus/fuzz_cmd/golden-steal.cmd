# machine: tests/cmd/machines/tiny-noslab.machine
# fallback: a reclaimable request steals a whole movable pageblock even at
# order 0; an unmovable one at order 0 only steals blocks of order >= 4
trace on mm_page_alloc_extfrag
alloc_pages GFP_TEMPORARY 0
alloc_pages GFP_KERNEL 0
trace off
show pageblocks
cat /proc/pagetypeinfo
check
