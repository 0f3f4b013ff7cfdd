-- description: kmalloc size classes and internal fragmentation, from 1 byte to the 4 MiB limit
-- category: slab
--
-- Walkthrough 7.  kmalloc(size) is SLAB underneath: 3.10 rounds the size
-- up to one of the kmalloc-N caches (powers of two from 32, plus 96 and
-- 192) and hands out an object of that cache.  ksize() tells the caller
-- how much it may really use; the rest of the slot is internal
-- fragmentation.  Every claim is checked against the model.

local walk = require("lib.walk")
local check, step = walk.check, walk.step

-- the kmalloc cache 3.10 picks for size (kmalloc_index with
-- KMALLOC_MIN_SIZE 32: the 96 and 192 classes exist)
local function expected_class(size)
	if size <= 32 then
		return 32
	elseif size > 64 and size <= 96 then
		return 96
	elseif size > 128 and size <= 192 then
		return 192
	end
	local c = 64
	while c < size do
		c = c * 2
	end
	return c
end

walk.require_api(1)
mm.exec("machine tiny")
ui.layout("slab")
ui.focus("slab")

-- which cache an address belongs to: the kmalloc tracepoint says
local function kmalloc_traced(size)
	local seen
	local id = mm.on("kmalloc", function(e)
		seen = e
	end)
	local addr, why = mm.kmalloc(size)
	mm.off(id)
	check(addr ~= nil, "kmalloc(%d) succeeds: %s", size, tostring(why))
	check(seen and seen.ptr == addr, "the kmalloc tracepoint reported %d bytes at 0x%x", size, addr)
	return addr, seen
end

step([[
kmalloc size classes on the tiny machine.  Each size below is
kmalloc'ed once; the table shows the cache that served it, ksize() (the
cache's object_size: what the caller may use), the slot it really
occupies (the cache's size, alignment included), and the waste.]])

local sizes = { 1, 8, 24, 32, 33, 64, 65, 96, 97, 100, 128, 129, 192, 193, 256, 300, 512, 513,
		1000, 1024, 1025, 2048, 2049, 3000, 4096, 4097, 6000, 8192 }
local rows = { string.format("%8s  %-14s %6s %6s %7s", "request", "cache", "ksize", "slot",
	"waste") }
local total_req, total_slot = 0, 0
local addrs = {}
for _, size in ipairs(sizes) do
	local addr, ev = kmalloc_traced(size)
	addrs[#addrs + 1] = addr
	local class = expected_class(size)
	local name = "kmalloc-" .. class
	check(ev.cache == name, "kmalloc(%d) is served by %s (got %s)", size, name, tostring(ev.cache))
	local k = mm.cache(name):info()
	local ksize = mm.ksize(addr)
	check(ksize == k.object_size and ksize == class, "ksize of a %s object is %d (got %d)", name,
		class, ksize)
	check(ksize >= size, "ksize %d covers the %d bytes asked for", ksize, size)
	check(ev.bytes_req == size and ev.bytes_alloc == k.size,
		"the tracepoint says bytes_req=%d bytes_alloc=%d (%d, %d)", size, k.size, ev.bytes_req,
		ev.bytes_alloc)
	total_req, total_slot = total_req + size, total_slot + k.size
	rows[#rows + 1] = string.format("%8d  %-14s %6d %6d %6.1f%%", size, name, ksize, k.size,
		100 * (k.size - size) / k.size)
end
step(table.concat(rows, "\n"))

-- the two odd classes
local k96 = mm.cache("kmalloc-96"):info()
check(k96.size == 128 and k96.object_size == 96,
	"kmalloc-96 objects occupy 128-byte slots (object_size %d, size %d)", k96.object_size, k96.size)
check(k96.flags:find("SLAB_HWCACHE_ALIGN", 1, true) ~= nil, "kmalloc caches are SLAB_HWCACHE_ALIGN")
local k192 = mm.cache("kmalloc-192"):info()
check(k192.size == 192, "kmalloc-192 objects fit 192-byte slots (%d)", k192.size)
step(string.format([[
kmalloc-96 and kmalloc-192 exist so that 65..96 and 129..192 byte
requests do not waste half of a 128- or 256-byte object.  But the kmalloc
caches are created SLAB_HWCACHE_ALIGN: on x86_64 a 96-byte object is
aligned to a 64-byte cache line, so kmalloc-96 packs %d objects of %d
bytes per slab, the same as kmalloc-128; ksize still says 96.
kmalloc-192 (a multiple of 64) really saves space: %d per slab.
Over the %d requests above, %d bytes asked for took %d bytes of slots:
%.1f%% internal fragmentation.]],
	k96.num, k96.size, k192.num, #sizes, total_req, total_slot,
	100 * (total_slot - total_req) / total_slot))

-- large sizes: a kmalloc cache per power of two up to KMALLOC_MAX_SIZE
local max = 4 * 1024 * 1024
local addr, ev = kmalloc_traced(max)
check(ev.cache == "kmalloc-4194304", "kmalloc(4 MiB) comes from kmalloc-4194304 (%s)",
	tostring(ev.cache))
local big = mm.cache("kmalloc-4194304"):info()
check(big.gfporder == 10 and big.num == 1, "one object per order-10 slab (order %d, %d objects)",
	big.gfporder, big.num)
mm.kfree(addr)
local none, why = mm.kmalloc(max + 1)
check(none == nil, "kmalloc(4 MiB + 1) returns NULL")
check(why and why:find("KMALLOC_MAX_SIZE", 1, true) ~= nil, "because of KMALLOC_MAX_SIZE: %s",
	tostring(why))
step(string.format([[
In 3.10 SLAB the largest kmalloc cache is kmalloc-4194304: one object in
an order-10 slab (MAX_ORDER - 1: the largest block the buddy allocator
has).  kmalloc(4194304) works; kmalloc(4194305) does not:
  %s]], why))

for _, a in ipairs(addrs) do
	mm.kfree(a)
end
local ok, msg = mm.check()
check(ok, "the invariant checker agrees: %s", tostring(msg))
ui.say("Done: size classes, ksize, slot size, waste, and the KMALLOC_MAX_SIZE limit.")
