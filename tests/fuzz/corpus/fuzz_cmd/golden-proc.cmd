# machine: tests/cmd/machines/x86_64-4g-noslab.machine
# The /proc files and the one sysctl, on the default machine.
machine
show zones
cat /proc/buddyinfo
cat /proc/pagetypeinfo
sysctl vm.min_free_kbytes
sysctl vm.min_free_kbytes=16384
show zones
sysctl vm.min_free_kbytes=-1
sysctl
cat /proc/zoneinfo
check
