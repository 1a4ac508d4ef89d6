/*
 * The compression level of the XLSX workbook.
 *
 * libxlsxwriter deflates every part of a workbook at zlib's default level
 * (6) and has no option to choose another. For a month of 100,000 tickets
 * the sheets are ~200 MB of XML, and deflating them at level 6 took a third
 * of the whole report's time. Level 1 is three times as fast; the file is
 * ~40 % larger (14 MB becomes 19 MB for 75,000 tickets) and opens the same.
 *
 * libxlsxwriter opens each part of the zip through minizip's
 * zipOpenNewFileInZip4_64(), which on Debian lives in the shared library
 * libminizip. This file defines that function, so the dynamic linker hands
 * libxlsxwriter's calls to it first (a program's own definitions come before
 * its libraries'); it lowers the level and passes the call on to minizip's
 * own, found with dlsym(RTLD_NEXT). Everything else about the zip is
 * minizip's. If a libxlsxwriter carries minizip inside itself, bound so that
 * nothing can come between, this function is simply never called and the
 * workbook is written at level 6: slower, never wrong. CMake links this
 * file into sla-report only when libxlsxwriter takes the function from the
 * shared libminizip (src/tools/CMakeLists.txt says so at configure time).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>

#include <minizip/zip.h>

int ZEXPORT zipOpenNewFileInZip4_64(zipFile file, const char *filename, const zip_fileinfo *zipfi,
				   const void *extrafield_local, uInt size_extrafield_local,
				   const void *extrafield_global, uInt size_extrafield_global,
				   const char *comment, int method, int level, int raw,
				   int window_bits, int mem_level, int strategy,
				   const char *password, uLong crc_for_crypting,
				   uLong version_made_by, uLong flag_base, int zip64)
{
	/* Looked up on each call: a handful per workbook, and no shared state. */
	void *sym = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
	__typeof__(zipOpenNewFileInZip4_64) *real;

	if (!sym)
		return ZIP_INTERNALERROR; /* the workbook fails, it is not made wrong */
	if (method == Z_DEFLATED && !raw)
		level = Z_BEST_SPEED;
	memcpy(&real, &sym, sizeof(real)); /* ISO C has no cast from object to function pointer */
	return real(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
		    size_extrafield_global, comment, method, level, raw, window_bits, mem_level,
		    strategy, password, crc_for_crypting, version_made_by, flag_base, zip64);
}
