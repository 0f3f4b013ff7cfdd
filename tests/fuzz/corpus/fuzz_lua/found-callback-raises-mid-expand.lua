-- machine: tiny
-- (found by fuzz_lua in a mutated walkthrough 01) a stage callback raises
-- inside expand and is switched off there; the block in flight must not be
-- counted twice when the request finishes
mm.exec("machine tiny")
mm.on("stage", function(e) error("boom") end, { func = "expand" })
local p = mm.alloc_pages("GFP_KERNEL", 5)
assert(p and p.order == 5)
