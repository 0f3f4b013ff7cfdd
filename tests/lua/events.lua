-- machine: tests/cmd/machines/tiny-noslab.machine
-- mm.on / mm.off: callbacks on tracepoints and stage points, filters run
-- in C, and the three event names of the issue (kswapd_wake, compaction,
-- oom).
local t = require("testlib")

-- count order-3 allocations only
local n3, nall, last = 0, 0, nil
local id3 = mm.on("mm_page_alloc", function(e) n3 = n3 + 1; last = e end, {order = 3})
local idall = mm.on("mm_page_alloc", function() nall = nall + 1 end)
local a = mm.alloc_pages("GFP_KERNEL", 3)
local b = mm.alloc_pages("GFP_KERNEL", 2)
local c = mm.alloc_pages("GFP_KERNEL", 3)
t.eq(n3, 2, "order=3 filter")
t.eq(nall, 3, "no filter")
t.eq(last.name, "mm_page_alloc", "name")
t.eq(last.pfn, c.pfn, "pfn")
t.eq(last.order, 3, "order")
t.eq(last.migratetype, "Unmovable", "migratetype")
t.eq(last.zone, "Normal", "zone")
t.eq(last.cpu, 0, "cpu")
t.eq(last.gfp_flags, "GFP_KERNEL", "gfp_flags")
t.eq(last.text, string.format(
	"mm_page_alloc: page=%s pfn=%d order=3 migratetype=0 gfp_flags=GFP_KERNEL",
	last.text:match("page=(%x+)"), c.pfn), "the tracepoint's text")
t.eq(mm.off(id3), true, "off")
t.eq(mm.off(id3), false, "off again")
mm.alloc_pages("GFP_KERNEL", 3):free()
t.eq(n3, 2, "no calls after off")
mm.off(idall)

-- min_order, cpu, zone and migratetype filters
local hits = {}
local function counter(name) return function() hits[name] = (hits[name] or 0) + 1 end end
local ids = {
	mm.on("mm_page_alloc", counter("min2"), {min_order = 2}),
	mm.on("mm_page_alloc", counter("cpu1"), {cpu = 1}),
	mm.on("mm_page_alloc", counter("movable"), {migratetype = "Movable"}),
	mm.on("mm_page_alloc", counter("normal"), {zone = "Normal"}),
	mm.on("mm_page_free", counter("free_pfn"), {pfn = a.pfn}),
}
mm.alloc_pages("GFP_KERNEL", 2, {cpu = 1})
mm.alloc_pages("GFP_HIGHUSER_MOVABLE", 0)
mm.alloc_pages("GFP_KERNEL", 1)
a:free()
t.eq(hits.min2, 1, "min_order")
t.eq(hits.cpu1, 1, "cpu")
t.eq(hits.movable, 1, "migratetype")
t.eq(hits.normal, 3, "zone")
t.eq(hits.free_pfn, 1, "pfn")
for _, id in ipairs(ids) do mm.off(id) end

