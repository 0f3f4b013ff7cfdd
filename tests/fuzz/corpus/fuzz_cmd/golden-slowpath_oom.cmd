# machine: tests/cmd/machines/tiny-noslab.machine
# Only anonymous memory and no swap: nothing is reclaimable, direct
# reclaim makes no progress and the allocation (with __GFP_FS) calls the
# OOM killer.  It picks the largest badness (big), its pages come back and
# the retried allocation succeeds.
check stages on
task spawn small 3000
task spawn big 11500
sysctl vm.min_free_kbytes=4000
task list
show zones
alloc_pages GFP_KERNEL 0
task list
show zones
check
