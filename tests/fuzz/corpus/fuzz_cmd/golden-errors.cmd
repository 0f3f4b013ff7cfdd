# machine: tests/cmd/machines/tiny-noslab.machine
# Every mistake gets one line "CMD: what is wrong" and changes nothing.
frobnicate
alloc_page GFP_KERNEL 0
alloc_pages GFP_KERNAL 0
alloc_pages GFP_KERNEL 11
alloc_pages GFP_KERNEL 99999999999999999999999
alloc_pages GFP_KERNEL -1
alloc_pages GFP_KERNEL 0x
alloc_pages GFP_KERNEL 3junk
alloc_pages -c 2 GFP_KERNEL 0
alloc_pages -c
alloc_pages -x GFP_KERNEL 0
alloc_pages
alloc_pages GFP_KERNEL 0 1
free_pages zz
free_pages 0x4000
free_pages 0xffffffffffffffffffffffff
free_pages -5
cpu 2
cpu one
cat /proc/slabinfo
cat
sysctl vm.foo
sysctl kernel.pid_max
sysctl vm.min_free_kbytes=lots
trace maybe
trace on mm_page_alocc
show
show everything
show freelists Highmem
show freelists all 11
show freelists all 0 R
show freelists all 0 Frozen
show page
show page 0x4000
show pcp 7
help frobnicate
machine no-such-machine
quit now
# an unterminated quote spoils the whole line, so nothing on it runs
cpu 1; alloc_pages "GFP_KERNEL 0
cpu
# nothing above changed the model
show freelists
check
