# machine: tests/cmd/machines/tiny-noslab.machine
# __GFP_NOFAIL without __GFP_FS: no OOM kill, should_alloc_retry always
# says yes, so the request sleeps in wait_iff_congested and retries, on
# and on.  It is started stopped (--step) so that it can wait while other
# commands run; when the task exits and time passes it wakes and succeeds.
check stages on
task spawn keep 14600
oom_score_adj 100 -1000
sysctl vm.min_free_kbytes=4000
alloc_pages --step GFP_NOFS|__GFP_NOFAIL 0
break __alloc_pages_may_oom
continue
info stages
tick 5
info stages
task exit 100
tick 2
info stages
show zones
check
