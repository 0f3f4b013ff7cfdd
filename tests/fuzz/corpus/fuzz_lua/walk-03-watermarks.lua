-- description: Watermarks and kswapd: low wakes kswapd, min holds a reserve, GFP_ATOMIC may dig below it
-- category: pages
--
-- Walkthrough 3.  Every zone has three watermarks derived from
-- vm.min_free_kbytes: min, low = min + min/4, high = min + min/2.  The
-- fast path allocates only while free pages stay above low; below low the
-- slow path wakes kswapd and retries at min; below min only callers that
-- may not sleep (GFP_ATOMIC: ALLOC_HIGH and ALLOC_HARDER) may dig deeper,
-- everyone else must reclaim first.  kswapd reclaims in the background
-- until the zone is above high again.  Every claim is checked.

local walk = require("lib.walk")
local check, step = walk.check, walk.step

-- run fn; also return the exit reasons of func's stage points it passed
local function exits(func, fn)
	local reasons = {}
	local id = mm.on("stage", function(e)
		if e.kind == "exit" then
			reasons[#reasons + 1] = e.reason
		end
	end, { func = func })
	local r, why = fn()
	mm.off(id)
	return reasons, r, why
end

local function normal()
	return mm.zone("Normal")
end

walk.require_api(1)
mm.exec("machine tiny")
ui.layout("lesson")
ui.focus("zones")

-- 1. the watermarks
local z = normal()
check(z.low == z.min + z.min // 4, "low = min + min/4 (%d, %d)", z.low, z.min)
check(z.high == z.min + z.min // 2, "high = min + min/2 (%d, %d)", z.high, z.min)
step(string.format([[
Watermarks and kswapd on the tiny machine.  vm.min_free_kbytes = %d gives
zone Normal (the only zone) min = %d pages, low = min + min/4 = %d and
high = min + min/2 = %d.  %d pages are free.  Let's fill the zone with the
page cache (clean file pages: reclaimable) until it is just above low.]],
	mm.sysctl("vm.min_free_kbytes"), z.min, z.low, z.high, z.free))

-- 2. fill to just above low, without touching it
local target = z.low + 4
assert(mm.pagecache_add(z.free - target))
z = normal()
check(z.free > z.low, "free %d is still above low %d", z.free, z.low)
local kswapd = mm.exec("show lru")
check(kswapd:find("kswapd0: sleeping", 1, true) ~= nil, "kswapd still sleeps:\n%s", kswapd)
step(string.format([[
%d pages are free now, just above low = %d: the fast path still
succeeds at the low watermark and kswapd sleeps.  Now the kernel
allocates single pages (GFP_KERNEL, order 0) until one of them finds the
zone at or below low.]], z.free, z.low))

-- 3. allocate until the low watermark fails and kswapd is woken
local woken
local id = mm.on("kswapd_wake", function(e)
	woken = { zone = e.zone, order = e.order, free = mm.zone("Normal").free }
end)
local pages, n = {}, 0
while not woken do
	n = n + 1
	check(n < 100, "kswapd is woken within 100 allocations")
	pages[n] = assert(mm.alloc_pages("GFP_KERNEL", 0))
end
mm.off(id)
z = normal()
check(woken.zone == "Normal", "kswapd was woken for zone Normal (%s)", tostring(woken.zone))
check(woken.free <= z.low, "it was woken with free %d <= low %d", woken.free, z.low)
check(woken.free > z.min, "the request itself still succeeded at min (free %d > min %d)",
	woken.free, z.min)
kswapd = mm.exec("show lru")
check(kswapd:find("kswapd0: woken", 1, true) ~= nil, "kswapd is marked woken:\n%s", kswapd)
step(string.format([[
Allocation number %d found free = %d <= low = %d: get_page_from_freelist
failed at low, so __alloc_pages_slowpath ran wake_all_kswapd (the
kswapd_wake event fired for zone Normal) and retried at the min
watermark, where it succeeded.  kswapd runs at the next tick.]], n, woken.free, z.low))

-- 4. kswapd reclaims until high
local t = 0
repeat
	mm.tick(1)
	t = t + 1
	z = normal()
until z.free > z.high or t >= 50
local vm = mm.vmstat()
check(z.free > z.high, "after %d ticks kswapd brought free %d above high %d", t, z.free, z.high)
check(vm.pgsteal_kswapd_normal > 0, "kswapd reclaimed pages (pgsteal_kswapd_normal %d)",
	vm.pgsteal_kswapd_normal)
check(vm.pgsteal_direct_normal == 0, "no allocation had to reclaim itself (pgsteal_direct %d)",
	vm.pgsteal_direct_normal)
step(string.format([[
Ticks went by (%d jiffies): kswapd (balance_pgdat) reclaimed %d clean
page-cache pages from the tail of the inactive file list and stopped once
free = %d was above high = %d.  No allocation had to wait: that is what
the gap between low and min is for.]], t, vm.pgsteal_kswapd_normal, z.free, z.high))

-- 5. below min: raise min_free_kbytes over the free count
-- one zone gets all of min_free_kbytes: min = kbytes / 4 pages
local kb = mm.sysctl("vm.min_free_kbytes", (z.free + 100) * 4)
z = normal()
check(z.free < z.min, "with vm.min_free_kbytes = %d, free %d is below min %d", kb, z.free, z.min)
local reduced = z.min - z.min // 2 - (z.min - z.min // 2) // 4
step(string.format([[
Now vm.min_free_kbytes = %d: min = %d, low = %d, high = %d, and only %d
pages are free, below min.  What happens to a request depends on who asks.
GFP_ATOMIC (an interrupt handler: cannot sleep, cannot reclaim) gets
ALLOC_HIGH (min/2) and ALLOC_HARDER (a further quarter): it may use the
zone down to %d pages.]], kb, z.min, z.low, z.high, z.free, reduced))

local flags, atomic, why
local marks = exits("zone_watermark_ok", function()
	local f
	f, atomic, why = exits("gfp_to_alloc_flags", function()
		return mm.alloc_pages("GFP_ATOMIC", 0)
	end)
	flags = f[1]
end)
check(atomic ~= nil, "GFP_ATOMIC succeeds below min: %s", tostring(why))
check(flags and flags:find("ALLOC_HIGH", 1, true) and flags:find("ALLOC_HARDER", 1, true),
	"gfp_to_alloc_flags gave ALLOC_HIGH|ALLOC_HARDER (%s)", tostring(flags))
local last = marks[#marks] or ""
check(last:find(string.format("min %d (reduced to %d)", z.min, reduced), 1, true) and
	last:find("-> ok", 1, true), "the min check passed against %d: %s", reduced, last)
step(string.format([[
GFP_ATOMIC got page 0x%x: gfp_to_alloc_flags said
  %s
and the min watermark check passed against the reduced mark %d.]], atomic.pfn, flags, reduced))

-- 6. GFP_KERNEL at the same point: stopped at min, it must reclaim first
local bp = mm["break"]("__alloc_pages_direct_reclaim")
local free_before = normal().free
local req = mm.alloc_pages("GFP_KERNEL", 0, { step = true })
marks = exits("zone_watermark_ok", function()
	mm.continue()
end)
last = marks[#marks] or ""
check(last:find(string.format("<= min %d ", z.min), 1, true) and last:find("-> fail", 1, true),
	"GFP_KERNEL failed the plain min check: %s", last)
local st = mm.stage()
check(st and st.func == "__alloc_pages_direct_reclaim",
	"GFP_KERNEL stopped at __alloc_pages_direct_reclaim (at %s)", st and st.func or "nothing")
check(normal().free == free_before, "it took no page below min (free %d, was %d)", normal().free,
	free_before)
local frames = {}
for i, f in ipairs(st.frames) do
	frames[i] = f.func
end
check(frames[2] == "__alloc_pages_slowpath" and frames[3] == "__alloc_pages_nodemask",
	"called from the slow path: %s", table.concat(frames, " <- "))
step(string.format([[
The same request as GFP_KERNEL is stopped (a breakpoint) where it ended
up: %s.  It failed at min (no ALLOC_HIGH: it
may sleep), so before any page is handed out it must reclaim some itself.
Call stack:
  %s]], st.func, table.concat(frames, " <- ")))

mm.delete(bp)
mm.continue()
walk.run_to_end()
check(mm.stage() == nil, "the GFP_KERNEL request finished")
check(req.state == "allocated", "after direct reclaim it got a page (%s)", req.state)
vm = mm.vmstat()
check(vm.pgsteal_direct_normal > 0, "it reclaimed pages itself (pgsteal_direct_normal %d)",
	vm.pgsteal_direct_normal)
step(string.format([[
Going on, __alloc_pages_direct_reclaim freed %d page-cache pages itself
(pgsteal_direct_normal).  Free memory was still below min, so the request
slept in wait_iff_congested while kswapd reclaimed too (%d pages by now),
then retried at min and got page 0x%x.  That is the difference:
GFP_ATOMIC digs into the reserve, GFP_KERNEL pays for its page with
reclaim and waiting.]], vm.pgsteal_direct_normal, vm.pgsteal_kswapd_normal, req.pfn))

local ok, msg = mm.check()
check(ok, "the invariant checker agrees: %s", tostring(msg))
ui.say("Done: low wakes kswapd, kswapd stops at high, min keeps a reserve for atomic callers.")
