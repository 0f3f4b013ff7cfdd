-- machine: tiny
-- issue 11, item 7: a loop that catches every error, the limit's too
while true do pcall(function() while true do end end) end
