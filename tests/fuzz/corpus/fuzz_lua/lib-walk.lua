-- scripts/lib/walk.lua - what every walkthrough uses: a claim that must
-- hold, a narrated step that waits for the reader, hex numbers.
--   local walk = require("lib.walk")
local walk = {}

-- A walkthrough says nothing it does not check: a claim that fails stops
-- the script with the claim's words, at the caller's line.
function walk.check(cond, fmt, ...)
	if not cond then
		error("claim failed: " .. string.format(fmt, ...), 2)
	end
end

-- narrate, then wait for a key (headless: go on at once)
function walk.step(text)
	ui.say(text)
	ui.pause()
end

function walk.hex(n)
	return string.format("0x%x", n)
end

-- the API the walkthroughs were written for
function walk.require_api(version)
	walk.check(mm.api_version == version,
		"written for mm.api_version %d (this mmscope has %s)", version,
		tostring(mm.api_version))
end

-- let the stopped request run to its end: continue it, and tick the
-- clock while it sleeps (at most 200 rounds)
function walk.run_to_end()
	for _ = 1, 200 do
		local st = mm.stage()
		if not st then
			return
		end
		if st.state == "sleeping" then
			mm.tick(1)
		else
			mm.continue()
		end
	end
end

return walk
