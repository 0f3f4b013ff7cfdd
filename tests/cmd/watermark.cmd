# machine: tests/cmd/machines/tiny-noslab.machine
# raise min_free_kbytes above what is free: the low watermark refuses
sysctl vm.min_free_kbytes=60000
show zones
alloc_pages GFP_KERNEL 0
alloc_pages GFP_ATOMIC 3
sysctl vm.min_free_kbytes=991
alloc_pages GFP_KERNEL 0
check
