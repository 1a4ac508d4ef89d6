/* Text into JSON and CSV: one escaping rule each, for every output. */
#include <string.h>

#include "base.h"

void json_escape(const char *s, void (*put)(void *arg, const char *p, size_t n), void *arg)
{
	const char *run = s;

	put(arg, "\"", 1);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		char esc[8];

		if (ch != '"' && ch != '\\' && ch >= 0x20 && ch != 0x7f)
			continue;
		/* Plain text goes out in runs; only the byte that needs it is escaped. */
		if (s > run)
			put(arg, run, (size_t)(s - run));
		if (ch == '"' || ch == '\\') {
			esc[0] = '\\';
			esc[1] = (char)ch;
			put(arg, esc, 2);
		} else {
			snprintf(esc, sizeof(esc), "\\u%04x", ch);
			put(arg, esc, 6);
		}
		run = s + 1;
	}
	if (s && s > run)
		put(arg, run, (size_t)(s - run));
	put(arg, "\"", 1);
}

/* json_escape()'s sink for a stream. */
static void put_file(void *arg, const char *p, size_t n)
{
	fwrite(p, 1, n, arg);
}

void json_write_string(FILE *fp, const char *s)
{
	json_escape(s, put_file, fp);
}

/* Text a spreadsheet would evaluate, or take as the start of a formula. */
static int is_formula(const char *s)
{
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

void csv_write_field(FILE *fp, const char *s, char delim)
{
	size_t n;
	int formula, quote;

	if (!s)
		s = "";
	n = strlen(s);
	formula = is_formula(s);
	quote = formula || (n && (s[0] == ' ' || s[n - 1] == ' '));
	for (size_t i = 0; i < n && !quote; i++)
		if (s[i] == delim || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			quote = 1;
	if (!quote) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	if (formula)
		fputc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}
