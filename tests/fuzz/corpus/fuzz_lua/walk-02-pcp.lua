-- description: Hot and cold pages: per-cpu lists, __GFP_COLD from the tail, batch refill and the drain at high
-- category: pages
--
-- Walkthrough 2.  Order-0 pages do not come straight from the buddy lists:
-- each cpu keeps a short list per migrate type (struct per_cpu_pages) so
-- that most allocations and frees never take zone->lock.  The hot end is
-- the head (recently freed, likely still in the cache), the cold end the
-- tail.  buffered_rmqueue refills an empty list with `batch` pages
-- (rmqueue_bulk); free_hot_cold_page gives `batch` pages back once the
-- list reaches `high` (free_pcppages_bulk).  Every claim is checked.

local walk = require("lib.walk")
local check, step, hex = walk.check, walk.step, walk.hex

local function hexlist(pfns)
	local out = {}
	for i, pfn in ipairs(pfns) do
		out[i] = hex(pfn)
	end
	return #out > 0 and table.concat(out, " ") or "(empty)"
end

-- the same pfns, in any order
local function same_pfns(a, b)
	if #a ~= #b then
		return false
	end
	local set = {}
	for _, pfn in ipairs(a) do
		set[pfn] = true
	end
	for _, pfn in ipairs(b) do
		if not set[pfn] then
			return false
		end
	end
	return true
end

-- cpu0's pcp of zone Normal: count, high, batch and its Unmovable list
local function pcp0()
	local p = mm.zone("Normal").pcp[0]
	return p, p.lists.Unmovable
end

