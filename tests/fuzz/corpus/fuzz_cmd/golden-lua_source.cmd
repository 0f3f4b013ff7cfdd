# machine: tests/cmd/machines/tiny-noslab.machine
# source FILE.lua ARGS: the arguments reach the script, narration reads as
# narration, and an error names file and line, prints the traceback and
# leaves the program running.
source tests/lua/scripts/demo.lua 2
source tests/lua/scripts/demo.lua
lua for i = 1,
lua print("a chunk left open takes the next line as its own")
check
