# machine: tests/cmd/machines/tiny-noslab.machine
# vm.compact_memory and /sys/kernel/debug/extfrag on the tiny machine.
# Its zone starts at pfn 0, where 3.10's never-set cached scanner
# positions (0, 0) pass as valid: the run "completes" at once and asks
# kswapd to reset them (compact_blockskip_flush) when it next sleeps.
cat /sys/kernel/debug/extfrag/extfrag_index /sys/kernel/debug/extfrag/unusable_index
alloc_pages GFP_KERNEL 3
alloc_pages GFP_KERNEL 0
cat /sys/kernel/debug/extfrag/extfrag_index
cat /sys/kernel/debug/extfrag/unusable_index
sysctl
sysctl vm/compact_memory=1
trace on stage_enter stage_exit stage_note
sysctl vm.compact_memory=1
trace off
check
# errors: nothing runs
sysctl vm.compact_memory
sysctl vm.compact_memory vm.min_free_kbytes=2000
cat /sys/kernel/debug/extfrag/nope
cat /sys/kernel/debug/extfrag/extfrag_index /proc/nope
