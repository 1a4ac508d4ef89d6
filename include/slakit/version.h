/**
 * @file version.h
 * @brief The slakit version, one number for the library and every tool.
 */
#ifndef SLAKIT_VERSION_H
#define SLAKIT_VERSION_H

#define SK_VERSION_MAJOR 0
#define SK_VERSION_MINOR 1
#define SK_VERSION_PATCH 0
#define SK_VERSION "0.1.0"

/** The version string of the library that is linked, e.g. "0.1.0". */
const char *sk_version(void);

#endif