-- run fn and collect the events named ev it causes
local function collect(ev, fn, filter)
	local seen = {}
	local id = mm.on(ev, function(e)
		seen[#seen + 1] = e
	end, filter)
	local r = fn()
	mm.off(id)
	return seen, r
end

walk.require_api(1)
mm.exec("machine tiny")
ui.layout("pcp") -- the narration goes to the log panel
ui.focus("pcp")

-- 0. start from empty lists
mm.exec("drain_all_pages")
local p, list = pcp0()
check(p.count == 0 and #list == 0, "cpu0's list is empty after drain_all_pages (count %d)", p.count)
check(p.high == 6 * p.batch, "high = 6 * batch, as zone_pageset_init sets it (%d, %d)", p.high,
	p.batch)
local batch, high = p.batch, p.high
step(string.format([[
Hot and cold pages on the tiny machine.  Each cpu has, per zone, a
per_cpu_pages struct: count, high = %d, batch = %d, and one list per
migrate type.  drain_all_pages emptied cpu0's lists.  Now cpu0 asks for
one page: alloc_pages(GFP_KERNEL, 0).]], high, batch))

-- 1. refill: rmqueue_bulk moves `batch` pages under zone->lock
local refill, page = collect("mm_page_alloc_zone_locked", function()
	return assert(mm.alloc_pages("GFP_KERNEL", 0))
end)
p, list = pcp0()
check(#refill == batch, "rmqueue_bulk took batch = %d pages from the buddy lists (took %d)",
	batch, #refill)
for _, e in ipairs(refill) do
	check(e.percpu_refill == 1, "each was a per-cpu refill (pfn %s)", hex(e.pfn))
end
check(page.pfn == refill[1].pfn, "the page handed out is the first one refilled (%s, got %s)",
	hex(refill[1].pfn), hex(page.pfn))
check(p.count == batch - 1, "the list holds batch - 1 = %d pages (count %d)", batch - 1, p.count)
check(#list == batch - 1 and list[1] == refill[2].pfn and list[#list] == refill[batch].pfn,
	"the rest stay in refill order, hot head first: %s", hexlist(list))
ui.highlight(refill[1].pfn, refill[batch].pfn)
step(string.format([[
The list was empty, so buffered_rmqueue called rmqueue_bulk: under
zone->lock it took batch = %d pages from the buddy lists (three
mm_page_alloc_zone_locked events with percpu_refill=1), put them on the
list and handed out the one at the head, %s.  cpu0's Unmovable list now
holds %d pages, hot to cold: %s.]],
	batch, hex(page.pfn), p.count, hexlist(list)))

-- 2. __GFP_COLD takes the tail
local tail = list[#list]
local cold = assert(mm.alloc_pages("GFP_KERNEL|__GFP_COLD", 0))
p, list = pcp0()
check(cold.pfn == tail, "a __GFP_COLD request takes the cold tail %s (got %s)", hex(tail),
	hex(cold.pfn))
check(p.count == batch - 2, "count dropped to %d (now %d)", batch - 2, p.count)
step(string.format([[
alloc_pages(GFP_KERNEL|__GFP_COLD, 0): a caller that will not touch the
page soon (a DMA buffer, readahead) asks for a cold one.  3.10 takes it
from the tail of the list: %s.  The list is now: %s.]], hex(cold.pfn), hexlist(list)))

-- 3. a free goes to the hot head
local head_before = list[1]
cold:free()
p, list = pcp0()
check(list[1] == tail, "the freed page %s is the new hot head (list %s)", hex(tail), hexlist(list))
check(list[2] == head_before, "the old head %s moved down one (list %s)", hex(head_before),
	hexlist(list))
step(string.format([[
free_pages(%s): free_hot_cold_page puts a freed page at the head, because
its contents are probably still in the cpu's cache and the next
allocation should get it hot.  No zone->lock, no buddy merging: the
page just sits on cpu0's list (%d pages: %s).]], hex(tail), p.count, hexlist(list)))

-- 4. fill the list to high; the free that reaches high drains `batch`
page:free()
local extra = {}
for i = 1, high + batch do
	extra[i] = assert(mm.alloc_pages("GFP_KERNEL", 0))
end
mm.exec("drain_all_pages")
p, list = pcp0()
check(p.count == 0, "the list is empty again (count %d)", p.count)
for i = 1, high - 1 do
	extra[i]:free()
end
p, list = pcp0()
check(p.count == high - 1, "after %d frees count is high - 1 = %d (%d)", high - 1, high - 1, p.count)
local cold_end = {} -- the batch pages at the tail
for i = #list - batch + 1, #list do
	cold_end[#cold_end + 1] = list[i]
end
step(string.format([[
Now %d pages were freed one by one: each went to the head, so the list
holds %d pages, one below high = %d.  Its cold end is %s.
The next free makes count reach high.]], high - 1, p.count, high, hexlist(cold_end)))

local last = extra[high].pfn -- the handle is invalid once the page is freed
local drains = collect("mm_page_pcpu_drain", function()
	extra[high]:free()
end)
p, list = pcp0()
check(#drains == batch, "free_pcppages_bulk gave back batch = %d pages (%d)", batch, #drains)
check(p.count == high - batch, "count fell from high %d to %d (now %d)", high, high - batch,
	p.count)
local drained = {}
for i, e in ipairs(drains) do
	drained[i] = e.pfn
	local pg = mm.page(e.pfn)
	check(pg.state ~= "pcp", "%s left the pcp list (state %s)", hex(e.pfn), pg.state)
end
check(same_pfns(drained, cold_end), "the drained pages are the cold tail %s (got %s)",
	hexlist(cold_end), hexlist(drained))
check(list[1] == last, "the page just freed is the hot head (%s)", hex(list[1]))
step(string.format([[
The free that brought count to high = %d called free_pcppages_bulk:
batch = %d pages from the cold tail (%s) went back to the
buddy lists under zone->lock, where they merge with their buddies like
any freed page.  count is now %d.  The hot pages stay with the cpu.]],
	high, batch, hexlist(drained), p.count))

for i = high + 1, #extra do
	extra[i]:free()
end
local ok, msg = mm.check()
check(ok, "the invariant checker agrees: %s", tostring(msg))
ui.say("Done: refill by rmqueue_bulk, hot head, cold tail, drain at high.")
