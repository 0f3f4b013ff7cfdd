# machine: x86_64-small
# zones DMA and DMA32, four cpus: fallback, lowmem_reserve, per-cpu lists
alloc_pages GFP_DMA 0; alloc_pages GFP_DMA32 4; alloc_pages GFP_KERNEL 10
alloc_pages -c 3 GFP_KERNEL 0; alloc_pages -c 2 GFP_HIGHUSER_MOVABLE|__GFP_COLD 1
kmalloc -c 3 8192; kmalloc 96 GFP_DMA; kmem_cache_create x 5000 0 SLAB_CACHE_DMA
kmem_cache_alloc -c 2 x; kmem_cache_alloc x GFP_DMA
cpu 3
alloc_pages --step GFP_DMA32 2
cpu 2
alloc_pages --step GFP_DMA 0
step; cpu 3; finish; cpu 2; continue; cpu 3; continue
show pcp 3; show zones; cat /proc/zoneinfo; tick 400; check
