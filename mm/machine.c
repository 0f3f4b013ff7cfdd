/*
 * machine.c - building a machine from a description and booting it the way
 * Linux 3.10 does (spec §14), so that the first allocations come back at
 * the pfns a real kernel would hand out.
 *
 * A description names zones (start pfn, pages spanned), holes (pfns that
 * are not RAM) and reserved ranges (RAM never given to the buddy
 * allocator).  Boot then runs the kernel's order of events:
 *   memmap_init_zone      every pageblock whose first pfn lies in its zone
 *                         becomes MOVABLE, the rest stay UNMOVABLE (0)
 *   build_all_zonelists   zonelist highest zone first; mobility grouping
 *                         off when there is too little memory for it
 *   free_all_bootmem      ascending free ranges in BITS_PER_LONG-page
 *                         chunks, order-0 edges through the boot pageset
 *   setup_per_cpu_pageset batch and high from each zone's size
 *   init_per_zone_wmark_min  watermarks, MIGRATE_RESERVE blocks,
 *                         lowmem_reserve
 *
 * struct page costs 32 bytes here; the array is allocated zeroed and only
 * pages that boot has a reason to touch are written, which keeps a 64 GiB
 * machine's boot short.
 */
#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "internal.h"

_Static_assert(sizeof(struct page) <= 32, "struct page must stay within 32 bytes");

/* ---- presets ------------------------------------------------------------- */

const char *const mm_preset_names[] = { "tiny", "i386-1g", "x86_64-4g", "x86_64-64g", NULL };

static const char *const preset_text[] = {
	/* tiny: one 64 MiB Normal zone, small enough to follow by hand */
	"arch x86_64\ncpus 2\nzone Normal start_pfn=0x0 pages=0x4000\n"
	"reserved 0x0-0x3ff   # kernel image and memmap\n",
	/* i386-1g: the textbook split */
	"arch i386\ncpus 2\n"
	"zone DMA start_pfn=0x0 pages=0x1000\n"
	"zone Normal start_pfn=0x1000 pages=0x37000\n"
	"zone HighMem start_pfn=0x38000 pages=0x8000\n"
	"hole 0x0-0x0\nhole 0x9f-0xff          # BIOS area\n"
	"reserved 0x1000-0x17ff   # kernel image at 16 MiB\n"
	"reserved 0x37800-0x37fff # mem_map\n",
	/* x86_64-4g: spec §14's worked example */
	"arch x86_64\ncpus 2\n"
	"zone DMA start_pfn=0x1 pages=0xfff\n"
	"zone DMA32 start_pfn=0x1000 pages=0xff000\n"
	"zone Normal start_pfn=0x100000 pages=0x40000\n"
	"hole 0x9f-0xff          # BIOS area\n"
	"hole 0xc0000-0xfffff    # PCI hole below 4 GiB\n"
	"reserved 0x1000-0x2fff  # kernel image\n",
	/* x86_64-64g: for scale */
	"arch x86_64\ncpus 8\n"
	"zone DMA start_pfn=0x1 pages=0xfff\n"
	"zone DMA32 start_pfn=0x1000 pages=0xff000\n"
	"zone Normal start_pfn=0x100000 pages=0xf40000\n"
	"hole 0x9f-0xff\nhole 0xc0000-0xfffff\n"
	"reserved 0x1000-0x2fff\n",
};

int mm_desc_preset(struct mm_machine_desc *d, const char *name)
{
	char err[256];

	for (int i = 0; mm_preset_names[i]; i++) {
		if (strcmp(name, mm_preset_names[i]) != 0)
			continue;
		if (mm_desc_parse(d, preset_text[i], name, err, sizeof(err)))
			return MM_EINVAL;
		snprintf(d->name, sizeof(d->name), "%s", name);
		return MM_OK;
	}
	return MM_ENOENT;
}

/* ---- machine files -------------------------------------------------------- */

struct parser {
	struct mm_machine_desc *d;
	const char *fname;
	int line;
	int nkeys; /* keys seen so far: "preset" must come first */
	char *err;
	size_t errlen;
	int zone_line[MAX_NR_ZONES]; /* where each zone was defined (0: a preset's) */
};

static int perr(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int perr(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(p->err, p->errlen, "%s:%d: ", p->fname, p->line);

	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < p->errlen)
		vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return MM_EINVAL;
}

static int parse_ulong(const char *s, unsigned long *v)
{
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	*v = strtoul(s, &end, 0);
	return (errno || *end) ? -1 : 0;
}

static int parse_range(struct parser *p, const char *key, const char *arg,
		       struct mm_range *r)
{
	char buf[64], *dash;

