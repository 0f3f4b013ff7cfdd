# machine: tests/cmd/machines/tiny-noslab.machine
# Tracepoint text as trace_pipe would print it.
trace
trace on
trace
alloc_pages GFP_KERNEL 0
free_pages 0x3c00
alloc_pages GFP_HIGHUSER_MOVABLE 2
trace off mm_page_alloc_zone_locked
trace
drain_all_pages
trace off
alloc_pages GFP_KERNEL 0
trace
