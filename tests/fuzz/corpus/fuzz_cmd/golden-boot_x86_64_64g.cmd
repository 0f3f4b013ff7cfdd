# machine: tests/cmd/machines/x86_64-64g-noslab.machine
cat /proc/buddyinfo
sysctl vm.min_free_kbytes
alloc_pages GFP_KERNEL 0
alloc_pages -c 7 GFP_KERNEL 0
alloc_pages GFP_HIGHUSER_MOVABLE 9
