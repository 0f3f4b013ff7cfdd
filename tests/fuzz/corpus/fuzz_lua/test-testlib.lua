-- testlib.lua - the few checks the Lua API tests share.  A test fails by
-- raising an error, which makes `mmscope --batch` exit non-zero.
local M = {}

local function show(v)
	if type(v) == "string" then
		return string.format("%q", v)
	end
	return tostring(v)
end

-- got must equal want
function M.eq(got, want, what)
	if got ~= want then
		error(string.format("%s: got %s, want %s", what or "value", show(got), show(want)), 2)
	end
	return got
end

function M.ok(v, what)
	if not v then
		error((what or "assertion") .. " failed", 2)
	end
	return v
end

-- fn(...) must raise an error whose text contains want (plain text)
function M.raises(want, fn, ...)
	local ok, err = pcall(fn, ...)
	if ok then
		error(string.format("expected an error containing %s", show(want)), 2)
	end
	if not tostring(err):find(want, 1, true) then
		error(string.format("error %s does not contain %s", show(tostring(err)), show(want)), 2)
	end
	return err
end

-- the pfn the command line prints ("pfn 0x1a00 order 3 ...")
function M.cmd_pfn(out)
	local pfn = out:match("pfn (0x%x+)")
	assert(pfn, "no pfn in: " .. out)
	return tonumber(pfn)
end

return M
