-- machine: frag
-- requests stopped on two cpus from Lua, with events and commands between
local seen = 0
local id = mm.on("stage_enter", function(ev) seen = seen + 1 end, { cpu = 1 })
mm["break"]("__rmqueue_smallest")
local a = mm.alloc_pages("GFP_KERNEL", 2, { step = true })
mm.step(); mm.next()
local b = mm.alloc_pages("GFP_HIGHUSER_MOVABLE", 0, { cpu = 1, step = true })
mm.cpu(1); mm.step(); mm.finish()
print(mm.exec("bt"), mm.stage())
mm.cpu(1); mm.continue()
mm.cpu(0); mm.continue(); mm.continue()
mm.off(id)
for _, p in ipairs({ a, b }) do if p.state == "allocated" then p:free() end end
mm.tick(50)
assert(mm.check())
print(seen, mm.exec("info stages"))
