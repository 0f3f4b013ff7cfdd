-- expect-error: runaway_pcall.lua:6: script stopped: instruction limit reached
-- A runaway loop that catches every error with pcall still ends: once
-- stopped, the hook raises again at each instruction until the script
-- unwinds to the host, so the outer loop cannot go on.
while true do
	pcall(function() while true do end end)
end
