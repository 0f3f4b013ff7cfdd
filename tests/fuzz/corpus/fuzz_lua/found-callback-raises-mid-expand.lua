-- machine: tiny
-- (found by fuzz_lua) a stage callback raises inside expand; the block in flight must not be counted twice
-- description: Buddy split and merge: an order-5 request served from an order-6 block, freed and merged back
-- category: pages
--
-- Walkthrough 1.  The buddy allocator keeps free memory in blocks of 2^order
-- pages, one list per order and migrate type.  A request takes the smallest
-- block that is big enough (__rmqueue_smallest) and splits off the halves it
-- does not need (expand); a free merges a block with its buddy as long as
-- the buddy is free too (__free_one_page).  Every claim below is checked
-- against the model, so the script doubles as a test.

-- a claim that must hold; the message says what was claimed
local walk = require("lib.walk")
local check, step, hex = walk.check, walk.step, walk.hex

local zone = mm.zone

-- free Unmovable blocks of each order in zone Normal
local function unmovable_counts()
	local counts = {}
	local fa = zone("Normal").free_area
	for order = 0, 10 do
		counts[order] = fa[order].Unmovable
	end
	return counts
end

walk.require_api(1)
mm.exec("machine tiny")
ui.layout("lesson")
ui.focus("free_area")

-- 1. the free lists after boot
local before = unmovable_counts()
local smallest
for order = 5, 10 do
	if before[order] > 0 then
		smallest = order
		break
	end
end
check(before[5] == 0, "no free order-5 Unmovable block after boot (found %d)", before[5])
check(smallest == 6, "the smallest Unmovable block of order >= 5 is order 6 (found %s)",
	tostring(smallest))
step(string.format([[
Buddy split and merge on the tiny machine (one Normal zone, 16384 pages).
After boot the Unmovable free lists of zone Normal hold no order-5 block;
the smallest block that could serve an order-5 request (32 pages) is the
order-6 block (64 pages).  Let's ask for 32 pages: alloc_pages(GFP_KERNEL, 5).]]))

-- 2. the request: __rmqueue_smallest takes the order-6 block, expand splits it
local halves = {}
local id = mm.on("stage", function(ev)
	if ev.kind == "note" then
		halves[#hapause+ 1] = ev.reason
	end
end, { func = "expand" })
local page = assert(mm.alloc_pages("GFP_KERNEL", 5))
mm.off(id)

local after = unmovable_counts()
local buddy = page.pfn ~ (1 << 5)
check(page.order == 5, "the page is order 5 (got %d)", page.order)
check(page.zone == "Normal", "the page comes from zone Normal (got %s)", page.zone)
check(page.migratetype == "Unmovable", "GFP_KERNEL is an Unmovable request (got %s)",
	page.migratetype)
check(page.pfn % 64 == 0, "the page is the lower half of an order-6 block (pfn %s)", hex(page.pfn))
check(after[6] == before[6] - 1, "one order-6 block left the lists (%d -> %d)", before[6], after[6])
check(after[5] == before[5] + 1, "one order-5 block joined them (%d -> %d)", before[5], after[5])
check(#halves == 1, "expand put back exactly one half (%d notes)", #halves)
check(halves[1]:find(hex(buddy), 1, true) ~= nil, "expand put back %s: %s", hex(buddy), halves[1])

local upper = mm.page(buddy)
check(upper.state == "free" and upper.order == 5,
	"the upper half %s is a free order-5 block (state %s, order %s)", hex(buddy), upper.state,
	tostring(upper.order))
ui.highlight(page.pfn, page.pfn + 63)
step(string.format([[
__rmqueue_smallest found the Unmovable lists empty at order 5, took the
order-6 block at %s and called expand(): the block is halved, the upper
half %s (order 5) goes to the head of the order-5 free list and the lower
half %s is handed out.  On the Unmovable lists order 6 went %d -> %d, order 5
went %d -> %d.
expand said: %s]],
	hex(page.pfn), hex(buddy), hex(page.pfn), before[6], after[6], before[5], after[5],
	halves[1]))

-- 3. the buddy formula
local grand = page.pfn ~ (1 << 6)
step(string.format([[
Which block is a block's buddy?  Flip the bit of its order:
  buddy_pfn = pfn ^ (1 << order)
  %s ^ (1 << 5) = %s   (our page's buddy: free, so they can merge)
  %s ^ (1 << 6) = %s   (the buddy of the merged order-6 block)]],
	hex(page.pfn), hex(buddy), hex(page.pfn), hex(grand)))

-- 4. free: __free_one_page merges with the free buddy, then stops
local gp = mm.page(grand)
local grand_free = gp.state == "free" and gp.order == 6 and gp.head == grand
check(not grand_free, "the order-6 buddy %s is not a free order-6 block", hex(grand))

local pfn = page.pfn -- the handle is invalid once the page is freed
local merges = {}
id = mm.on("stage", function(ev)
	if ev.kind == "note" then
		merges[#merges + 1] = ev.reason
	end
end, { func = "__free_one_page" })
page:free()
mm.off(id)

local freed = unmovable_counts()
local merged = mm.page(pfn)
check(merged.state == "free" and merged.order == 6,
	"after the free, %s heads a free order-6 block (state %s, order %s)", hex(pfn),
	merged.state, tostring(merged.order))
check(freed[5] == before[5], "the order-5 list is back to %d (now %d)", before[5], freed[5])
check(freed[6] == before[6], "the order-6 list is back to %d (now %d)", before[6], freed[6])
check(#merges >= 1 and merges[1]:find("order 6", 1, true) ~= nil,
	"__free_one_page merged up to order 6: %s", merges[1] or "(no note)")
ui.highlight(pfn, pfn + 63)
step(string.format([[
free_pages(%s, 5): __free_one_page looks at the buddy %s, finds it free
(PageBuddy, order 5), takes it off its list and merges: the block is now
order 6 at %s (the lower of the two pfns).  At order 6 the buddy %s is not
a free order-6 block, so merging stops and the block goes back on the
order-6 list.  The free lists are exactly as they were after boot.
__free_one_page said: %s]],
	hex(pfn), hex(buddy), hex(pfn), hex(grand), merges[1]))

local ok, msg = mm.check()
check(ok, "the invariant checker agrees: %s", tostring(msg))
ui.say("Done: split by expand(), merged back by __free_one_page().")
