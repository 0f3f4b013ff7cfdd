# machine: tests/cmd/machines/tiny-noslab.machine
# min_free_kbytes 65536 puts min (16384 pages) above the 15360 free pages.
# The fast path checks low; the slow path min, lowered by half for
# __GFP_HIGH (ALLOC_HIGH) and by a quarter of the rest for requests that
# cannot sleep (ALLOC_HARDER, unless __GFP_NOMEMALLOC).
check stages on
sysctl vm.min_free_kbytes=65536
show zones
alloc_pages GFP_NOWAIT|__GFP_NOMEMALLOC 0
alloc_pages GFP_NOWAIT 0
alloc_pages GFP_ATOMIC 3
sysctl vm.min_free_kbytes=991
alloc_pages GFP_KERNEL 0
check
