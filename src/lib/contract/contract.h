/* contract: what the folders above use of it beyond the public API (not public). */
#ifndef SLAKIT_CONTRACT_CONTRACT_H
#define SLAKIT_CONTRACT_CONTRACT_H

#include <stddef.h>

/* The flags of a verdict as "wrong-channel,uplift" (empty when none; names.c). */
char *results_flag_list(unsigned flags, char *buf, size_t size);

/*
 * The @i-th key that a section named like @section ("priority.P1", "rules")
 * takes, NULL past the last (the weekday keys of a calendar are not listed).
 * For the test that walks every key (contract_keys.c).
 */
const char *contract_key_name(const char *section, size_t i);

#endif
