/* contract: what the folders above use of it beyond the public API (not public). */
#ifndef SLAKIT_CONTRACT_CONTRACT_H
#define SLAKIT_CONTRACT_CONTRACT_H

#include <stddef.h>

/* The flags of a verdict as "wrong-channel,uplift" (empty when none; names.c). */
char *results_flag_list(unsigned flags, char *buf, size_t size);

#endif
