-- flags: --trust
-- --trust opens the whole standard library.
local t = require("tests.lua.testlib")

t.eq(type(os.execute), "function", "os.execute")
t.eq(type(io.popen), "function", "io.popen")
t.eq(type(debug.traceback), "function", "debug")
t.eq(type(package.loadlib), "function", "package.loadlib")
t.eq(package.loaded.debug, debug, "package.loaded.debug")
print("trust ok")
