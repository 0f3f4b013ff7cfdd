-- description: Narration, arguments and an error, for tests/cmd/lua_source
-- category: test
-- args: [ORDER]  the order to allocate (default 0)
local order = tonumber((...)) or 0
ui.say(("An order-%d allocation on cpu1,\nthen freed."):format(order))
local page = assert(mm.alloc_pages("GFP_KERNEL", order, {cpu = 1}))
print(("pfn 0x%x order %d"):format(page.pfn, page.order), arg[0], #arg)
page:free()
local function deeper()
	error("a deliberate error, to show the traceback")
end
deeper()
print("not reached")
