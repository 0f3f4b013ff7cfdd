# machine: tiny
# Machine files at the edges (issue 11, items 8, 9 and 15): each boots as
# the kernel would or is refused in one line, and a refused machine leaves
# the one that runs as it was.
machine tests/cmd/machines/huge.machine
machine tests/cmd/machines/many-cpus.machine
machine tests/cmd/machines/all-reserved.machine
machine
task spawn a 1
# a zone that starts and ends inside one pageblock
machine tests/cmd/machines/zone-in-pageblock.machine
show zones
cat /proc/buddyinfo
show pageblocks
show page 0x100
show page 0xff
alloc_pages GFP_KERNEL 3
task spawn b 8
task list
check
