-- description: SLAB: a cache's geometry, cache_grow, array cache refill and flush, slab lists, colouring, cache_reap
-- category: slab
--
-- Walkthrough 6.  The 3.10 SLAB allocator: a kmem_cache carves slabs (one
-- or more pages) into equal objects; each node keeps its slabs on three
-- lists (full, partial, free); each cpu keeps an array_cache, a stack of
-- free object pointers, so that most kmem_cache_alloc/free calls touch
-- neither the slabs nor a lock.  Colouring starts successive slabs at
-- different cache-line offsets.  Every claim is checked against the model.

local walk = require("lib.walk")
local check, step = walk.check, walk.step

local BATCHREFILL_LIMIT = 16 -- mm/slab.c: a cold array refills at most this many

walk.require_api(1)
mm.exec("machine tiny")
ui.layout("slab")
ui.focus("slab")

-- 1. kmem_cache_create: the geometry
local cache = mm.kmem_cache_create("demo", 200)
local info = cache:info()
local slab_bytes = mm.machine().page_size << info.gfporder
check(not info.off_slab, "the slab management sits on the slab itself")
check(info.num * info.size + info.slab_size + info.left_over == slab_bytes,
	"num * size + slab_size + left_over fills the slab: %d * %d + %d + %d = %d",
	info.num, info.size, info.slab_size, info.left_over, slab_bytes)
