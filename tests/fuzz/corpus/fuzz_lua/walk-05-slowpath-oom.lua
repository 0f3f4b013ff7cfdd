-- description: The slow path step by step, from the low watermark to the OOM killer
-- category: pages
--
-- Walkthrough 5.  An order-2 GFP_KERNEL request on a machine whose memory
-- is all held by the kernel and by processes with anonymous pages, with no
-- swap: nothing can be reclaimed.  Stepping through
-- __alloc_pages_slowpath like a debugger: wake_all_kswapd, the min
-- watermark, direct compaction, direct reclaim, and at last
-- __alloc_pages_may_oom, which kills the task with the largest badness.
-- Every claim is checked against the model.

local walk = require("lib.walk")
local check, step = walk.check, walk.step

local function normal()
	return mm.zone("Normal")
end

-- the call stack as "inner <- outer <- ...", and as a list of names
local function stack(st)
	local names = {}
	for i, f in ipairs(st.frames) do
		names[i] = f.func
	end
	return table.concat(names, " <- "), names
end

-- move the request on (ticking while it sleeps) until it stops on entry to func
local function run_to(func)
	for _ = 1, 200 do
		local st = mm.stage()
		check(st ~= nil, "the request is still running on its way to %s", func)
		if st.state == "sleeping" then
			mm.tick(1)
		else
			mm.continue()
		end
		st = mm.stage()
		if st and st.state == "stopped" and st.kind == "enter" and st.func == func then
			return st
		end
	end
	error("claim failed: the request reaches " .. func)
end

-- check that the request stopped in func, called from the slow path
local function check_stack(st, func)
	local text, names = stack(st)
	check(names[1] == func and names[2] == "__alloc_pages_slowpath" and
		names[3] == "__alloc_pages_nodemask" and #names == 3,
		"the call stack is %s <- __alloc_pages_slowpath <- __alloc_pages_nodemask (%s)", func, text)
	return text
end

walk.require_api(1)
mm.exec("machine tiny")
ui.layout("step")
ui.focus("stack")

