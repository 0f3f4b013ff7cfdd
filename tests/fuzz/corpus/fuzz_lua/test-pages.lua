-- machine: tiny
-- The page allocator from Lua: alloc_pages, free_pages, page handles.
local t = require("tests.lua.testlib")

t.eq(mm.api_version, 1, "api_version")

-- a handle carries what the allocation returned
local p = mm.alloc_pages("GFP_KERNEL", 3)
t.eq(math.type(p.pfn), "integer", "pfn")
t.eq(p.order, 3, "order")
t.eq(p.zone, "Normal", "zone")
t.eq(p.migratetype, "Unmovable", "migratetype")
t.eq(p.state, "allocated", "state")
t.eq(p.pending, false, "pending")
t.eq(p.cpu, 0, "cpu")
t.eq(tostring(p), string.format("page 0x%x order 3", p.pfn), "tostring")
t.eq(mm.page(p.pfn).state, "allocated", "page state")
t.eq(mm.page(p.pfn).owner.kind, "kernel", "owner")

-- freeing through the handle; the handle is stale afterwards
t.eq(p:free(), true, "free")
t.raises("invalid reference (page 0x", function() return p.pfn end)
t.raises("invalid reference", p.free, p)
t.raises("invalid reference", mm.free_pages, p)
t.eq(tostring(p):match("%(freed%)$"), "(freed)", "tostring of a freed page")

-- a handle also goes stale when the page is freed some other way
local q = mm.alloc_pages("GFP_KERNEL", 2, {cpu = 1})
t.eq(q.cpu, 1, "cpu option")
mm.free_pages(q.pfn)
t.raises("invalid reference", function() return q.order end)

-- free_pages by pfn, with an order and a cpu
local r = mm.alloc_pages("GFP_KERNEL", 1)
local pfn = r.pfn
t.eq(mm.free_pages(pfn, 1, {cpu = 1}), true, "free_pages(pfn, order, opts)")
t.eq(mm.page(pfn).state ~= "allocated", true, "freed")

-- gfp as a number or with several flags
local z = mm.alloc_pages(0xd0 | 0x8000, 0)
t.eq(z.order, 0, "numeric gfp")
z:free()
local m = mm.alloc_pages("GFP_HIGHUSER_MOVABLE|__GFP_ZERO", 0)
t.eq(m.migratetype, "Movable", "movable")
t.ok(mm.page(m.pfn).flags[1], "flags")
m:free()

-- misuse raises with a clear message
t.raises("bad argument #2 to 'alloc_pages' (order must be 0..10)", mm.alloc_pages, "GFP_KERNEL", 11)
t.raises("bad argument #2 to 'alloc_pages' (order must be 0..10)", mm.alloc_pages, "GFP_KERNEL", -1)
t.raises("bad argument #2 to 'alloc_pages' (integer expected, got no value)", mm.alloc_pages, "GFP_KERNEL")
t.raises("bad argument #2 to 'alloc_pages' (number has no integer representation)", mm.alloc_pages, "GFP_KERNEL", 1.5)
t.raises("bad argument #1 to 'alloc_pages' (unknown gfp flag 'GFP_KERNAL' (did you mean GFP_KERNEL?))",
	mm.alloc_pages, "GFP_KERNAL", 0)
t.raises("bad argument #1 to 'alloc_pages' (string expected, got no value)", mm.alloc_pages)
t.raises("bad argument #1 to 'alloc_pages' (gfp value 0xffffffff has bits outside __GFP_BITS_MASK (0x1ffffff))",
	mm.alloc_pages, 0xffffffff, 0)
t.raises("bad argument #3 to 'alloc_pages' (cpu must be 0..1)", mm.alloc_pages, "GFP_KERNEL", 0, {cpu = 2})
t.raises("bad argument #3 to 'alloc_pages' (unknown option 'cpus')", mm.alloc_pages, "GFP_KERNEL", 0, {cpus = 1})
t.raises("bad argument #1 to 'free_pages' (page or pfn expected, got string)", mm.free_pages, "x")
t.raises("bad argument #1 to 'free_pages' (pfn must be 0..0x3fff)", mm.free_pages, 0x4000)
t.raises("bad argument #2 to 'free_pages' (order must be 0..10)", mm.free_pages, 0x100, 12)
-- a double free is the kernel's Bad page state, raised
local d = mm.alloc_pages("GFP_KERNEL", 0)
local dpfn = d.pfn
d:free()
mm.exec("drain_all_pages")
t.raises("Bad page state", mm.free_pages, dpfn, 0)

-- an allocation that fails returns nil and the model's reason
local big = {}
repeat
	local b, why = mm.alloc_pages("GFP_ATOMIC|__GFP_NOWARN", 10)
	if b then big[#big + 1] = b end
until not b
local none, why = mm.alloc_pages("GFP_ATOMIC|__GFP_NOWARN", 10)
t.eq(none, nil, "failed allocation")
t.ok(type(why) == "string" and #why > 0, "a reason")
t.ok(why:find("Normal", 1, true), "the reason names the zone: " .. why)
for _, b in ipairs(big) do b:free() end

-- the same request typed and scripted gives the same page
mm.exec("machine tiny")
t.raises("invalid reference (the machine was replaced)", function() return big[1].pfn end)
local spfn = mm.alloc_pages("GFP_KERNEL|__GFP_COLD", 2, {cpu = 1}).pfn
mm.exec("machine tiny")
local typed = mm.exec("alloc_pages -c 1 GFP_KERNEL|__GFP_COLD 2")
t.eq(t.cmd_pfn(typed), spfn, "typed and scripted pfn")
t.eq(typed, string.format("pfn 0x%x order 2 zone Normal migratetype Unmovable\n", spfn), "typed output")

-- the --lua form of a command is what a script writes
t.eq(mm.exec("alloc_pages GFP_KERNEL 3 --lua"), 'local page = mm.alloc_pages("GFP_KERNEL", 3)\n', "--lua")
t.eq(mm.exec("alloc_pages -c 1 GFP_KERNEL 0 --step --lua"),
	'local page = mm.alloc_pages("GFP_KERNEL", 0, {cpu = 1, step = true})\n', "--lua with options")
t.eq(mm.exec("free_pages 0x1a00 2 --lua"), "mm.free_pages(0x1a00, 2)\n", "--lua free_pages")
mm.exec("machine tiny")
local chunk = load(mm.exec("alloc_pages GFP_KERNEL 3 --lua") .. "return page")
local lpfn = chunk().pfn
mm.exec("machine tiny")
t.eq(t.cmd_pfn(mm.exec("alloc_pages GFP_KERNEL 3")), lpfn, "--lua runs to the same pfn")
t.ok(mm.check(), "invariants")
print("pages ok")
