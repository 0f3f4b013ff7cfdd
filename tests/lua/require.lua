-- flags: --trust
-- require in the sandbox loads text only, in the sandbox's environment,
-- from the script's own directory and the walkthrough library (lib.NAME
-- from the scripts directories' lib/); package.path and package.cpath
-- cannot widen that.  This test is trusted: it writes a binary chunk
-- (string.dump) and a sandboxed probe script beside it, then runs the
-- probe with mmscope ($MMSCOPE, which tests/lua/run.sh sets).
local t = require("testlib")

local mmscope = os.getenv("MMSCOPE") or "./mmscope"
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p '" .. dir .. "/sub' '" .. dir .. "/other'"))

local function write(name, data)
	local f = assert(io.open(dir .. "/" .. name, "wb"))
	f:write(data)
	f:close()
end

local bin = string.dump(function() return "binary ran" end)
t.eq(bin:byte(1), 27, "string.dump gives a binary chunk")
write("evil.lua", bin)
write("sub/evil.lua", bin)
write("other/far.luac", bin)
write("other/far.lua", "return 'far away'")
write("good.lua", [[
local ok, err = pcall(os.execute, "true")
return { name = ..., ok = ok, err = err }
]])
write("probe.lua", ([[
local dir = %q
local function refused(name, want)
	local ok, err = pcall(require, name)
	assert(not ok, name .. " was loaded")
	assert(err:find(want, 1, true), "require " .. name .. ": " .. err)
	assert(package.loaded[name] == nil, name .. " is in package.loaded")
end
-- a binary chunk beside the script, or below it, is refused with the reason
refused("evil", "module 'evil': " .. dir .. "/evil.lua is a binary chunk: " ..
	"require loads text only in the sandbox ('trust on' lifts it)")
refused("sub.evil", "module 'sub.evil': " .. dir .. "/sub/evil.lua is a binary chunk")
-- package.path and package.cpath do not widen where require looks
package.path = dir .. "/other/?.luac;" .. dir .. "/other/?.lua;" .. package.path
package.cpath = dir .. "/other/?.so"
refused("far", "module 'far' not found")
-- the searchers a script can reach load text only
assert(#package.searchers == 2, "preload and the sandbox's searcher")
for i, searcher in ipairs(package.searchers) do
	local ok, err = pcall(searcher, "evil")
	assert(i == 1 and ok or (not ok and err:find("binary chunk", 1, true)),
		"searcher " .. i .. ": " .. tostring(err))
end
-- a text module loads, in the sandbox's environment
local good = require("good")
assert(good.name == "good", "the module gets its name")
assert(not good.ok and good.err:find("os.execute is not allowed in the sandbox", 1, true),
	"the module runs sandboxed: " .. tostring(good.err))
-- the walkthrough library
assert(type(require("lib.walk").check) == "function", "lib.walk")
refused("lib.nothing", "no file")
print("probe ok")
]]):format(dir))

-- the probe, sandboxed
local p = assert(io.popen("'" .. mmscope .. "' --machine tiny --batch '" .. dir .. "/probe.lua' 2>&1"))
local out = p:read("a")
local ok = p:close()
t.ok(ok and out:find("probe ok", 1, true), "sandboxed probe:\n" .. out)

-- trusted, the standard searchers (package.path, binary chunks) still work
package.path = dir .. "/?.lua;" .. package.path
t.eq(require("evil"), "binary ran", "a trusted script may require a binary chunk")

os.execute("rm -rf '" .. dir .. "'")
print("require ok")
