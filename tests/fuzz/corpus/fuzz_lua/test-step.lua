-- machine: tests/cmd/machines/tiny-noslab.machine
-- Step control from Lua: a stepped allocation, stage(), step/next/finish/
-- continue, breakpoints, and a handle filled when its request finishes.
local t = require("tests.lua.testlib")

local p = mm.alloc_pages("GFP_KERNEL", 1, {step = true})
t.eq(p.pending, true, "pending")
t.eq(p.state, "pending", "state")
t.eq(p.pfn, nil, "no pfn yet")
t.raises("bad argument #1 to 'free_pages' (the page's allocation has not finished)", mm.free_pages, p)

local s = mm.stage()
t.eq(s.func, "__alloc_pages_nodemask", "stopped at the entry")
t.eq(s.kind, "enter", "kind")
t.eq(s.state, "stopped", "state")
t.eq(s.request, "alloc_pages", "request")
t.eq(s.order, 1, "order")
t.eq(s.cpu, 0, "cpu")
t.eq(s.depth, 1, "depth")
t.eq(s.frames[1].func, "__alloc_pages_nodemask", "frames, innermost first")
t.ok(s.reason:find("order 1", 1, true), "reason: " .. s.reason)
t.eq(mm.stage(1), nil, "cpu1 runs nothing")

-- step into: one stage point further; the result is the new stage
local s2 = mm.step()
t.eq(s2.func, "get_page_from_freelist", "step")
t.eq(s2.depth, 2, "one deeper")
t.eq(mm.next().func, "zone_watermark_ok", "next")
-- finish leaves the current function
local s3 = mm.finish()
t.eq(type(s3), "table", "still running after finish")
-- continue runs to the end: the result is the page, and the handle is it
local r = mm.continue()
t.ok(rawequal(r, p), "continue returns the same handle")
t.eq(p.pending, false, "no longer pending")
t.eq(p.order, 1, "order")
t.eq(mm.page(p.pfn).state, "allocated", "allocated")
t.eq(mm.stage(), nil, "nothing stopped")
t.raises("step: no request is stopped on cpu0", mm.step)

-- a typed command finishing the request fills the handle as well
local q = mm.alloc_pages("GFP_KERNEL", 0, {step = true, cpu = 1})
mm.exec("cpu 1; continue")
t.eq(q.pending, false, "filled by a typed continue")
t.eq(q.cpu, 1, "on cpu1")
t.eq(mm.page(q.pfn).state, "allocated", "allocated")
mm.cpu(0)

-- breakpoints: break FUNC [min_order]; a request without step stops there
local id = mm["break"]("__rmqueue_smallest", 2)
t.eq(mm.break_, mm["break"], "break_ is break")
t.eq(mm.breakpoints()[1].func, "__rmqueue_smallest", "listed")
t.eq(mm.breakpoints()[1].min_order, 2, "its condition")
local small = mm.alloc_pages("GFP_KERNEL", 0) -- below min_order: not stopped
t.eq(small.pending, false, "order 0 runs through")
local b = mm.alloc_pages("GFP_KERNEL", 2)
t.eq(b.pending, true, "stopped at the breakpoint")
t.eq(mm.stage().breakpoint, id, "which breakpoint")
t.eq(mm.stage().func, "__rmqueue_smallest", "where")
t.eq(mm.delete(id), true, "delete")
t.raises("no breakpoint", mm.delete, id)
t.raises("no stage point named 'nosuch'", mm["break"], "nosuch")
local done = mm.continue()
t.eq(done.order, 2, "the page")
t.eq(b.order, 2, "handle filled")

-- while a request is stopped, frees run as requests too, as the command's do
local w = mm.alloc_pages("GFP_KERNEL", 0, {step = true})
t.eq(mm.free_pages(small, {cpu = 1}), true, "free while another request is stopped")
mm.continue()
t.eq(w.pending, false, "finished")

-- the --lua forms
t.eq(mm.exec("break expand if order>=2 --lua"), 'mm["break"]("expand", 2)\n', "--lua break")
t.eq(mm.exec("finish --lua"), "mm.finish()\n", "--lua finish")
t.ok(mm.check(), "invariants")
print("step ok")
