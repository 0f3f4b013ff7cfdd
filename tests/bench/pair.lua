-- pair.lua N [LIVE] - for make bench (tests/bench/run.sh): hold LIVE page
-- handles in a table, then allocate and free an order-0 page N times
-- through mm.alloc_pages and page:free().  run.sh runs it with N and 2N
-- and keeps the difference, so booting and the LIVE handles cancel out
-- and what is left is the cost of one pair with LIVE handles alive.
local n = assert(tonumber(arg[1]), "pair.lua N [LIVE]")
local live = tonumber(arg[2]) or 0

local held = {}
for i = 1, live do
	held[i] = assert(mm.alloc_pages("GFP_KERNEL", 0))
end
for _ = 1, n do
	local page = assert(mm.alloc_pages("GFP_KERNEL", 0))
	page:free()
end
print(string.format("pair.lua: %d pairs with %d live handles", n, #held))
