/*
 * oom_kill.c - the OOM killer of Linux 3.10 (mm/oom_kill.c).
 *
 * When neither reclaim nor compaction finds a page for a small allocation
 * that may sleep, __alloc_pages_may_oom takes the zonelist's OOM lock
 * (zone_oom_locked on every zone the request may use, so that two CPUs do
 * not kill two tasks for one shortage) and calls out_of_memory.  That
 * weighs every task with oom_badness -- the pages it would give back
 * (rss + page tables + swap entries), shifted by oom_score_adj in units of
 * a thousandth of RAM + swap -- prints the report (dump_header: who asked,
 * show_mem, the task table), kills the heaviest and lets it dip into the
 * reserves (TIF_MEMDIE) so that it can exit.
 *
 * Worked example: RAM + swap = 15360 pages, so one oom_score_adj unit is
 * 15360 / 1000 = 15 pages.  A task with 6000 pages present needs 12
 * page-table pages (512 ptes each); at oom_score_adj 0, less the root
 * bonus of the original 3.10 (adj -= 30), it weighs 6012 - 30 * 15 = 5562,
 * and /proc/PID/oom_score reads 5562 * 1000 / 15360 = 362.
 *
 * The model's tasks are single-threaded processes of their own address
 * space, started by the command line (so none has children) and run by
 * root: uid 0, CAP_SYS_ADMIN.  A killed task exits at once: its pages come
 * back inside out_of_memory, and mm_reap_tasks frees its struct task once
 * no fault runs for it (m->work.current).  Until then it is PF_EXITING,
 * which the scan treats as the kernel treats a task past exit_mm.
 */
#include "internal.h"

#define K(x) ((x) << (PAGE_SHIFT - 10))

/* vm.oom_dump_tasks; vm.panic_on_oom and vm.oom_kill_allocating_task are 0 */
static const int sysctl_oom_dump_tasks = 1;

enum oom_scan_t {
	OOM_SCAN_OK,       /* weigh the task */
	OOM_SCAN_CONTINUE, /* skip it */
	OOM_SCAN_ABORT,    /* a kill is under way: kill nobody now */
};

/*
 * Every task of the model is root's.  The original 3.10 gives root 30
 * oom_score_adj units of bonus (3% of RAM + swap); 3.10.y-stable backported
 * 3.14's "3% of the task's own usage" -- the model is 3.10.0.
 */
static int has_capability_noaudit(const struct task *t)
{
	(void)t;
	return 1;
}

/* constrained_alloc, UMA: CONSTRAINT_NONE, all of RAM and swap */
static unsigned long constrained_alloc(const struct mm_machine *m)
{
	return m->totalram_pages + m->work.swap.pages;
}

unsigned long oom_badness(struct mm_machine *m, struct task *t, unsigned long totalpages)
{
	long points, adj;

	(void)m;
	/* no init, no kernel threads: nobody is oom_unkillable_task */
	if (t->flags & PF_EXITING) /* find_lock_task_mm: the mm is gone */
		return 0;
	adj = t->oom_score_adj;
	if (adj == OOM_SCORE_ADJ_MIN)
		return 0;
	points = (long)(get_mm_rss(t) + task_nr_ptes(t) + t->swapents);
	if (has_capability_noaudit(t))
		adj -= 30;
	adj *= (long)(totalpages / 1000);
	points += adj;
	return points > 0 ? (unsigned long)points : 1;
}

/*
 * oom_scan_process_thread.  A task is PF_EXITING here only once its memory
 * is gone; not being current means it has finished (exit_state), being
 * current means it was killed during its own fault and is still on its way
 * out with TIF_MEMDIE -- which makes everyone else wait, unless forced.
 */
static enum oom_scan_t oom_scan_process_thread(struct mm_machine *m, struct task *t,
					       int force_kill)
{
	if ((t->flags & PF_EXITING) && t != m->work.current)
		return OOM_SCAN_CONTINUE;
	if ((t->flags & TIF_MEMDIE) && !force_kill)
		return OOM_SCAN_ABORT;
	if (t->flags & PF_EXITING) /* !task->mm */
		return OOM_SCAN_CONTINUE;
	/* no oom_task_origin (swapoff, ksm) tasks; a PF_EXITING task that still
	 * has its mm does not occur: a model task exits in one step */
	return OOM_SCAN_OK;
}