	if (!arg || strlen(arg) >= sizeof(buf))
		return perr(p, "%s: expected A-B (pfns, inclusive)", key);
	strcpy(buf, arg);
	dash = strchr(buf, '-');
	if (!dash)
		return perr(p, "%s: expected A-B (pfns, inclusive), got '%s'", key, arg);
	*dash = '\0';
	if (parse_ulong(buf, &r->start) || parse_ulong(dash + 1, &r->end))
		return perr(p, "%s: bad pfn in '%s'", key, arg);
	if (r->end < r->start)
		return perr(p, "%s: range %s ends before it starts", key, arg);
	return MM_OK;
}

static int zone_kind_by_name(const char *s)
{
	for (int k = 0; k < MM_ZONE_KINDS; k++)
		if (strcasecmp(s, zone_kind_names[k]) == 0)
			return k;
	return -1;
}

static int parse_zone(struct parser *p, char **argv, int argc)
{
	struct mm_machine_desc *d = p->d;
	unsigned long start = ~0UL, pages = ~0UL;
	int kind;

	if (argc < 1)
		return perr(p, "zone: expected NAME start_pfn=X pages=N");
	kind = zone_kind_by_name(argv[0]);
	if (kind < 0)
		return perr(p, "zone: unknown zone '%s' (DMA, DMA32, Normal, HighMem, Movable)", argv[0]);
	for (int i = 1; i < argc; i++) {
		unsigned long *dst = !strncmp(argv[i], "start_pfn=", 10) ? &start :
				     !strncmp(argv[i], "pages=", 6) ? &pages : NULL;

		if (!dst)
			return perr(p, "zone: unknown field '%s' (start_pfn=X pages=N)", argv[i]);
		if (parse_ulong(strchr(argv[i], '=') + 1, dst))
			return perr(p, "zone: bad number in '%s'", argv[i]);
	}
	if (start == ~0UL || pages == ~0UL)
		return perr(p, "zone %s: expected start_pfn=X pages=N", argv[0]);
	if (pages == 0 || pages > (1UL << 31) || start > (1UL << 31))
		return perr(p, "zone %s: size out of range", argv[0]);
	if (d->nr_zones == MAX_NR_ZONES)
		return perr(p, "zone: too many zones");
	for (int i = 0; i < d->nr_zones; i++) {
		if ((int)d->zones[i].type == kind)
			return perr(p, "zone %s: defined twice", argv[0]);
		if ((int)d->zones[i].type > kind)
			return perr(p, "zone %s: zones must be listed in order DMA, DMA32, Normal, HighMem, Movable", argv[0]);
		if (d->zones[i].start_pfn + d->zones[i].pages > start)
			return perr(p, "zone %s: overlaps zone %s", argv[0], zone_kind_names[d->zones[i].type]);
	}
	d->zones[d->nr_zones].type = (enum zone_type)kind;
	d->zones[d->nr_zones].start_pfn = start;
	d->zones[d->nr_zones].pages = pages;
	p->zone_line[d->nr_zones] = p->line;
	d->nr_zones++;
	return MM_OK;
}

/* "512M", "2G", "4096K", or a number of bytes; in pages.  -1 not a size,
 * -2 more than MM_MAX_SWAP_BYTES */
static int parse_size_pages(const char *s, unsigned long *pages)
{
	char *end;
	unsigned long long v;
	unsigned shift = 0;

	if (!s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno)
		return -1;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end)
		return -1;
	if (v > MM_MAX_SWAP_BYTES >> shift)
		return -2;
	*pages = (unsigned long)((v << shift) >> PAGE_SHIFT);
	return 0;
}

static int parse_number_key(struct parser *p, const char *key, const char *arg,
			    unsigned long lo, unsigned long hi, unsigned long *v)
{
	if (!arg || parse_ulong(arg, v) || *v < lo || *v > hi)
		return perr(p, "%s: expected a number from %lu to %lu", key, lo, hi);
	return MM_OK;
}

