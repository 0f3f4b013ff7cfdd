# machine: tests/cmd/machines/tiny-noslab.machine
# Nothing reclaimable and one unkillable task: __GFP_NORETRY gives up
# without the OOM killer, and so does a costly order (4 > 3); both print
# the kernel's page allocation failure report (not with __GFP_NOWARN).
# The task survives both.
check stages on
task spawn keep 14600
oom_score_adj 100 -1000
sysctl vm.min_free_kbytes=4000
show zones
alloc_pages GFP_KERNEL|__GFP_NORETRY 0
alloc_pages GFP_KERNEL 4
alloc_pages GFP_KERNEL|__GFP_NOWARN|__GFP_NORETRY 0
task list
check
