-- machine: tests/cmd/machines/tiny-noslab.machine
-- Time and the workload: tick, tasks, page cache, sysctl, exec.
local t = require("tests.lua.testlib")

t.eq(mm.machine().jiffies, 0, "the clock starts at 0")
t.eq(mm.tick(), 1, "tick() is one jiffy")
t.eq(mm.tick(99), 100, "tick(n) returns the clock")
t.raises("bad argument #1 to 'tick' (jiffies must be 0..8640000)", mm.tick, -1)

-- tasks
local pid = mm.task_spawn("hog", 300)
t.eq(pid, 100, "the first pid")
t.eq(mm.tasks()[1].name, "hog", "tasks()")
t.eq(mm.tasks()[1].rss, 300, "rss")
t.eq(mm.task_touch(pid, 500), 500, "task_touch faults in more")
t.raises("no task with pid 12345", mm.task_touch, 12345, 1)
t.raises("bad argument #2 to 'task_spawn' (pages must be 0..268435456)", mm.task_spawn, "x", -5)
t.raises("task name", mm.task_spawn, "a name that is far too long", 1)
local pid2 = mm.task_spawn("movable", 10, "GFP_HIGHUSER_MOVABLE")
t.eq(pid2, 101, "second pid")
t.eq(mm.task_exit(pid), true, "task_exit")
t.raises("no task with pid 100", mm.task_exit, pid)
t.eq(#mm.tasks(), 1, "one left")

-- a task that cannot get its pages: nil, the reason, its pid (here the
-- OOM killer chose it: it was the largest)
local none, why, bigpid = mm.task_spawn("huge", 100000)
t.eq(none, nil, "no room")
t.eq(bigpid, 102, "its pid")
t.eq(why, "task 102 (huge) was killed", "the reason")

-- page cache
mm.exec("machine tests/cmd/machines/tiny-noslab.machine")
t.eq(mm.pagecache_add(100), 100, "clean pages")
t.eq(mm.pagecache_add(50, true), 50, "dirty pages")
t.raises("bad argument #2 to 'pagecache_add' (boolean expected, got string)", mm.pagecache_add, 1, "dirty")
t.eq(mm.pagecache_drop(), 100, "drop: the clean ones go")
t.eq(mm.vmstat().nr_file_pages, 50, "the dirty ones stay")

-- sysctl: read, write (the value it has afterwards), errors
t.eq(mm.sysctl("vm.swappiness"), 60, "default swappiness")
t.eq(mm.sysctl("vm.swappiness", 10), 10, "set")
t.eq(mm.sysctl("vm/swappiness"), 10, "sysctl(8)'s slashes")
local mfk = mm.sysctl("vm.min_free_kbytes", 2048)
t.eq(mfk, 2048, "min_free_kbytes")
t.eq(mm.machine().min_free_kbytes, 2048, "machine() sees it")
t.raises("sysctl: cannot stat /proc/sys/vm/nosuch: No such file or directory", mm.sysctl, "vm.nosuch")
t.raises("bad argument #1 to 'sysctl' (a key like 'vm.min_free_kbytes')", mm.sysctl, "vm.swappiness=1")
t.raises("bad argument #2 to 'sysctl' (integer expected, got string)", mm.sysctl, "vm.swappiness", "x")

-- exec: any command's output, or nil and its error line
t.eq(mm.exec("cpu"), "cpu 0 (cpus 0-1)\n", "exec output")
local out, err = mm.exec("frobnicate")
t.eq(out, nil, "a failing command")
t.eq(err, "frobnicate: unknown command (try 'help')", "its error line")
local o2, e2, partial = mm.exec("cpu; free_pages 0x1")
t.eq(o2, nil, "the second command failed")
t.eq(partial, "cpu 0 (cpus 0-1)\n", "what ran before it")
t.ok(e2:find("^free_pages: "), e2)
-- scripts do not start scripts
t.eq(select(2, mm.exec("lua print(1)")), "lua: not from inside a running script (use dofile or require)",
	"lua from a script")
t.eq(select(2, mm.exec("source x.lua")), "source: not from inside a running script (use dofile or require)",
	"source from a script")
t.eq(select(2, mm.exec("trust on")), "trust: a script cannot change its own sandbox", "trust from a script")
t.ok(mm.check(), "invariants")
print("workload ok")
