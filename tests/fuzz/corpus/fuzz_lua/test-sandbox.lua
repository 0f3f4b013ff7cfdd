-- The sandbox: no processes, no native code, no debug, no file writes,
-- text chunks only.  Reading files and the pure libraries stay.
local t = require("tests.lua.testlib")

-- what was taken away answers with the reason, not "call a nil value"
for _, f in ipairs({ "execute", "exit", "remove", "rename", "tmpname", "getenv" }) do
	t.raises("os." .. f .. " is not allowed in the sandbox ('trust on' lifts it)", os[f], "x")
end
t.eq(type(os.clock), "function", "os.clock stays")
t.eq(type(os.time), "function", "os.time stays")
t.raises("io.popen is not allowed in the sandbox", io.popen, "ls")
t.eq(io.read, nil, "io.read (stdin belongs to the program)")
t.raises("io.output is not allowed in the sandbox", io.output, "x")
t.eq(debug, nil, "debug")
t.eq(package.loadlib, nil, "package.loadlib")
t.eq(package.cpath, "", "no C module path")
t.eq(#package.searchers, 2, "preload and Lua searchers only")
t.eq(package.loaded.debug, nil, "debug is not reachable through package.loaded")
t.raises("os.execute is not allowed", package.loaded.os.execute, "ls")
t.raises("module 'debug' not found", require, "debug")

-- writing files is refused; reading is allowed
t.raises("opening a file for writing is not allowed in the sandbox ('trust on' lifts it)",
	io.open, "tests/lua/should-not-exist.txt", "w")
t.raises("opening a file for writing is not allowed", io.open, "tests/lua/should-not-exist.txt", "a+")
t.eq(io.open("tests/lua/should-not-exist.txt", "r"), nil, "no such file")
local f = assert(io.open("tests/lua/sandbox.lua", "r"))
t.eq(f:read("l"), "-- The sandbox: no processes, no native code, no debug, no file writes,", "read a file")
t.eq(f:write("x"), nil, "a file opened for reading cannot be written")
f:close()
local n = 0
for _ in io.lines("tests/lua/sandbox.lua") do n = n + 1 end
t.ok(n > 10, "io.lines")
t.raises("bad argument #1 to 'lines' (string expected, got no value)", io.lines)

-- text chunks only
local bin = string.dump(function() return 1 end)
local fn, err = load(bin)
t.eq(fn, nil, "binary chunk")
t.eq(err, "attempt to load a binary chunk (mode is 't')", "refused")
t.eq(load("return 1 + 1")(), 2, "text chunks load")
t.eq(load("return x", "=env", "b", {x = 5})(), 5, "mode is forced to t, env kept")
t.raises("bad argument #1 to 'loadfile' (string expected, got no value)", loadfile)
t.raises("bad argument #1 to 'dofile' (string expected, got no value)", dofile)
t.eq(require("tests.lua.testlib"), t, "require finds Lua modules")

-- print and io.write go to the output
io.write("io.write", " works\n")
print("sandbox ok")
