# machine: i386-small
# HighMem, 1024-page pageblocks, three cpus
alloc_pages GFP_HIGHUSER 3; alloc_pages GFP_HIGHUSER_MOVABLE 10; alloc_pages GFP_KERNEL 10
task spawn a 3000; pagecache add 3000; task touch 100 4000
cpu 2
alloc_pages --step GFP_HIGHUSER 0
next; next; finish; continue
sysctl vm.compact_memory=1; show pageblocks; cat /proc/pagetypeinfo; check
