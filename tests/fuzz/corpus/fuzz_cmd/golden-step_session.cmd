# machine: tests/cmd/machines/tiny-noslab.machine
# Step mode: a request stops at stage points like a program in a
# debugger.  cpu0 stops inside rmqueue_bulk, holding zone Normal's lock;
# cpu1's request needs that lock and waits, visibly, until cpu0 moves on.
# The checker runs at every stage point throughout.
check stages on
break __rmqueue_smallest
break nosuch
break expand if order>=11
alloc_pages --step GFP_KERNEL 0
step
step
next
bt
continue
bt
delete 1
cpu 1
alloc_pages GFP_KERNEL 0
step
info stages
cpu 0
alloc_pages GFP_KERNEL 0
finish
continue
cpu 1
bt
# a breakpoint with a condition stops a request that is not stepping too
break __rmqueue if order>=1
alloc_pages GFP_KERNEL 0
alloc_pages GFP_KERNEL 2
bt
finish
continue
delete 2
delete 2
continue
check