static int parse_line(struct parser *p, char **argv, int argc)
{
	struct mm_machine_desc *d = p->d;
	const char *key = argv[0], *arg = argc > 1 ? argv[1] : NULL;
	unsigned long v;

	if (!strcmp(key, "zone"))
		return parse_zone(p, argv + 1, argc - 1);
	if (!strcmp(key, "preset")) {
		if (p->nkeys > 1)
			return perr(p, "preset: must be the first line, before any other key");
		if (!arg || argc > 2 || mm_desc_preset(d, arg))
			return perr(p, "preset: expected one of tiny, i386-1g, x86_64-4g, x86_64-64g");
		return MM_OK;
	}
	if (argc > 2)
		return perr(p, "%s: unexpected '%s'", key, argv[2]);
	if (!strcmp(key, "name")) {
		if (!arg)
			return perr(p, "name: expected a name");
		snprintf(d->name, sizeof(d->name), "%s", arg);
	} else if (!strcmp(key, "profile")) {
		char known[128] = "";

		if (!arg)
			return perr(p, "profile: expected a kernel version, such as linux-3.10");
		if (!(d->profile = mm_profile_find(arg))) {
			for (int i = 0; mm_profiles[i]; i++)
				snprintf(known + strlen(known), sizeof(known) - strlen(known), "%s%s", i ? ", " : "",
					 mm_profiles[i]->name);
			return perr(p, "profile: %s is not modelled (known: %s)", arg, known);
		}
	} else if (!strcmp(key, "arch")) {
		if (arg && !strcmp(arg, "x86_64"))
			d->arch = ARCH_X86_64;
		else if (arg && !strcmp(arg, "i386"))
			d->arch = ARCH_I386;
		else
			return perr(p, "arch: expected x86_64 or i386");
	} else if (!strcmp(key, "cpus")) {
		if (parse_number_key(p, key, arg, 1, MM_MAX_CPUS, &v))
			return MM_EINVAL;
		d->cpus = (int)v;
	} else if (!strcmp(key, "hole") || !strcmp(key, "reserved")) {
		int *n = key[0] == 'h' ? &d->nr_holes : &d->nr_reserved;
		struct mm_range *r = key[0] == 'h' ? d->holes : d->reserved;

		if (*n == 32)
			return perr(p, "%s: too many ranges (32 at most)", key);
		if (parse_range(p, key, arg, &r[*n]))
			return MM_EINVAL;
		(*n)++;
	} else if (!strcmp(key, "min_free_kbytes")) {
		if (arg && !strcmp(arg, "auto"))
			d->min_free_kbytes = -1;
		else if (parse_number_key(p, key, arg, 0, 0x7fffffff, &v))
			return MM_EINVAL;
		else
			d->min_free_kbytes = (long)v;
	} else if (!strcmp(key, "transparent_hugepage")) {
		if (!arg || (strcmp(arg, "always") && strcmp(arg, "madvise") && strcmp(arg, "never")))
			return perr(p, "transparent_hugepage: expected always, madvise or never");
		d->thp = strcmp(arg, "never") != 0;
	} else if (!strcmp(key, "swap")) {
		int rc = parse_size_pages(arg, &v);

		if (rc == -2)
			return perr(p, "swap: %s is more than 1 TiB, the most the model swaps to", arg);
		if (rc)
			return perr(p, "swap: expected a size such as 512M, 2G or 0");
		d->swap_pages = v;
	} else if (!strcmp(key, "slab")) {
		if (!arg || (strcmp(arg, "none") && strcmp(arg, "on")))
			return perr(p, "slab: expected none or on");
		d->slab = !strcmp(arg, "on");
	} else {
		return perr(p, "unknown key '%s'", key);
	}
	return MM_OK;
}

/* Split a line into words; '#' starts a comment. */
static int split_words(char *s, char **argv, int max)
{
	int n = 0;

	for (char *c = strchr(s, '#'); c; c = NULL)
		*c = '\0';
	while (*s) {
		while (isspace((unsigned char)*s))
			*s++ = '\0';
		if (!*s)
			break;
		if (n == max)
			return -1;
		argv[n++] = s;
		while (*s && !isspace((unsigned char)*s))
			s++;
	}
	return n;
}

static void desc_defaults(struct mm_machine_desc *d)
{
	memset(d, 0, sizeof(*d));
	d->arch = ARCH_X86_64;
	d->cpus = 2;
	d->min_free_kbytes = -1;
	d->slab = 1;
}

/* the most pfns a machine of the arch may span */
static unsigned long max_span(enum mm_arch arch)
{
	return arch == ARCH_I386 ? MM_MAX_PFN_I386 : MM_MAX_PFN_X86_64;
}

/* "zone Normal ends at 1024 GiB, above 256 GiB, the most a machine may span
 * on x86_64" when zone i is too high, else "" */
static void span_error(const struct mm_machine_desc *d, int i, char *buf, size_t len)
{
	unsigned long end = d->zones[i].start_pfn + d->zones[i].pages;
	unsigned long gib_pages = 1UL << (30 - PAGE_SHIFT);

	buf[0] = '\0';
	if (end <= max_span(d->arch))
		return;
	snprintf(buf, len, "zone %s ends at %lu GiB, above %lu GiB, the most a machine may span on %s",
		 zone_kind_names[d->zones[i].type], (end + gib_pages - 1) / gib_pages,
		 max_span(d->arch) / gib_pages, d->arch == ARCH_I386 ? "i386" : "x86_64");
}

