-- A handle whose page was freed behind its back (a typed free_pages) and
-- reallocated at the same pfn and order is stale: it must not name, or
-- free, the new allocation.
mm.exec("machine tiny")
local a = assert(mm.alloc_pages("GFP_KERNEL", 3))
local pfn = a.pfn
mm.exec(("free_pages 0x%x"):format(pfn))     -- freed behind the handle's back
local b = assert(mm.alloc_pages("GFP_KERNEL", 3))
assert(b.pfn == pfn, "same pfn came back")
local ok, err = pcall(function() return a.pfn end)
assert(not ok and err:find("invalid reference"), "old handle is stale: " .. tostring(err))
local ok2, err2 = pcall(function() a:free() end)
assert(not ok2 and err2:find("invalid reference"), "old handle cannot free the new page: " .. tostring(err2))
assert(b.pfn == pfn)
b:free()
collectgarbage()
print("aba ok")
