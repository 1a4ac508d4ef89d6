/*
 * Data text made safe to show: control characters and bytes that are not
 * UTF-8 written as visible escapes, so a ticket's title cannot retitle a
 * terminal (OSC), move its cursor (CSI), fake a report line (LF, CR) or
 * break an XML part of a workbook. One rule for the terminal and the XLSX.
 */
#include <string.h>

#include "base.h"

/*
 * The length of the valid UTF-8 sequence at @s (1..4), 0 when the bytes
 * there are not one: a stray continuation byte, a truncated, overlong or
 * surrogate sequence, or a code point past U+10FFFF. *cp gets the code point.
 */
static size_t utf8_seq(const unsigned char *s, uint32_t *cp)
{
	size_t n;
	uint32_t c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2, c = s[0] & 0x1Fu, min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3, c = s[0] & 0x0Fu, min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4, c = s[0] & 0x07u, min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)     /* also stops at the NUL */
			return 0;
		c = c << 6 | (s[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/*
 * The escape for the character (or invalid byte) at @s into @esc, and how
 * many bytes of @s it stands for; esc[0] is NUL when the bytes pass as they are.
 */
static size_t escape_one(const char *s, unsigned flags, char esc[8])
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	size_t n = utf8_seq(u, &cp);

	esc[0] = '\0';
	if (!n) {
		snprintf(esc, 8, "\\x%02x", u[0]);
		return 1;
	}
	if (cp == '\t' || cp == '\n' || cp == '\r') {
		if (!(flags & TEXT_KEEP_LINES))
			snprintf(esc, 8, "\\%c", cp == '\t' ? 't' : cp == '\n' ? 'n' : 'r');
	} else if (cp < 0x20 || cp == 0x7F) {
		snprintf(esc, 8, "\\x%02x", (unsigned)cp);
	} else if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) {
		/* C1 controls (CSI is U+009B) and the two XML excludes. */
		snprintf(esc, 8, "\\u%04x", (unsigned)cp);
	}
	return n;
}

int text_needs_escape(const char *s, unsigned flags)
{
	char esc[8];

	for (; s && *s;) {
		s += escape_one(s, flags, esc);
		if (esc[0])
			return 1;
	}
	return 0;
}

size_t text_escape(char *dst, size_t size, const char *s, unsigned flags)
{
	size_t len = 0;
	char esc[8];

	if (!size)
		return 0;
	while (s && *s) {
		size_t n = escape_one(s, flags, esc);
		size_t k = esc[0] ? strlen(esc) : n;

		/* Whole escapes and whole characters only: a cut never leaves half of one. */
		if (len + k >= size)
			break;
		memcpy(dst + len, esc[0] ? esc : s, k);
		len += k;
		s += n;
	}
	dst[len] = '\0';
	return len;
}

void text_write_escaped(FILE *fp, const char *s)
{
	char esc[8];

	while (s && *s) {
		const char *start = s;
		size_t n = 0;

		/* Runs that pass as they are go out in one write. */
		while (*s) {
			n = escape_one(s, 0, esc);
			if (esc[0])
				break;
			s += n;
		}
		fwrite(start, 1, (size_t)(s - start), fp);
		if (!*s)
			break;
		fputs(esc, fp);
		s += n;
	}
}