check(info.colour == info.left_over // info.colour_off, "colour = left_over / colour_off = %d (%d)",
	info.left_over // info.colour_off, info.colour)
check(info.limit == 120, "objects of at most 256 bytes get an array limit of 120 (%d)", info.limit)
check(info.batchcount == (info.limit + 1) // 2, "batchcount = (limit + 1) / 2 (%d)", info.batchcount)
check(info.slabs.full + info.slabs.partial + info.slabs.free == 0, "a new cache has no slabs")
step(string.format([[
SLAB on the tiny machine.  kmem_cache_create("demo", 200) computed:
  %d objects of %d bytes per slab of %d page(s) (gfporder %d);
  the slab's management (struct slab + one kmem_bufctl_t per object)
  takes slab_size = %d bytes at its start; left_over = %d bytes;
  colour = left_over / colour_off = %d / %d = %d colours;
  per-cpu array limit %d, batchcount %d, shared array factor %d.
No slab exists yet.]],
	info.num, info.size, 1 << info.gfporder, info.gfporder, info.slab_size, info.left_over,
	info.left_over, info.colour_off, info.colour, info.limit, info.batchcount, info.shared))

-- watch the slabs being made: cache_grow's entry gives the colour offset
local grows = {}
mm.on("stage", function(e)
	if e.kind == "enter" then
		grows[#grows + 1] = tonumber(e.reason:match("colour offset (%d+)"))
	end
end, { func = "cache_grow" })

-- 2. the first allocation: refill, cache_grow
local objs = {}
objs[1] = assert(cache:alloc())
info = cache:info()
local refill = math.min(info.batchcount, BATCHREFILL_LIMIT)
check(#grows == 1, "the first allocation grew the cache by one slab (%d)", #grows)
check(info.array[0].avail == refill - 1,
	"cpu0's array holds min(batchcount, BATCHREFILL_LIMIT) - 1 = %d objects (%d)", refill - 1,
	info.array[0].avail)
check(info.slabs.partial == 1 and info.slabs.full == 0, "the new slab is on slabs_partial")
check(info.free_objects == info.num - refill, "%d objects are still free in the slab (%d)",
	info.num - refill, info.free_objects)
step(string.format([[
kmem_cache_alloc: cpu0's array_cache was empty, so cache_alloc_refill ran.
The node had no slabs, so cache_grow took %d page(s) from the buddy
allocator and made a slab (colour offset %d).  The refill then moved
objects into the array: not batchcount = %d, because an untouched array
refills at most BATCHREFILL_LIMIT = %d.  One was handed out, %d wait in
the array, %d are still free in the slab, which is now partial.]],
	1 << info.gfporder, grows[1], info.batchcount, BATCHREFILL_LIMIT, info.array[0].avail,
	info.free_objects))

-- 3. allocate on: the array empties, the slab fills up, new slabs come
for i = 2, refill do
	objs[i] = assert(cache:alloc())
end
info = cache:info()
check(info.array[0].avail == 0, "after %d allocations the array is empty (%d)", refill,
	info.array[0].avail)
objs[#objs + 1] = assert(cache:alloc())
info = cache:info()
check(info.slabs.full == 1 and info.slabs.partial == 0,
	"the refill took the last free objects: the slab moved to slabs_full")
check(info.array[0].avail == info.num - refill - 1,
	"the array got the %d objects the slab had left, one handed out (%d)", info.num - refill,
	info.array[0].avail)
step(string.format([[
%d more allocations came straight from the array (LIFO: the last object
pushed is the first handed out) until it was empty.  The next refill
found the slab with %d free objects, took them all, and the slab moved
from slabs_partial to slabs_full: every object in it is either allocated
or cached in an array.]], refill - 1, info.num - refill))

while #grows < info.colour + 2 do
	objs[#objs + 1] = assert(cache:alloc())
end
info = cache:info()
for k, off in ipairs(grows) do
	local want = ((k - 1) % info.colour) * info.colour_off
	check(off == want, "slab %d starts at colour offset %d (got %d)", k, want, off)
end
local offsets = {}
for k, off in ipairs(grows) do
	offsets[k] = tostring(off)
end
step(string.format([[
More allocations, more slabs.  Each cache_grow shifts the slab's
contents (management, then objects) by colour_next * colour_off bytes
and advances colour_next, wrapping at colour = %d: the colour offsets of
the %d slabs were %s.  Objects at the same index in different slabs thus
fall in different cache lines.
slabs_full %d, slabs_partial %d, slabs_free %d.]],
	info.colour, #grows, table.concat(offsets, ", "), info.slabs.full, info.slabs.partial,
	info.slabs.free))

-- 4. free everything: the array fills up, cache_flusharray
while #objs < info.limit + info.batchcount do
	objs[#objs + 1] = assert(cache:alloc())
end
local flush = {}
mm.on("stage", function(e)
	if e.kind == "enter" then
		local c = mm.cache("demo"):info()
		flush[#flush + 1] = { avail = c.array[0].avail, shared = c.shared_array.avail }
	elseif e.kind == "note" then
		flush[#flush].note = e.reason
	end
end, { func = "cache_flusharray" })
local first_flush
for i = 1, #objs do
	cache:free(objs[i])
	if #flush == 1 and not first_flush then
		first_flush = i
		info = cache:info()
		check(flush[1].avail == info.limit, "the flush came when the array was full (%d of %d)",
			flush[1].avail, info.limit)
		check(info.array[0].avail == info.limit - info.batchcount + 1,
			"it moved batchcount = %d objects out; with the freed one, %d remain (%d)",
			info.batchcount, info.limit - info.batchcount + 1, info.array[0].avail)
		check(info.shared_array.avail == flush[1].shared + info.batchcount,
			"the oldest %d went to the shared array (%d)", info.batchcount, info.shared_array.avail)
		step(string.format([[
Now the %d objects are freed one by one.  Each free pushes the object
onto cpu0's array.  Free number %d found the array full (%d = limit):
__cache_free called cache_flusharray, which moved the oldest batchcount =
%d objects (the bottom of the stack) to the node's shared array
("%s"), then pushed the freed object:
the array holds %d.
The objects are still not back in their slabs.]],
			#objs, i, info.limit, info.batchcount, flush[1].note or "",
			info.array[0].avail))
	end
end
check(first_flush ~= nil, "freeing %d objects flushed the array", #objs)
info = cache:info()
check(info.slabs.partial == 0 and info.slabs.free == 0,
	"objects in arrays still count as in use: every slab is full (%d full)", info.slabs.full)

-- 5. cache_reap: the arrays drain back into the slabs, slabs move lists
local nslabs = info.slabs.full
local seen_partial, seen_free, destroyed = false, false, 0
mm.on("stage", function(e)
	if e.reason:find("demo: slab at pfn", 1, true) then
		destroyed = destroyed + 1
	end
end, { func = "slab_destroy" })
local t = 0
repeat
	mm.tick(100)
	t = t + 100
	info = cache:info()
	seen_partial = seen_partial or info.slabs.partial > 0
	seen_free = seen_free or info.slabs.free > 0
until (info.array[0].avail == 0 and info.shared_array.avail == 0 and info.slabs.full == 0) or
	t >= 20000
check(info.array[0].avail == 0 and info.shared_array.avail == 0,
	"after %d jiffies cache_reap has drained cpu0's and the shared array (%d, %d)", t,
	info.array[0].avail, info.shared_array.avail)
check(info.slabs.full == 0, "no slab is full any more (%d)", info.slabs.full)
check(seen_partial and seen_free, "slabs went from full through partial to free")
step(string.format([[
Then time passed (%d jiffies).  Every 2 seconds each cpu runs
cache_reap: an array not touched since the last pass gives up to a
fifth of its limit back (drain_array -> free_block), the shared array
too.  Objects went back to their slabs, which moved from slabs_full to
slabs_partial to slabs_free.  Free slabs that stay unused are given back
to the buddy allocator (drain_freelist): %d slabs destroyed so far, %d of %d left.]],
	t, destroyed, info.slabs.free + info.slabs.partial, nslabs))

-- 6. shrink and destroy
cache:shrink()
info = cache:info()
check(info.slabs.free == 0 and info.slabs.partial == 0, "kmem_cache_shrink released the free slabs")
cache:destroy()
local ok, err = pcall(function()
	return cache:info()
end)
check(not ok and tostring(err):find("invalid reference", 1, true),
	"the handle of a destroyed cache is an invalid reference (%s)", tostring(err))
local ok2, msg = mm.check()
check(ok2, "the invariant checker agrees: %s", tostring(msg))
ui.say("Done: geometry, grow, refill, flush, colour, reap, shrink, destroy.")
