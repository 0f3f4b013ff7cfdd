-- description: Migrate types: a fallback steals a pageblock, unmovable pages pollute movable ones, compaction makes an order-4 block
-- category: pages
--
-- Walkthrough 4.  Free memory is grouped by mobility: every pageblock
-- (512 pages here) has a migrate type, and each type has its own free
-- lists.  When a type runs out, __rmqueue_fallback takes a block from
-- another type, the largest first: a big one is stolen whole (the
-- pageblock changes type), a small one is just used, and then an
-- unmovable page sits in a movable pageblock for good.  Compaction moves
-- movable pages together so that free pages merge into large blocks.
-- Runs on scripts/machines/frag.machine: one small zone away from pfn 0.

local walk = require("lib.walk")
local check, step, hex = walk.check, walk.step, walk.hex

-- the machine file sits next to this script
walk.require_api(1)
local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
mm.exec("machine " .. here .. "/machines/frag.machine")
ui.layout("lesson")
ui.focus("memmap")

local mach = mm.machine()
local block = 1 << mach.pageblock_order

-- migrate type of every pageblock of zone Normal, and how many of each
local function pageblocks()
	local z = mm.zone("Normal")
	local types, count = {}, {}
	for pfn = z.start_pfn, z.start_pfn + z.spanned - 1, block do
		local t = mm.page(pfn).pageblock
		types[#types + 1] = { pfn = pfn, type = t }
		count[t] = (count[t] or 0) + 1
	end
	return types, count
end

local function type_of_block(pfn)
	return mm.page(pfn - pfn % block).pageblock
end

-- run fn and keep the mm_page_alloc_extfrag events it causes
local function fallbacks(fn)
	local seen = {}
	local id = mm.on("mm_page_alloc_extfrag", function(e)
		seen[#seen + 1] = e
	end)
	local r = fn()
	mm.off(id)
	return seen, r
end

-- 1. a fresh zone: no Unmovable pageblock at all
local _, count = pageblocks()
check((count.Unmovable or 0) == 0, "after boot no pageblock is Unmovable (%d)", count.Unmovable or 0)
step(string.format([[
Migrate types on a small machine: one Normal zone of %d pages in %d
pageblocks of %d pages.  After boot %d pageblocks are Movable, %d is
Reserve and none is Unmovable.  The kernel now wants one page for itself:
alloc_pages(GFP_KERNEL, 0), an Unmovable request.]],
	mm.zone("Normal").spanned, mm.zone("Normal").spanned // block, block, count.Movable or 0,
	count.Reserve or 0))

-- 2. fallback: the Unmovable lists are empty, the largest Movable block is stolen
local ev, page = fallbacks(function()
	return assert(mm.alloc_pages("GFP_KERNEL", 0))
end)
check(#ev == 1, "one fallback happened (%d mm_page_alloc_extfrag events)", #ev)
local e = ev[1]
check(e.migratetype == "Unmovable", "it was for an Unmovable request (%s)", e.migratetype)
check(e.fallback_order == 10, "__rmqueue_fallback took the largest block, order 10 (order %d)",
	e.fallback_order)
check(e.change_ownership == 1, "and claimed it: change_ownership=1")
check(type_of_block(page.pfn) == "Unmovable", "the pageblock of %s is Unmovable now (%s)",
	hex(page.pfn), type_of_block(page.pfn))
_, count = pageblocks()
check(count.Unmovable == 2, "an order-10 block spans two pageblocks, both Unmovable now (%d)",
	count.Unmovable)
ui.highlight(page.pfn - page.pfn % (2 * block), page.pfn - page.pfn % (2 * block) + 2 * block - 1)
step(string.format([[
No Unmovable block was free, so __rmqueue_fallback looked at the
fallback types, largest block first, and took the order-10 Movable block
at %s.  A block that large is stolen whole (mm_page_alloc_extfrag
fallback_order=10 change_ownership=1): its two pageblocks became
Unmovable, the rest of it went onto the Unmovable free lists, and the
page %s came out of it.  fragmenting=0: nothing foreign was left behind.]],
	hex(page.pfn - page.pfn % (2 * block)), hex(page.pfn)))

-- 3. fill the zone with movable pages, leaving single-page holes
local min_kb = mm.sysctl("vm.min_free_kbytes")
page:free()
mm.sysctl("vm.min_free_kbytes", 0)
local z = mm.zone("Normal")
local steals = fallbacks(function()
	assert(mm.pagecache_add(z.free - 528))
end)
local a = assert(mm.task_spawn("a", 0))
local b = assert(mm.task_spawn("b", 0))
for i = 1, 260 do
	assert(mm.task_touch(a, i))
	assert(mm.task_touch(b, i))
end
mm.task_exit(b)
mm.sysctl("vm.min_free_kbytes", min_kb)
z = mm.zone("Normal")
check(#steals >= 1 and steals[1].migratetype == "Movable" and steals[1].change_ownership == 1,
	"Movable allocations stole the free Unmovable pageblocks back")
local largest = -1
for order = 0, 10 do
	check(z.free_area[order].Unmovable == 0, "no free Unmovable block of order %d is left", order)
	if z.free_area[order].nr_free > 0 then
		largest = order
	end
end
check(largest >= 0 and largest < 4, "the largest free block is order %d, below 4", largest)
_, count = pageblocks()
step(string.format([[
Then memory filled up with movable pages: the page cache, and two tasks a
and b touching one page each in turn.  When the Movable lists ran dry,
Movable requests stole the free Unmovable pageblocks back
(mm_page_alloc_extfrag events: %d).
Task b exited: its pages left single-page holes between a's.  Now %d pages
are free, no Unmovable block is free anywhere, and the largest free block
is order %d.  %d pageblocks are Movable.]], #steals, z.free, largest, count.Movable))

-- 4. pollution: a small fallback that cannot claim the pageblock
ev, page = fallbacks(function()
	return assert(mm.alloc_pages("GFP_KERNEL", 0))
end)
check(#ev == 1, "the Unmovable request fell back again (%d events)", #ev)
e = ev[1]
local fragmenting = e.fallback_order < mach.pageblock_order and 1 or 0
check(e.fallback_order < 4, "only a small block was there: order %d", e.fallback_order)
check(e.change_ownership == 0, "too small to steal: change_ownership=0")
check(fragmenting == 1, "fragmenting=1: fallback_order %d < pageblock_order %d", e.fallback_order,
	mach.pageblock_order)
check(page.migratetype == "Unmovable", "the page was allocated as Unmovable (%s)", page.migratetype)
check(type_of_block(page.pfn) == "Movable", "but it sits in a Movable pageblock (%s)",
	type_of_block(page.pfn))
local pg = mm.page(page.pfn)
check(pg.state == "allocated" and pg.owner.kind == "kernel",
	"%s is held by the kernel (state %s, owner %s)", hex(page.pfn), pg.state,
	pg.owner and pg.owner.kind or "none")
ui.highlight(page.pfn - page.pfn % block, page.pfn - page.pfn % block + block - 1)
step(string.format([[
Another alloc_pages(GFP_KERNEL, 0).  The fallback found only an order-%d
Movable block: below pageblock_order/2 = %d, 3.10 does not move the
pageblock's free pages or change its type.  It just takes a page:
%s, an Unmovable kernel page inside the Movable pageblock at %s
(mm_page_alloc_extfrag change_ownership=0, fragmenting=1).  It can never be
migrated, so that pageblock can never become one free 512-page block again:
this is how lasting fragmentation starts.  The memory map marks the block.]],
	e.fallback_order, mach.pageblock_order // 2, hex(page.pfn), hex(page.pfn - page.pfn % block)))

-- 5. compaction: an order-4 request with no order-4 block free
local buddy = mm.proc("buddyinfo")
local before = mm.vmstat()
local moved = 0
local id = mm.on("compaction", function(c)
	if c.tracepoint == "mm_compaction_migratepages" then
		moved = moved + (tonumber(c.text:match("nr_migrated=(%d+)")) or 0)
	end
end)
local big, why = mm.alloc_pages("GFP_KERNEL", 4)
mm.off(id)
local after = mm.vmstat()
check(big ~= nil, "the order-4 request succeeded: %s", tostring(why))
check(big.order == 4, "it is an order-4 block (%d)", big.order)
check(after.compact_stall == before.compact_stall + 1, "it went through direct compaction once")
check(after.compact_success == before.compact_success + 1, "and compaction succeeded")
check(after.pgmigrate_success > before.pgmigrate_success and moved > 0,
	"movable pages were migrated (%d)", after.pgmigrate_success - before.pgmigrate_success)
check(after.pgsteal_direct_normal == before.pgsteal_direct_normal,
	"nothing was reclaimed: compaction alone made the block")
ui.highlight(big.pfn, big.pfn + 15)
step(string.format([[
Finally alloc_pages(GFP_KERNEL, 4): 16 contiguous pages, while free
memory is nearly all single pages (/proc/buddyinfo):
%sThe fast path failed the order-4 watermark check, and the slow path ran
direct compaction before any reclaim: the migrate scanner took a's
movable pages from the bottom of the zone, the free scanner found free
pages at the top, and %d pages were migrated.  The freed pages merged
into the order-4 block at %s.  compact_success went %d -> %d.]],
	buddy, after.pgmigrate_success - before.pgmigrate_success, hex(big.pfn),
	before.compact_success, after.compact_success))

local ok, msg = mm.check()
check(ok, "the invariant checker agrees: %s", tostring(msg))
ui.say("Done: stealing, pollution and compaction.")
