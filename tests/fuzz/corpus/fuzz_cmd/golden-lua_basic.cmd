# machine: tests/cmd/machines/tiny-noslab.machine
# Lua on the command line: a chunk per line, or a block left open that
# goes on over the next lines; `lua EXPR` shows the value; an error names
# file:line and prints a traceback, and the program goes on; CMD --lua
# prints what a script writes for CMD, and runs to the same page.
lua p = mm.alloc_pages("GFP_KERNEL", 3)
lua print(p, p.zone, p.migratetype)
lua for order = 0, 3 do
  local fa = mm.zone("Normal").free_area[order]
  print(order, fa.nr_free, fa.Unmovable) -- '#' and ';' belong to Lua here; x = #fa
end
lua mm.page(p.pfn)
lua p:free(); print(p)
lua p.pfn
lua mm.alloc_pages("GFP_KERNEL", 11)
lua print(1 +* 2)
lua mm.alloc_pages("GFP_ATOMIC", 10, {step = true})
lua mm.stage()
lua mm.continue()
alloc_pages GFP_KERNEL 3 --lua
alloc_pages -c 1 GFP_KERNEL|__GFP_COLD 0 --step --lua
free_pages 0x3c28 3 --lua
cat /proc/buddyinfo /proc/vmstat --lua
sysctl vm.min_free_kbytes=2048 --lua
task spawn hog 300 --lua
show freelists --lua
lua ui.say("narration reads\nlike this")
lua print(mm.exec("cpu"))
lua mm.exec("lua print(1)")
lua os.execute("true")
source tests/lua/nosuch.lua
source
trust
check