static int check_ranges(struct parser *p)
{
	struct mm_machine_desc *d = p->d;
	char why[160];

	if (!d->nr_zones)
		return perr(p, "no zone defined (zone NAME start_pfn=X pages=N)");
	for (int i = 0; i < d->nr_zones; i++) {
		enum zone_type t = d->zones[i].type;

		if (d->arch == ARCH_X86_64 && t == ZONE_HIGHMEM)
			return perr(p, "zone HighMem exists only on arch i386");
		if (d->arch == ARCH_I386 && t == ZONE_DMA32)
			return perr(p, "zone DMA32 exists only on arch x86_64");
		span_error(d, i, why, sizeof(why));
		if (why[0]) {
			if (p->zone_line[i]) /* at the zone's line, not the end */
				p->line = p->zone_line[i];
			return perr(p, "%s", why);
		}
	}
	return MM_OK;
}

int mm_desc_parse(struct mm_machine_desc *d, const char *text, const char *fname,
		  char *err, size_t errlen)
{
	struct parser p = { .d = d, .fname = fname, .err = err, .errlen = errlen };
	const char *s = text;

	desc_defaults(d);
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		char line[512], *argv[16];
		int argc;

		p.line++;
		if (len >= sizeof(line))
			return perr(&p, "line too long");
		memcpy(line, s, len);
		line[len] = '\0';
		s += len + (nl ? 1 : 0);
		argc = split_words(line, argv, 16);
		if (argc < 0)
			return perr(&p, "too many words");
		if (argc && (++p.nkeys, parse_line(&p, argv, argc)))
			return MM_EINVAL;
	}
	p.line++;
	return check_ranges(&p);
}

int mm_desc_load(struct mm_machine_desc *d, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *text;
	long n;
	int rc;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return MM_EIO;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	if (n < 0 || n > (1 << 20)) {
		fclose(f);
		snprintf(err, errlen, "%s: not a machine file (too large)", path);
		return MM_EIO;
	}
	text = malloc((size_t)n + 1);
	if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) {
		free(text);
		fclose(f);
		snprintf(err, errlen, "%s: read error", path);
		return MM_EIO;
	}
	text[n] = '\0';
	fclose(f);
	rc = mm_desc_parse(d, text, path, err, errlen);
	if (!rc) {
		const char *base = strrchr(path, '/');

		if (!d->name[0])
			snprintf(d->name, sizeof(d->name), "%s", base ? base + 1 : path);
	}
	free(text);
	return rc;
}

int mm_desc_lookup(struct mm_machine_desc *d, const char *name, char *err, size_t errlen)
{
	if (mm_desc_preset(d, name) == MM_OK)
		return MM_OK;
	if (!strchr(name, '/') && !strchr(name, '.')) {
		FILE *f = fopen(name, "r");

		if (!f) {
			snprintf(err, errlen, "unknown machine '%s' (presets: tiny, i386-1g, x86_64-4g, x86_64-64g; or a machine file)", name);
			return MM_ENOENT;
		}
		fclose(f);
	}
	return mm_desc_load(d, name, err, errlen);
}

/* ---- building ---------------------------------------------------------------- */

static const enum zone_type arch_zones[2][4] = {
	[ARCH_X86_64] = { ZONE_DMA, ZONE_DMA32, ZONE_NORMAL, ZONE_MOVABLE },
	[ARCH_I386] = { ZONE_DMA, ZONE_NORMAL, ZONE_HIGHMEM, ZONE_MOVABLE },
};

static void setup_arch(struct mm_machine *m)
{
	int x86_64 = m->arch == ARCH_X86_64;

	m->pageblock_order = x86_64 ? 9 : 10; /* HUGETLB_PAGE_ORDER */
	m->pageblock_nr_pages = 1UL << m->pageblock_order;
	m->bits_per_long = x86_64 ? 64 : 32;
	m->sizeof_struct_page = x86_64 ? 64 : 32;
	m->section_shift = x86_64 ? 27 - PAGE_SHIFT : 0; /* SPARSEMEM vs FLATMEM */
}

static void init_zones(struct mm_machine *m)
{
	struct pglist_data *pg = &m->node;

	pg->nr_zones = 4;
	for (int k = 0; k < MM_ZONE_KINDS; k++)
		m->zone_of_type[k] = -1;
	for (int i = 0; i < pg->nr_zones; i++) {
		struct zone *z = &pg->node_zones[i];

		z->type = arch_zones[m->arch][i];
		z->name = zone_kind_names[z->type];
		z->idx = i;
		z->machine = m;
		m->zone_of_type[z->type] = i;
	}
	/* OPT_ZONE_*: a kind the arch lacks means Normal */
	for (int k = 0; k < MM_ZONE_KINDS; k++)
		if (m->zone_of_type[k] < 0)
			m->zone_of_type[k] = m->zone_of_type[ZONE_NORMAL];
	for (int i = 0; i < m->desc.nr_zones; i++) {
		struct zone *z = &pg->node_zones[m->zone_of_type[m->desc.zones[i].type]];

		z->zone_start_pfn = m->desc.zones[i].start_pfn;
		z->spanned_pages = m->desc.zones[i].pages;
	}
	m->lowmem_reserve_ratio[0] = 256;
	m->lowmem_reserve_ratio[1] = m->arch == ARCH_X86_64 ? 256 : 32;
	m->lowmem_reserve_ratio[2] = 32;
}