-- stage points, filtered by function
local stages = {}
local sid = mm.on("stage", function(e) stages[#stages + 1] = e end, {func = "expand"})
mm.alloc_pages("GFP_KERNEL", 4)
mm.off(sid)
t.ok(#stages >= 2, "expand's stage points")
t.eq(stages[1].name, "stage", "name")
t.eq(stages[1].func, "expand", "func")
t.eq(stages[1].kind, "enter", "kind")
t.eq(stages[#stages].kind, "exit", "last is the exit")
t.ok(stages[1].reason:find("split order", 1, true), "reason: " .. stages[1].reason)
t.eq(math.type(stages[1].depth), "integer", "depth")
-- the reason's values: the arguments of its format, in order, typed
do
	local v = stages[1].values
	t.eq(type(v), "table", "values")
	t.ok(#v >= 2, "values: " .. #v)
	for i = 1, #v do
		t.ok(math.type(v[i]) == "integer" or type(v[i]) == "string", "value " .. i .. " is a number or a string")
		t.ok(stages[1].reason:find(type(v[i]) == "string" and v[i] or tostring(v[i]), 1, true)
			or stages[1].reason:find(string.format("%x", v[i]), 1, true), "value " .. i .. " is in the reason")
	end
end

-- a callback may read state and narrate, but not change the model
local seen_free
mm.on("mm_page_alloc", function(e)
	seen_free = mm.zone("Normal").free
	mm.page(e.pfn)
	local ok, err = pcall(mm.alloc_pages, "GFP_KERNEL", 0)
	t.ok(not ok and err:find("mm: not allowed inside an event callback", 1, true), "no allocation inside")
	t.raises("mm: not allowed inside an event callback", mm.tick)
	t.raises("mm: not allowed inside an event callback", mm.exec, "tick")
	t.raises("mm: not allowed inside an event callback", mm.on, "printk", print)
end, {order = 5})
mm.alloc_pages("GFP_KERNEL", 5)
t.eq(math.type(seen_free), "integer", "state read inside a callback")

-- a callback that fails is reported and switched off
local failing = mm.on("mm_page_free", function() error("boom") end)
mm.free_pages(b)
t.eq(mm.off(failing), false, "switched off after its error")

-- bad arguments
t.raises("bad argument #1 to 'on' (unknown event 'mm_page_alocc')", mm.on, "mm_page_alocc", print)
t.raises("bad argument #2 to 'on' (function expected, got nil)", mm.on, "mm_page_alloc", nil)
t.raises("bad argument #3 to 'on' (unknown option 'size')", mm.on, "mm_page_alloc", print, {size = 1})
t.raises("bad argument #3 to 'on' (filter order must be 0..10)", mm.on, "mm_page_alloc", print, {order = 11})
t.raises("bad argument #3 to 'on' (filter zone must name a zone of this machine)", mm.on, "mm_page_alloc", print,
	{zone = "HighMem"})
t.raises("bad argument #3 to 'on' (filter func must name a stage point", mm.on, "stage", print, {func = "nosuch"})

-- compaction: the mm_compaction_* tracepoints (a zone away from pfn 0:
-- 3.10's compaction stops at once in a zone that starts there)
mm.exec("machine tests/cmd/machines/frag.machine")
local comp = {}
local cid = mm.on("compaction", function(e) comp[#comp + 1] = e end)
mm.task_spawn("a", 100)
mm.task_spawn("b", 100)
mm.task_exit(100)
mm.sysctl("vm.compact_memory", 1)
mm.off(cid)
t.ok(#comp > 0, "compaction events")
t.eq(comp[1].name, "compaction", "name")
t.eq(comp[1].tracepoint, "mm_compaction_isolate_migratepages", "tracepoint")
t.eq(math.type(comp[1].nr_scanned), "integer", "nr_scanned")

-- kswapd_wake: filling the zone with page cache (order-0 pages) takes it
-- below the low watermark; the slow path wakes kswapd, once
local woke = {}
mm.exec("machine tests/cmd/machines/tiny-noslab.machine")
local kid = mm.on("kswapd_wake", function(e) woke[#woke + 1] = e end)
mm.pagecache_add(15055)
local p = mm.alloc_pages("GFP_KERNEL", 3)
mm.off(kid)
t.ok(p, "allocated at min")
t.eq(#woke, 1, "kswapd woken once (then 'already woken')")
t.eq(woke[1].name, "kswapd_wake", "name")
t.eq(woke[1].zone, "Normal", "zone")
t.eq(woke[1].order, 0, "order")
t.eq(woke[1].func, "wakeup_kswapd", "the stage point it comes from")
t.eq(woke[1].reason, "below the low watermark: woken", "its reason")
mm.tick(50)

-- oom: the OOM killer's report lines
local ooms = {}
local oid = mm.on("oom", function(e) ooms[#ooms + 1] = e end)
mm.pagecache_drop()
mm.exec("machine tests/cmd/machines/tiny-noslab.machine")
mm.task_spawn("small", 3000)
mm.task_spawn("big", 11500)
mm.sysctl("vm.min_free_kbytes", 4000)
mm.alloc_pages("GFP_KERNEL", 0)
mm.off(oid)
t.eq(ooms[1].what, "invoked", "the OOM killer was invoked")
t.eq(ooms[1].order, 0, "for order 0")
t.eq(ooms[#ooms].what, "killed", "and killed")
t.eq(ooms[#ooms].name, "big", "the largest task")
t.eq(mm.tasks()[1].name, "small", "big is gone")
t.ok(mm.check(), "invariants")

-- a callback that raises in the middle of the model's work (expand, with a
-- block in flight) is switched off there; the model finishes the request
-- whole (found by fuzz_lua: the block stayed "in flight" and was counted twice)
mm.exec("machine tiny")
mm.on("stage", function(e) error("boom") end, { func = "expand" })
local big = assert(mm.alloc_pages("GFP_KERNEL", 5))
t.eq(big.order, 5, "the order-5 request still succeeds")
t.ok(mm.check(), "invariants after a callback raised mid-expand")
print("events ok")
