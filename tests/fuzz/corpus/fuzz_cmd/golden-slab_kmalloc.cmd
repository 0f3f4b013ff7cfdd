# machine: x86_64-4g
# The boot caches of kmem_cache_init (spec/slab.md 4.3): kmem_cache and
# the kmalloc caches, newest first in /proc/slabinfo, with the geometry of
# spec 3.6 (kmalloc-96 has a 128-byte stride; 512 and up keep their
# descriptors off-slab in kmalloc-96 or kmalloc-64; from 8192 on the
# slabs grow past order 0; above 128 KiB limit 1) and what boot itself
# allocated from them (arrays, node structs, names, descriptors).
cat /proc/slabinfo
slab kmem_cache
slab kmalloc-32
slab kmalloc-64
slab kmalloc-96
slab kmalloc-128
slab kmalloc-192
slab kmalloc-256
slab kmalloc-512
slab kmalloc-1024
slab kmalloc-2048
slab kmalloc-4096
slab kmalloc-8192
slab kmalloc-16384
slab kmalloc-32768
slab kmalloc-65536
slab kmalloc-131072
slab kmalloc-262144
slab kmalloc-524288
slab kmalloc-1048576
slab kmalloc-2097152
slab kmalloc-4194304
slab dma-kmalloc-96
slab dma-kmalloc-8192
check