/*
 * The page array of a large machine is most of its memory.  Anonymous
 * zero pages cost nothing until touched, and boot touches only the pages
 * it has a reason to (block heads), so a 64 GiB machine faults in an
 * eighth of its memmap rather than all of it.  A small machine's array
 * (tiny: 1 MiB) comes from the heap: mapping and faulting it in afresh
 * cost more than its boot (a third of a fuzz input's time).
 */
#define BIG_MAP_MIN (16UL << 20)

static void *big_zalloc(size_t size)
{
	void *p;

	if (size < BIG_MAP_MIN)
		return calloc(1, size);
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

static void big_free(void *p, size_t size)
{
	if (p && size < BIG_MAP_MIN)
		free(p);
	else if (p)
		munmap(p, size);
}

static int alloc_maps(struct mm_machine *m, char *err, size_t errlen)
{
	unsigned long max = 0;

	for (int i = 0; i < m->desc.nr_zones; i++) {
		unsigned long end = m->desc.zones[i].start_pfn + m->desc.zones[i].pages;

		if (end > max)
			max = end;
	}
	m->max_pfn = max;
	m->mem_map = big_zalloc(max * sizeof(struct page));
	m->pageblock_flags = calloc((max >> m->pageblock_order) + 1, 1);
	m->pageblock_zone = malloc((max >> m->pageblock_order) + 1);
	m->nr_sections = m->section_shift ? (max >> m->section_shift) + 1 : 0;
	m->section_valid = calloc(m->nr_sections + 1, 1);
	m->nr_lists = 1 + (uint32_t)(m->node.nr_zones * (MAX_ORDER * MIGRATE_TYPES + NR_LRU_LISTS +
						    m->nr_cpus * MIGRATE_PCPTYPES));
	m->lists = malloc(m->nr_lists * sizeof(struct mm_list));
	if (!m->mem_map || !m->pageblock_flags || !m->pageblock_zone || !m->section_valid || !m->lists) {
		snprintf(err, errlen, "out of memory building a machine of %lu pages", max);
		return MM_ENOMEM;
	}
	for (uint32_t i = 0; i < m->nr_lists; i++)
		m->lists[i] = (struct mm_list){ MM_NIL, MM_NIL, 0 };
	return MM_OK;
}

/* Give every free_area list and pcp list an id; a zone's free lists are contiguous. */
static int init_lists(struct mm_machine *m)
{
	uint32_t id = 1; /* 0 is MM_NOLIST */

	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		for (int o = 0; o < MAX_ORDER; o++)
			for (int t = 0; t < MIGRATE_TYPES; t++)
				z->free_area[o].free_list[t] = id++;
		for (int l = 0; l < NR_LRU_LISTS; l++)
			z->lru[l] = id++;
		z->pageset = calloc((size_t)m->nr_cpus, sizeof(*z->pageset));
		if (!z->pageset)
			return MM_ENOMEM;
		for (int c = 0; c < m->nr_cpus; c++) {
			for (int t = 0; t < MIGRATE_PCPTYPES; t++)
				z->pageset[c].pcp.lists[t] = id++;
			setup_pageset(&z->pageset[c], 0); /* boot_pageset */
		}
	}
	return MM_OK;
}

/*
 * The present ranges: each zone's span minus the holes, ascending, one zone
 * per range.  Everything else at boot is derived from them.
 */
struct ranges {
	struct mm_range *r;
	int n, cap;
};

static int ranges_add(struct ranges *rs, unsigned long start, unsigned long end)
{
	if (start > end)
		return 0;
	if (rs->n == rs->cap) {
		int cap = rs->cap ? rs->cap * 2 : 16;
		struct mm_range *r = realloc(rs->r, (size_t)cap * sizeof(*r));

		if (!r)
			return -1;
		rs->r = r;
		rs->cap = cap;
	}
	rs->r[rs->n++] = (struct mm_range){ start, end };
	return 0;
}

