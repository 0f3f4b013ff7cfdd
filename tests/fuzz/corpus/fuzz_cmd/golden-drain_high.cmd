# machine: tests/cmd/machines/tiny-noslab.machine
# pcp batch 3, high 18: refill takes 3 pages, a free that makes count reach
# high sends batch (3) pages back to the buddy lists, coldest first
alloc_pages GFP_KERNEL 5
trace on mm_page_pcpu_drain mm_page_alloc_zone_locked
alloc_pages GFP_KERNEL 0
trace off
show pcp 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 0
free_pages 0x3c21
free_pages 0x3c22
free_pages 0x3c23
free_pages 0x3c24
free_pages 0x3c25
free_pages 0x3c26
free_pages 0x3c27
free_pages 0x3c28
free_pages 0x3c29
free_pages 0x3c2a
free_pages 0x3c2b
free_pages 0x3c2c
free_pages 0x3c2d
free_pages 0x3c2e
free_pages 0x3c2f
free_pages 0x3c30
free_pages 0x3c31
show pcp 0
trace on mm_page_pcpu_drain
free_pages 0x3c20
trace off
show pcp 0
show freelists Normal 0
check
