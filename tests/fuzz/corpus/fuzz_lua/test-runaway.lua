-- expect-error: runaway.lua:4: script stopped: instruction limit reached
-- A loop that never yields ends the script (exit status 1), not the
-- program.
while true do end
