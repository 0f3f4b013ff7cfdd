-- machine: x86_64-4g
-- The model's state as plain tables: zones, zone, page, vmstat, proc,
-- machine, check.
local t = require("tests.lua.testlib")

local m = mm.machine()
t.eq(m.name, "x86_64-4g", "machine name")
t.eq(m.arch, "x86_64", "arch")
t.eq(m.cpus, 2, "cpus")
t.eq(m.max_order, 10, "max_order")
t.eq(m.page_size, 4096, "page_size")
t.eq(m.hz, 100, "hz")
t.eq(m.slab, true, "slab")
t.eq(table.concat(m.zones, ","), "DMA,DMA32,Normal,Movable", "zone names")

local zones = mm.zones()
t.eq(#zones, 4, "#zones")
t.eq(zones[1].name, "DMA", "zones are a 1-based array")
local normal = mm.zone("Normal")
t.eq(normal.name, "Normal", "zone(name)")
t.eq(mm.zone("Nope"), nil, "zone of an unknown name")
t.ok(normal.min < normal.low and normal.low < normal.high, "watermarks")
t.eq(normal.lowmem_reserve.Normal, 0, "lowmem_reserve by zone name")

-- free_area is keyed by order 0..10; its counts add up to the free pages
local sum = 0
for order = 0, 10 do
	local fa = normal.free_area[order]
	local bytype = 0
	for _, mt in ipairs({"Unmovable", "Reclaimable", "Movable", "Reserve", "Isolate"}) do
		bytype = bytype + fa[mt]
	end
	t.eq(bytype, fa.nr_free, "order " .. order .. " nr_free")
	sum = sum + fa.nr_free * (1 << order)
end
t.eq(normal.free_area[11], nil, "no order 11")
-- pages on the pcp lists left NR_FREE_PAGES when rmqueue_bulk took them
t.eq(sum, normal.free, "free_area adds up to NR_FREE_PAGES")

-- pcp lists, per cpu (0-based), pfns head first
local p = mm.alloc_pages("GFP_KERNEL", 0)
t.eq(p.zone, "Normal", "GFP_KERNEL comes from Normal here")
p:free()
local lists = mm.zone("Normal").pcp[0].lists
t.ok(#lists.Unmovable > 0, "the freed page is on cpu0's Unmovable pcp list")
local pg = mm.page(lists.Unmovable[1])
t.eq(pg.state, "pcp", "page on a pcp list")
t.eq(pg.cpu, 0, "its cpu")
t.eq(pg.migratetype, "Unmovable", "its list")
t.eq(mm.zone("Normal").pcp[0].count, #lists.Unmovable + #lists.Reclaimable + #lists.Movable, "pcp count")

local free = mm.page(mm.zone("Normal").start_pfn)
t.ok(free.state == "free" or free.state == "allocated" or free.state == "reserved", "a state name")
t.raises("bad argument #1 to 'page' (pfn must be 0..0x", mm.page, -1)

-- vmstat as numbers; /proc text as strings
local vm = mm.vmstat()
t.ok(vm.nr_free_pages > 0, "nr_free_pages")
t.eq(math.type(vm.pgalloc_normal), "integer", "pgalloc_normal")
t.ok(mm.proc("buddyinfo"):find("^Node 0, zone      DMA"), "buddyinfo")
t.eq(mm.proc("/proc/buddyinfo"), mm.proc("buddyinfo"), "with or without /proc/")
t.eq(mm.proc("vmstat"), mm.exec("cat /proc/vmstat"), "the same text as cat")
local none, err = mm.proc("nosuch")
t.eq(none, nil, "unknown /proc file")
t.eq(err, "cat: /proc/nosuch: No such file or directory", "its error")
t.ok(mm.proc("/sys/kernel/debug/extfrag/unusable_index"), "extfrag")

t.eq(mm.check(), true, "check")
t.eq(mm.stage(), nil, "nothing stopped")
t.eq(#mm.breakpoints(), 0, "no breakpoints")
t.eq(mm.cpu(), 0, "current cpu")
t.eq(mm.cpu(1), 1, "set the cpu")
t.eq(mm.machine().cpu, 1, "machine().cpu")
t.raises("bad argument #1 to 'cpu' (cpu must be 0..1)", mm.cpu, 2)
mm.cpu(0)
print("state ok")
