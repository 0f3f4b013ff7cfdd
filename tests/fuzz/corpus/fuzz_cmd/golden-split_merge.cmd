# machine: tests/cmd/machines/tiny-noslab.machine
# An order-3 request splits an order-10 block (expand); freeing it merges
# the buddies back into one order-10 block (__free_one_page).
show freelists Normal all Unmovable
alloc_pages GFP_KERNEL 3
show freelists Normal all Unmovable
show page 0x3c00
show page 0x3c07
show page 0x3c08
free_pages 0x3c00 2
free_pages 0x3c00
show freelists Normal all Unmovable
free_pages 0x3c00
check
