/*
 * boot.h - what the unit tests share: booting a machine from the text of a
 * machine file.  Include after <cmocka.h> and mm.h.
 */
#ifndef MMSCOPE_TEST_BOOT_H
#define MMSCOPE_TEST_BOOT_H

static inline struct mm_machine *boot_text(const char *text)
{
	struct mm_machine_desc d;
	char err[256];
	struct mm_machine *m;

	assert_int_equal(mm_desc_parse(&d, text, "test", err, sizeof(err)), 0);
	m = mm_machine_create(&d, err, sizeof(err));
	assert_non_null(m);
	return m;
}

#endif