/* [start, end] minus the cut ranges (in any order), appended to rs */
static int ranges_subtract(struct ranges *rs, unsigned long start, unsigned long end,
			   const struct mm_range *cut, int ncut)
{
	unsigned long pos = start;

	while (pos <= end) {
		const struct mm_range *first = NULL;

		/* the lowest cut that still overlaps [pos, end] */
		for (int i = 0; i < ncut; i++)
			if (cut[i].end >= pos && cut[i].start <= end &&
			    (!first || cut[i].start < first->start))
				first = &cut[i];
		if (!first)
			return ranges_add(rs, pos, end);
		if (first->start > pos && ranges_add(rs, pos, first->start - 1))
			return -1;
		if (first->end >= end)
			break;
		pos = first->end + 1;
	}
	return 0;
}

static int present_ranges(const struct mm_machine_desc *d, struct ranges *rs)
{
	for (int i = 0; i < d->nr_zones; i++)
		if (ranges_subtract(rs, d->zones[i].start_pfn,
				    d->zones[i].start_pfn + d->zones[i].pages - 1,
				    d->holes, d->nr_holes))
			return -1;
	return 0;
}

static void mark_range(struct mm_machine *m, unsigned long start, unsigned long end,
		       uint32_t flags)
{
	for (unsigned long pfn = start; pfn <= end && pfn < m->max_pfn; pfn++) {
		if (!pfn_valid(m, pfn)) {
			if (!m->section_shift)
				break;
			pfn |= (1UL << m->section_shift) - 1; /* skip the absent section */
			continue;
		}
		m->mem_map[pfn].flags |= flags;
	}
}

/*
 * Sections holding any RAM are present (pfn_valid); their pfns that are not
 * RAM get a struct page marked reserved and not-RAM, as e820 holes do.
 */
static void init_memmap(struct mm_machine *m, const struct ranges *present)
{
	unsigned long pos = 0;

	for (int i = 0; m->section_shift && i < present->n; i++)
		for (unsigned long s = present->r[i].start >> m->section_shift;
		     s <= present->r[i].end >> m->section_shift; s++)
			m->section_valid[s] = 1;
	for (int i = 0; i < present->n; i++) {
		if (present->r[i].start > pos)
			mark_range(m, pos, present->r[i].start - 1, PG_reserved | PG_nomem);
		pos = present->r[i].end + 1;
	}
	if (pos < m->max_pfn)
		mark_range(m, pos, m->max_pfn - 1, PG_reserved | PG_nomem);
	for (int i = 0; i < m->desc.nr_reserved; i++)
		mark_range(m, m->desc.reserved[i].start, m->desc.reserved[i].end, PG_reserved);
}

/* calc_memmap_size: the memmap a zone's pages cost, for the provisional managed count */
static unsigned long calc_memmap_size(const struct mm_machine *m, unsigned long spanned,
				      unsigned long present)
{
	unsigned long pages = spanned;

	if (m->section_shift && spanned > present + (present >> 4))
		pages = present;
	return (pages * (unsigned long)m->sizeof_struct_page + PAGE_SIZE - 1) >> PAGE_SHIFT;
}

static struct zone *page_zone_span(struct mm_machine *m, unsigned long pfn)
{
	for (int i = 0; i < m->node.nr_zones; i++)
		if (zone_spans_pfn(&m->node.node_zones[i], pfn))
			return &m->node.node_zones[i];
	return NULL;
}

/* free_area_init_core: present and provisional managed sizes */
static void init_zone_sizes(struct mm_machine *m, const struct ranges *present)
{
	for (int i = 0; i < present->n; i++) {
		struct zone *z = page_zone_span(m, present->r[i].start);

		z->present_pages += present->r[i].end - present->r[i].start + 1;
	}
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];
		unsigned long memmap = calc_memmap_size(m, z->spanned_pages, z->present_pages);

		z->managed_pages = z->present_pages;
		if (z->type != ZONE_HIGHMEM && z->present_pages >= memmap)
			z->managed_pages -= memmap;
		m->node.node_present_pages += z->present_pages;
	}
}

/*
 * page_zone's table: the zone that spans the whole pageblock; PB_NOZONE
 * when no zone reaches into it; PB_MIXED when zones share it or a zone
 * covers only part of it (a zone that does not start or end on a pageblock
 * boundary), so that page_zone asks the zones for those pfns.
 */
void init_pageblock_zones(struct mm_machine *m)
{
	unsigned long nr = m->pageblock_nr_pages;

	for (unsigned long b = 0; b <= (m->max_pfn - 1) >> m->pageblock_order; b++) {
		unsigned long first = b * nr, last = first + nr - 1;
		int owner = -1, nzones = 0;

		for (int i = 0; i < m->node.nr_zones; i++) {
			struct zone *z = &m->node.node_zones[i];

			if (!populated_zone(z) || z->zone_start_pfn > last ||
			    zone_end_pfn(z) <= first)
				continue;
			nzones++;
			if (zone_spans_pfn(z, first) && zone_spans_pfn(z, last))
				owner = i;
		}
		m->pageblock_zone[b] = !nzones ? PB_NOZONE :
				       nzones == 1 && owner >= 0 ? (uint8_t)owner : PB_MIXED;
	}
}