/*
 * select_bad_process: the strictly heaviest task, the first of equals.
 * Returns 0 with *chosen (NULL if nobody can be killed), or -1 when the
 * scan was aborted (the kernel's ERR_PTR(-1UL)).
 */
static int select_bad_process(struct mm_machine *m, struct task **chosen,
			      unsigned int *ppoints, unsigned long totalpages, int force_kill)
{
	unsigned long chosen_points = 0;

	*chosen = NULL;
	for (struct task *t = m->work.tasks; t; t = t->next) {
		unsigned long points;

		switch (oom_scan_process_thread(m, t, force_kill)) {
		case OOM_SCAN_CONTINUE:
			continue;
		case OOM_SCAN_ABORT:
			return -1;
		case OOM_SCAN_OK:
			break;
		}
		points = oom_badness(m, t, totalpages);
		if (points > chosen_points) {
			*chosen = t;
			chosen_points = points;
		}
	}
	*ppoints = (unsigned int)(chosen_points * 1000 / totalpages);
	return 0;
}

/* dump_tasks: every task that still has its memory */
static void dump_tasks(struct mm_machine *m)
{
	printk(m, "[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name");
	for (struct task *t = m->work.tasks; t; t = t->next) {
		if (t->flags & PF_EXITING)
			continue;
		/* total_vm: the pages the task has mapped, touched or not */
		printk(m, "[%5d] %5d %5d %8lu %8lu %7lu %8lu         %5hd %s", t->pid, 0, t->pid,
		       t->nr_pte, get_mm_rss(t), task_nr_ptes(t), t->swapents,
		       (short)t->oom_score_adj, t->comm);
	}
}

/* no cpuset line: the model has no cpusets (CONFIG_CPUSETS off) */
static void dump_header(struct mm_machine *m, gfp_t gfp, int order)
{
	const struct task *cur = m->work.current;

	struct mm_event ev = { .type = MM_EV_OOM, .cpu = m->this_cpu, .pfn = MM_NOPFN, .oom = MM_OOM_INVOKED,
			       .comm = current_comm(m), .pid = cur ? cur->pid : 0, .gfp = gfp, .order = order };

	mm_emit(m, &ev);
	printk(m, "%s invoked oom-killer: gfp_mask=0x%x, order=%d, oom_score_adj=%hd",
	       current_comm(m), gfp, order, (short)(cur ? cur->oom_score_adj : 0));
	dump_stack(m);
	show_mem(m, SHOW_MEM_FILTER_NODES);
	if (sysctl_oom_dump_tasks)
		dump_tasks(m);
}

static void oom_kill_process(struct mm_machine *m, struct task *p, gfp_t gfp, int order,
			     unsigned int points, const char *message)
{
	struct task *victim = p;

	/* already on its way out: let it use the reserves, tell nobody */
	if (p->flags & PF_EXITING) {
		p->flags |= TIF_MEMDIE;
		return;
	}
	if (__ratelimit(m, &m->work.oom_rs))
		dump_header(m, gfp, order);
	printk(m, "%s: Kill process %d (%s) score %u or sacrifice child", message, p->pid,
	       p->comm, points);
	/*
	 * The kernel would now sacrifice the heaviest child with an mm of its
	 * own instead of the parent.  The model's tasks have no children (the
	 * command line starts them all), so the victim stays p; nor does any
	 * other process share its mm ("Kill process %d (%s) sharing same
	 * memory" never appears).  A model task maps anonymous memory only:
	 * file-rss is 0.
	 */
	printk(m, "Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB",
	       victim->pid, victim->comm, K(victim->nr_pte), K(victim->rss_anon), K(0UL));
	{
		struct mm_event ev = { .type = MM_EV_OOM, .cpu = m->this_cpu, .pfn = MM_NOPFN,
				       .oom = MM_OOM_KILLED, .pid = victim->pid, .comm = victim->comm };

		mm_emit(m, &ev);
	}
	/* SIGKILL: the model's task exits right away and gives its pages back */
	victim->flags |= TIF_MEMDIE | PF_EXITING;
	mm_task_release_memory(m, victim);
}

