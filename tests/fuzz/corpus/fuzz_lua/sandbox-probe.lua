-- machine: tiny
-- what the sandbox refuses, and the mm API given odd values
local function try(...) return pcall(...) end
try(load, string.dump(function() end))
try(require, "os"); try(require, "tests.lua.testlib")
try(io.open, "/tmp/mmscope-fuzz-should-not-exist", "w")
try(mm.exec, "trust on"); try(mm.exec, "source scripts/01-buddy.lua")
try(mm.exec, "lua print(1)"); try(mm.exec, "screenshot /tmp/x.txt")
try(mm.alloc_pages, "GFP_KERNEL", 11); try(mm.alloc_pages, 1.5, 0)
try(mm.alloc_pages, "GFP_KERNAL", 0); try(mm.free_pages, -1)
try(mm.kmalloc, 0); try(mm.kmalloc, 1 << 40); try(mm.kfree, 0)
try(mm.kmem_cache_create, "x", 0); try(mm.cache, "nosuch")
local c = mm.kmem_cache_create("x", 100)
local o = c:alloc(); c:free(o); try(c.free, c, o); c:shrink(); c:destroy()
try(c.alloc, c)
try(mm.tick, -1); try(mm.cpu, 99); try(mm.sysctl, "vm.min_free_kbytes", -5)
try(mm.page, 1 << 60); try(mm.zone, "Nowhere"); try(mm.on, "nosuch", print)
try(ui.layout, "!x"); try(ui.highlight, -1)
print(mm.proc("buddyinfo"), #mm.zones(), mm.machine().name)