/* memmap_init_zone: MOVABLE where a pageblock's first pfn lies in the zone */
static void memmap_init_zone(struct mm_machine *m, struct zone *z)
{
	unsigned long nr = m->pageblock_nr_pages;
	unsigned long pfn = (z->zone_start_pfn + nr - 1) & ~(nr - 1);

	for (; pfn < zone_end_pfn(z); pfn += nr)
		if (pfn_valid(m, pfn))
			set_pageblock_migratetype(m, pfn, MIGRATE_MOVABLE);
}

/* build_all_zonelists: populated zones, highest first; mobility grouping? */
static void build_all_zonelists(struct mm_machine *m)
{
	int n = 0;

	for (int i = m->node.nr_zones - 1; i >= 0; i--)
		if (populated_zone(&m->node.node_zones[i]))
			m->node.zonelist[n++] = i;
	m->node.zonelist[n] = -1;
	m->page_group_by_mobility_disabled =
		nr_free_pagecache_pages(m) < m->pageblock_nr_pages * MIGRATE_TYPES;
}

/*
 * __free_pages_memory: order-0 pages up to the first BITS_PER_LONG-aligned
 * pfn, then BITS_PER_LONG-page chunks, then order-0 pages to the end.
 */
static void __free_pages_memory(struct mm_machine *m, unsigned long start, unsigned long end)
{
	unsigned long bpl = (unsigned long)m->bits_per_long;
	int order = m->bits_per_long == 64 ? 6 : 5;
	unsigned long sa = (start + bpl - 1) & ~(bpl - 1), ea = end & ~(bpl - 1);
	unsigned long i;

	if (ea <= sa) {
		for (i = start; i < end; i++)
			__free_pages_boot(m, i, 0);
		return;
	}
	for (i = start; i < sa; i++)
		__free_pages_boot(m, i, 0);
	for (i = sa; i < ea; i += bpl) {
		if (!m->desc.slow_boot && !(i & (MAX_ORDER_NR_PAGES - 1)) &&
		    i + MAX_ORDER_NR_PAGES <= ea) {
			__free_max_order_block_boot(m, i);
			i += MAX_ORDER_NR_PAGES - bpl;
			continue;
		}
		__free_pages_boot(m, i, order);
	}
	for (i = ea; i < end; i++)
		__free_pages_boot(m, i, 0);
}

/*
 * free_all_bootmem: lowmem managed counts restart from what is really
 * freed; each free range (present minus reserved) ascending, clipped to
 * max_low_pfn.  Then the HighMem pages one by one (add_highpages).
 */
static int free_all_bootmem(struct mm_machine *m, const struct ranges *present)
{
	struct ranges fr = { 0 };

	for (int i = 0; i < m->node.nr_zones; i++)
		if (m->node.node_zones[i].type != ZONE_HIGHMEM)
			m->node.node_zones[i].managed_pages = 0;
	for (int i = 0; i < present->n; i++)
		if (ranges_subtract(&fr, present->r[i].start, present->r[i].end,
				    m->desc.reserved, m->desc.nr_reserved)) {
			free(fr.r);
			return MM_ENOMEM;
		}
	for (int i = 0; i < fr.n; i++) {
		unsigned long start = fr.r[i].start, end = fr.r[i].end + 1;

		if (end > m->max_low_pfn)
			end = m->max_low_pfn;
		if (start < end)
			__free_pages_memory(m, start, end);
	}
	for (int i = 0; i < fr.n; i++) {
		unsigned long start = fr.r[i].start > m->max_low_pfn ? fr.r[i].start : m->max_low_pfn;

		for (unsigned long pfn = start; pfn <= fr.r[i].end; pfn++) {
			struct zone *z = page_zone(m, pfn);

			__free_pages_boot(m, pfn, 0);
			z->managed_pages--; /* free_highmem_page leaves managed alone */
		}
	}
	free(fr.r);
	return MM_OK;
}

static void setup_per_cpu_pageset(struct mm_machine *m)
{
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (!populated_zone(z))
			continue;
		for (int c = 0; c < m->nr_cpus; c++)
			setup_pageset(&z->pageset[c], (unsigned long)zone_batchsize(z));
	}
}

static void set_max_low_pfn(struct mm_machine *m)
{
	int hi = m->zone_of_type[ZONE_HIGHMEM];
	struct zone *z = &m->node.node_zones[hi];

	m->max_low_pfn = m->max_pfn;
	if (m->arch == ARCH_I386 && z->type == ZONE_HIGHMEM && z->spanned_pages)
		m->max_low_pfn = z->zone_start_pfn;
}

