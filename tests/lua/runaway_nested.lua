-- expect-error: script stopped: instruction limit reached
-- pcalls nested in functions and in a coroutine do not shield a runaway
-- loop either: each level that catches the error is hit again at its
-- next instruction.
local function inner()
	while true do
		pcall(function() while true do end end)
	end
end
while true do
	local co = coroutine.wrap(function()
		while true do pcall(inner) end
	end)
	pcall(co)
	pcall(coroutine.wrap(inner))
end