-- 1. fill memory: kernel pages (unreclaimable), then two small processes
-- hog must be big enough to outweigh root's 3% discount (450 pages here)
local HOG, SMALL = 600, 100
local z = normal()
local kernel = {}
for order = 10, 0, -1 do
	while normal().free - (1 << order) > 700 + HOG + SMALL do
		kernel[#kernel + 1] = assert(mm.alloc_pages("GFP_KERNEL", order))
	end
end
local hog = assert(mm.task_spawn("hog", HOG))
local small = assert(mm.task_spawn("small", SMALL))
z = normal()
local kb = mm.sysctl("vm.min_free_kbytes", (z.free + 50) * 4)
z = normal()
local tasks = mm.tasks()
local biggest, small_badness
for _, t in ipairs(tasks) do
	if t.pid == hog then
		biggest = t
	elseif t.pid == small then
		small_badness = t.badness
	end
end
for _, t in ipairs(tasks) do
	check(t.pid == hog or t.badness < biggest.badness,
		"hog's badness %d is larger than %s's %d", biggest.badness, t.name, t.badness)
end
check(z.free < z.min, "free %d is below min %d", z.free, z.min)
check(mm.machine().swap_pages == 0, "the machine has no swap")
check(mm.vmstat().nr_file_pages == 0, "there is no page cache to drop")
step(string.format([[
The slow path, step by step.  The kernel holds most of memory (%d
allocations of its own), and two processes hold anonymous pages: hog
(%d pages) and small (%d).  There is no swap and no page cache, so
nothing can be reclaimed.  vm.min_free_kbytes = %d puts min = %d,
low = %d, high = %d, and only %d pages are free.
Breakpoints go on the slow path's stages; then alloc_pages(GFP_KERNEL, 2)
starts in step mode.]], #kernel, HOG, SMALL, kb, z.min, z.low, z.high, z.free))

local breakpoints = {}
for _, f in ipairs({ "wake_all_kswapd", "__alloc_pages_direct_compact",
		     "__alloc_pages_direct_reclaim", "__alloc_pages_may_oom" }) do
	breakpoints[#breakpoints + 1] = mm["break"](f)
end
local last_exit = {} -- the latest exit reason of each function
local exits_id = mm.on("stage", function(e)
	if e.kind == "exit" then
		last_exit[e.func] = e.reason
	end
end)
local reclaimed = {} -- what each try_to_free_pages returned
local ttfp_id = mm.on("stage", function(e)
	if e.kind == "exit" then
		reclaimed[#reclaimed + 1] = e.reason
	end
end, { func = "try_to_free_pages" })
local oom = {}
local oom_id = mm.on("oom", function(e)
	oom[#oom + 1] = e
end)
local req = mm.alloc_pages("GFP_KERNEL", 2, { step = true })
local st = mm.stage()
check(st and st.func == "__alloc_pages_nodemask" and st.kind == "enter",
	"the request stopped at its first stage, __alloc_pages_nodemask (%s)", st and st.func or "none")
step([[
Stopped on entry to __alloc_pages_nodemask, the allocator's front door:
order 2, gfp 0xd0 (GFP_KERNEL), Unmovable, zones up to Normal.]])

-- 2. the fast path fails at low; the slow path wakes kswapd
st = run_to("wake_all_kswapd")
local trace = check_stack(st, "wake_all_kswapd")
step(string.format([[
get_page_from_freelist failed at the low watermark, so
__alloc_pages_nodemask called __alloc_pages_slowpath.  Its first act is
wake_all_kswapd: background reclaim should start whatever happens next.
Call stack:
  %s]], trace))

-- 3. retry at min, then direct compaction
st = run_to("__alloc_pages_direct_compact")
trace = check_stack(st, "__alloc_pages_direct_compact")
check(normal().free == z.free, "no page was taken at min (free %d)", normal().free)
st = mm.finish()
st = mm.stage()
check(st.func == "__alloc_pages_direct_compact" and st.kind == "exit" and
	st.reason:find("COMPACT_SKIPPED", 1, true) ~= nil,
	"compaction was skipped: %s", st.reason)
check(last_exit.gfp_to_alloc_flags == "min|ALLOC_CPUSET", "gfp_to_alloc_flags gave %s",
	tostring(last_exit.gfp_to_alloc_flags))
check((last_exit.compaction_suitable or ""):find("no room to migrate into", 1, true),
	"compaction_suitable found no room to migrate into: %s", tostring(last_exit.compaction_suitable))
step(string.format([[
gfp_to_alloc_flags gave min|ALLOC_CPUSET (GFP_KERNEL may sleep: no
ALLOC_HIGH), the retry at min failed too, and the request may sleep, so
it tries direct compaction first (order > 0).  It returned
  %s
(compaction_suitable wants room above low to migrate into).
Call stack on entry:
  %s]], st.reason, trace))

-- 4. direct reclaim: nothing to reclaim
st = run_to("__alloc_pages_direct_reclaim")
trace = check_stack(st, "__alloc_pages_direct_reclaim")
mm.finish()
st = mm.stage()
check(st.func == "__alloc_pages_direct_reclaim" and st.kind == "exit" and
	st.reason:find("no page", 1, true) ~= nil, "direct reclaim found no page: %s", st.reason)
check(mm.vmstat().pgsteal_direct_normal == 0, "direct reclaim reclaimed nothing")
check(reclaimed[1] and reclaimed[1]:match("^1 "), "try_to_free_pages still claimed progress: %s",
	tostring(reclaimed[1]))
step(string.format([[
Direct reclaim (try_to_free_pages): the LRU lists hold only anonymous
pages and there is no swap, so nothing is freed.  Yet it returned
  %s
While some zone is not marked all_unreclaimable, 3.10 reports progress
so as not to give up too early.  So the slow path waits
(wait_iff_congested) and loops: compaction again (sync this time),
reclaim again.  kswapd meanwhile scans the zone and marks it
all_unreclaimable.
Call stack on entry:
  %s]], reclaimed[1], trace))

-- 5. the OOM killer
st = run_to("__alloc_pages_may_oom")
trace = check_stack(st, "__alloc_pages_may_oom")
check(#oom == 0, "no OOM kill yet")
check(reclaimed[#reclaimed]:match("^0 "), "the last reclaim made no progress: %s",
	reclaimed[#reclaimed])
mm.off(ttfp_id)
step(string.format([[
This time try_to_free_pages returned
  %s
The request has __GFP_FS and is not costly (order 2 <= 3), so the slow
path calls __alloc_pages_may_oom: one last try at the high watermark, then
out_of_memory() picks the task with the largest badness: its rss, swap
entries and page tables, minus 30 oom_score_adj units (3%% of memory) for
root's tasks.  hog's badness is %d, small's %d.
Call stack:
  %s]], reclaimed[#reclaimed], biggest.badness, small_badness, trace))

for _, id in ipairs(breakpoints) do
	mm.delete(id)
end
walk.run_to_end()
mm.off(oom_id)
mm.off(exits_id)
check(mm.stage() == nil, "the request finished")
local killed
for _, e in ipairs(oom) do
	if e.what == "killed" then
		killed = e
	end
end
check(oom[1] and oom[1].what == "invoked" and oom[1].order == 2,
	"the OOM killer was invoked for the order-2 request")
check(killed and killed.pid == hog and killed.name == "hog", "it killed hog (pid %d), got %s",
	hog, killed and killed.name or "nobody")
for _, t in ipairs(mm.tasks()) do
	check(t.pid ~= hog, "hog is gone from the task list")
end
check(req.state == "allocated" and req.order == 2, "the retried request got its page (%s)",
	req.state)
z = normal()
step(string.format([[
"Out of memory: Kill process %d (hog)": hog had the largest badness.
Its %d pages came back (free is %d now, above min = %d), the slow path
went back to restart, and the retry gave the request its order-2 block at
0x%x.  small (pid %d) lives on.]], hog, HOG, z.free, z.min, req.pfn, small))

local ok, msg = mm.check()
check(ok, "the invariant checker agrees: %s", tostring(msg))
ui.say("Done: low -> kswapd -> min -> compaction -> reclaim -> OOM kill -> restart.")
