-- A runaway loop and a memory hog are stopped with an error a script can
-- see (and catch once).
local t = require("tests.lua.testlib")

local ok, err = pcall(function() while true do end end)
t.eq(ok, false, "the loop was stopped")
t.ok(err:find("script stopped: instruction limit reached", 1, true), err)

ok, err = pcall(string.rep, "x", 128 << 20)
t.eq(ok, false, "128 MiB string")
t.eq(err, "not enough memory", "the memory cap")
ok, err = pcall(function()
	local big = {}
	for i = 1, 1 << 26 do big[i] = i end
end)
t.eq(ok, false, "a table that grows past the cap")
t.eq(err, "not enough memory", "the memory cap")
collectgarbage()
local fine = string.rep("x", 1 << 20)
t.eq(#fine, 1 << 20, "memory is usable again")
print("limits ok")
