# machine: tests/cmd/machines/tiny-noslab.machine
# Tasks and the OOM killer on the tiny machine (15360 pages of RAM, no
# swap): one oom_score_adj unit is 15 pages, and root's bonus (3.10.0:
# 30 units) takes 450 pages off every badness.  SysRq-f runs the OOM
# killer by hand; its report comes out as the kernel's printk lines.
task list
task spawn a 1000
task spawn b 3000
task spawn c 6000
task spawn small 100
task list
oom_score_adj 102
oom_score_adj 102 -1000
oom_score_adj 102
task list
sysrq f
task list
task touch 100 1500
oom_score_adj 100 0x3e8
task list
task exit 100
task exit 101
task list
# errors: one line each, nothing changes
task
task frob
task spawn
task list extra
task spawn "has space" 10
task spawn waytoolongname16 10
task spawn x lots
task spawn x 10 GFP_BOGUS
task spawn x 999999999999
task touch 42 10
task touch abc 10
task touch 102 -5
task exit 42
task exit 100
task exit 102 extra
oom_score_adj
oom_score_adj 102 1001
oom_score_adj 102 -1001
oom_score_adj 102 abc
oom_score_adj 102 99999999999999999999999
oom_score_adj 42 0
sysrq
sysrq x
task list