static int boot(struct mm_machine *m, char *err, size_t errlen)
{
	struct ranges present = { 0 };
	int rc = MM_OK;

	if (present_ranges(&m->desc, &present)) {
		snprintf(err, errlen, "out of memory");
		return MM_ENOMEM;
	}
	init_memmap(m, &present);
	init_zone_sizes(m, &present);
	init_pageblock_zones(m);
	for (int i = 0; i < m->node.nr_zones; i++)
		if (populated_zone(&m->node.node_zones[i]))
			memmap_init_zone(m, &m->node.node_zones[i]);
	build_all_zonelists(m);
	if (m->node.zonelist[0] < 0) {
		snprintf(err, errlen, "%s: no memory: every zone is a hole", m->desc.name);
		free(present.r);
		return MM_EINVAL;
	}
	set_max_low_pfn(m);
	rc = free_all_bootmem(m, &present);
	free(present.r);
	if (rc) {
		snprintf(err, errlen, "out of memory");
		return rc;
	}
	setup_per_cpu_pageset(m);
	init_per_zone_wmark_min(m, m->desc.min_free_kbytes);
	if (m->desc.thp && m->desc.min_free_kbytes < 0)
		set_recommended_min_free_kbytes(m);
	for (int i = 0; i < m->node.nr_zones; i++)
		m->totalram_pages += m->node.node_zones[i].managed_pages;
	/* the pageblock counts once, now that boot has typed every block;
	 * set_pageblock_migratetype keeps them from here on */
	for (int i = 0; i < m->node.nr_zones; i++) {
		struct zone *z = &m->node.node_zones[i];

		if (populated_zone(z))
			count_zone_pageblocks(m, z, z->nr_pageblocks);
	}
	if (!m->totalram_pages) { /* the kernel would have nothing to run on */
		snprintf(err, errlen, "%s: no memory for the page allocator: every page is a hole or reserved",
			 m->desc.name);
		return MM_EINVAL;
	}
	/* the profile's slab allocator, unless the machine file says slab none */
	m->profile = m->desc.profile ? m->desc.profile : mm_profile_default();
	m->slab_ops = m->desc.slab ? m->profile->slab : NULL;
	if (m->slab_ops && m->slab_ops->init(m, err, errlen))
		return MM_ENOMEM; /* mm_machine_destroy frees what it made */
	if (mm_workload_init(m)) {
		snprintf(err, errlen, "out of memory");
		return MM_ENOMEM;
	}
	for (int i = 0; i < m->node.nr_zones; i++)
		memset(m->node.node_zones[i].changed, 0, sizeof(m->node.node_zones[i].changed));
	return MM_OK;
}

struct mm_machine *mm_machine_create(const struct mm_machine_desc *d, char *err, size_t errlen)
{
	struct mm_machine *m = calloc(1, sizeof(*m));

	if (errlen)
		err[0] = '\0';
	if (!m) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	/* a description built in code answers to the limits a file does */
	for (int i = 0; i < d->nr_zones; i++) {
		char why[160];

		span_error(d, i, why, sizeof(why));
		if (why[0]) {
			snprintf(err, errlen, "%s: %s", d->name, why);
			free(m);
			return NULL;
		}
	}
	if (d->cpus > MM_MAX_CPUS || d->nr_zones > MAX_NR_ZONES) {
		snprintf(err, errlen, "%s: more than %d cpus or %d zones", d->name, MM_MAX_CPUS,
			 MAX_NR_ZONES);
		free(m);
		return NULL;
	}
	m->desc = *d;
	m->arch = d->arch;
	m->nr_cpus = d->cpus > 0 ? d->cpus : 1;
	setup_arch(m);
	init_zones(m);
	if (alloc_maps(m, err, errlen) || init_lists(m) || boot(m, err, errlen)) {
		if (!err[0])
			snprintf(err, errlen, "out of memory");
		mm_machine_destroy(m);
		return NULL;
	}
	return m;
}

void mm_machine_destroy(struct mm_machine *m)
{
	if (!m)
		return;
	mm_step_destroy(m);
	mm_workload_destroy(m);
	if (slab_ops(m))
		slab_ops(m)->destroy(m);
	for (int i = 0; i < m->node.nr_zones; i++)
		free(m->node.node_zones[i].pageset);
	big_free(m->mem_map, m->max_pfn * sizeof(struct page));
	free(m->pageblock_flags);
	free(m->pageblock_zone);
	free(m->section_valid);
	free(m->lists);
	free(m->check_dirty);
	free(m);
}

struct zone *mm_zone_by_name(struct mm_machine *m, const char *name)
{
	for (int i = 0; i < m->node.nr_zones; i++)
		if (strcasecmp(m->node.node_zones[i].name, name) == 0)
			return &m->node.node_zones[i];
	return NULL;
}
