-- machine: tiny
-- SLAB from Lua: caches and their handles, kmalloc, kfree, ksize.
local t = require("tests.lua.testlib")

local c = mm.kmem_cache_create("lua_test", 100, {flags = "SLAB_HWCACHE_ALIGN", ctor = true})
t.eq(tostring(c), "cache 'lua_test'", "tostring")
t.eq(c.name, "lua_test", "name")
t.eq(c.object_size, 100, "object_size")
t.eq(c.size, 128, "size (cache line aligned)")
t.eq(mm.cache("lua_test").id, c.id, "mm.cache finds it")
t.eq(mm.cache("no_such_cache"), nil, "mm.cache of an unknown name")

local info = c:info()
t.eq(info.name, "lua_test", "info.name")
t.eq(info.num, 30, "objects per slab (the slab descriptor is on the slab)")
t.eq(info.gfporder, 0, "gfporder")
t.eq(info.flags, "SLAB_HWCACHE_ALIGN", "flags")
t.eq(info.ctor, true, "ctor")
t.eq(info.slabs.full + info.slabs.partial + info.slabs.free, 0, "no slabs yet")
t.eq(info.active_objs, 0, "slabinfo row merged")

-- allocate: cache_grow makes a slab; the address is in the direct map
local objs = {}
for i = 1, 40 do
	objs[i] = c:alloc()
	t.eq(math.type(objs[i]), "integer", "an address")
end
t.ok(objs[1] >= mm.machine().page_offset, "direct map address")
t.eq(mm.ksize(objs[1]), 100, "ksize (the object size, as 3.10 SLAB says)")
local page = mm.page((objs[1] - mm.machine().page_offset) >> 12)
t.eq(page.owner.kind, "slab", "the object's page belongs to SLAB")
info = c:info()
-- objects waiting in the array caches count as active, as in the kernel
t.eq(info.active_objs, 60, "active_objs")
t.eq(info.num_slabs, 2, "two slabs")
t.ok(info.nr_ctor_calls >= 40, "constructor ran for each object")
t.ok(info.array[0].limit > 0, "array cache of cpu0")

-- the same rows /proc/slabinfo shows
local row
for _, r in ipairs(mm.slabinfo()) do
	if r.name == "lua_test" then row = r end
end
t.eq(row.active_objs, 60, "slabinfo row")
t.eq(row.objsize, 128, "slabinfo objsize")
t.ok(mm.proc("slabinfo"):find("lua_test", 1, true), "/proc/slabinfo")
t.eq(mm.caches()[1].name, "lua_test", "caches(), newest first")

for i = 1, 40 do t.eq(c:free(objs[i]), true, "free") end
t.raises("double free of", c.free, c, objs[1]) -- the core's words
t.eq(c:shrink(), 0, "shrink released every slab")
t.eq(c:destroy(), true, "destroy")
t.raises("invalid reference (cache 'lua_test' was destroyed)", function() return c.name end)
t.raises("invalid reference (cache 'lua_test' was destroyed)", c.alloc, c)
t.raises("invalid reference", c.info, c)

-- kmalloc size classes
local a = mm.kmalloc(100)
t.eq(mm.ksize(a), 128, "kmalloc-128")
local b = mm.kmalloc(1000, "GFP_ATOMIC", {cpu = 1})
t.eq(mm.ksize(b), 1024, "kmalloc-1024")
t.eq(mm.kfree(a), true, "kfree")
t.eq(mm.kfree(b, {cpu = 1}), true, "kfree on cpu1")
t.raises("not a slab object", mm.kfree, 0x1234)
t.raises("not a slab object", mm.ksize, 0x1234)
local none, why = mm.kmalloc(100000000)
t.eq(none, nil, "kmalloc too large")
t.ok(why:find("KMALLOC_MAX_SIZE", 1, true), why)

-- misuse
t.raises("bad argument #1 to 'kmem_cache_create' (string expected, got number)", mm.kmem_cache_create, 1, 2)
t.raises("bad argument #2 to 'kmem_cache_create' (size must be 0..1073741824)", mm.kmem_cache_create, "x", -1)
t.raises("bad argument #3 to 'kmem_cache_create' (unknown slab flag 'SLAB_FOO'", mm.kmem_cache_create,
	"x", 64, {flags = "SLAB_FOO"})
t.raises("bad argument #3 to 'kmem_cache_create' (a shrinker frees reclaimable objects: add SLAB_RECLAIM_ACCOUNT)",
	mm.kmem_cache_create, "x", 64, {shrinker = true})
t.raises("bad argument #3 to 'kmem_cache_create' (align must be 0..4096)", mm.kmem_cache_create, "x", 64, {align = -8})
local r = mm.kmem_cache_create("reclaimable", 64, {flags = "SLAB_RECLAIM_ACCOUNT", shrinker = true, align = 64})
t.eq(r:info().shrinker, true, "shrinker")
t.eq(r:info().align, 64, "align")
t.raises("reclaimable", mm.kmem_cache_create, "reclaimable", 64) -- a duplicate name
t.raises("bad argument #2 to 'alloc' (unknown gfp flag", r.alloc, r, "GFP_NOPE")

-- the --lua forms
t.eq(mm.exec("kmem_cache_create foo 100 64 SLAB_HWCACHE_ALIGN|ctor --lua"),
	'local cache = mm.kmem_cache_create("foo", 100, {align = 64, flags = "SLAB_HWCACHE_ALIGN", ctor = true})\n', "--lua")
t.eq(mm.exec("kmem_cache_alloc -c 1 foo --lua"), 'local obj = mm.cache("foo"):alloc(nil, {cpu = 1})\n', "--lua")
t.eq(mm.exec("kmalloc 100 GFP_ATOMIC --lua"), 'local addr = mm.kmalloc(100, "GFP_ATOMIC")\n', "--lua")
t.eq(mm.exec("kfree 0xffff880000001000 --lua"), "mm.kfree(0xffff880000001000)\n", "--lua")
t.ok(mm.check(), "invariants")
print("slab ok")
