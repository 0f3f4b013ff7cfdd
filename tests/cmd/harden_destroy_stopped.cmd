# machine: tiny
# Issue 11, repro 1: a cache a stopped request is inside cannot be
# destroyed (it used to be freed under the request: use after free).
# The refusal changes nothing; once the request finished, destroy is
# refused for the object it handed out, as 3.10 refuses it.
check stages on
kmem_cache_create foo 100
kmem_cache_alloc --step foo
kmem_cache_destroy foo
continue
kmem_cache_destroy foo
check