static void __out_of_memory(struct mm_machine *m, gfp_t gfp, int order, int force_kill)
{
	struct task *cur = m->work.current, *p;
	unsigned long totalpages;
	unsigned int points = 0;

	/* no OOM notifiers are registered */

	/* current is dying (killed, or exiting): let it have the reserves */
	if (cur && (cur->flags & PF_EXITING)) {
		cur->flags |= TIF_MEMDIE;
		return;
	}
	totalpages = constrained_alloc(m);
	/* vm.panic_on_oom and vm.oom_kill_allocating_task are 0 */
	if (select_bad_process(m, &p, &points, totalpages, force_kill) < 0)
		return; /* a victim is still exiting: give it time */
	if (!p) {
		struct mm_event ev = { .type = MM_EV_OOM, .cpu = m->this_cpu, .pfn = MM_NOPFN, .oom = MM_OOM_PANIC };

		dump_header(m, gfp, order);
		/* panic(): the model reports it, counts it and carries on */
		printk(m, "Kernel panic - not syncing: Out of memory and no killable processes...");
		mm_emit(m, &ev);
		m->work.nr_oom_panics++;
		return;
	}
	oom_kill_process(m, p, gfp, order, points, "Out of memory");
	/* schedule_timeout_killable(1): give the victim a jiffy to exit */
	mm_sleep(m, 1, "out_of_memory: a task was killed");
}

void out_of_memory(struct mm_machine *m, gfp_t gfp, int order)
{
	__out_of_memory(m, gfp, order, 0);
}

/*
 * try_set_zonelist_oom: 0 if a zone the request may use is already taken
 * by an OOM kill in progress, else take them all (every zone of the
 * zonelist up to high_zoneidx) and return 1.
 */
int try_set_zonelist_oom(struct mm_machine *m, int high_zoneidx)
{
	const int *zi;

	for (zi = m->node.zonelist; *zi >= 0; zi++)
		if (*zi <= high_zoneidx && m->node.node_zones[*zi].zone_oom_locked)
			return 0;
	for (zi = m->node.zonelist; *zi >= 0; zi++)
		if (*zi <= high_zoneidx)
			m->node.node_zones[*zi].zone_oom_locked = 1;
	return 1;
}

void clear_zonelist_oom(struct mm_machine *m, int high_zoneidx)
{
	for (const int *zi = m->node.zonelist; *zi >= 0; zi++)
		if (*zi <= high_zoneidx)
			m->node.node_zones[*zi].zone_oom_locked = 0;
}

/* ---- the public face: /proc/PID/oom_score_adj, oom_score, SysRq-f ---------- */

/* oom_score_adj_write: the range check, and a task must still have its mm */
int set_oom_score_adj(struct mm_machine *m, struct task *t, int adj)
{
	if (adj < OOM_SCORE_ADJ_MIN || adj > OOM_SCORE_ADJ_MAX)
		return mm_error(m, MM_EINVAL, "oom_score_adj %d is out of range (%d to %d)", adj,
				OOM_SCORE_ADJ_MIN, OOM_SCORE_ADJ_MAX);
	if (t->flags & PF_EXITING)
		return mm_error(m, MM_EINVAL, "task %d (%s) has exited", t->pid, t->comm);
	t->oom_score_adj = adj;
	return MM_OK;
}

unsigned long mm_oom_badness(struct mm_machine *m, struct task *t)
{
	return oom_badness(m, t, constrained_alloc(m));
}

/* proc_oom_score */
unsigned long mm_oom_score(struct mm_machine *m, struct task *t)
{
	unsigned long totalpages = constrained_alloc(m);

	return totalpages ? oom_badness(m, t, totalpages) * 1000 / totalpages : 0;
}

int mm_out_of_memory(struct mm_machine *m, gfp_t gfp, int order, int force_kill)
{
	if (gfp & ~__GFP_BITS_MASK)
		return mm_error(m, MM_EINVAL, "gfp 0x%x has bits above __GFP_BITS_MASK", gfp);
	if (order < 0 || order >= MAX_ORDER)
		return mm_error(m, MM_EINVAL, "order %d is not between 0 and %d", order,
				MAX_ORDER - 1);
	if (mm_busy(m))
		return MM_EBUSY;
	__out_of_memory(m, gfp, order, force_kill);
	mm_reap_tasks(m);
	return MM_OK;
}
