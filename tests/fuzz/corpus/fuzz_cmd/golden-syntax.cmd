# machine: tests/cmd/machines/tiny-noslab.machine
# The command language: ';' separates, '#' comments, quotes group words.

   
cpu ; cpu 1 ;; cpu   # a comment after commands
cpu 0#no space needed before a comment
alloc_pages 'GFP_KERNEL | __GFP_ZERO' 0
alloc_pages "GFP_KERNEL|__GFP_COLD" 0; show page 0x3c02
alloc_pages GFP_\KERNEL 0
cat '/proc/buddyinfo'
show 'page' "0x3c01"
sysctl vm.min_free_kbytes vm/min_free_kbytes
help cpu
