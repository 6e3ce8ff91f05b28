/* SPDX-License-Identifier: Apache-2.0 */
/* The OCR engine: Tesseract through its C API, one handle per purpose (plates, other text),
 * each loaded on first use with the LSTM recogniser alone and no dictionaries, and silenced. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <tesseract/capi.h>

#include "dynlib.h"
#include "ocr.h"

#include "banned.h"

#define OCR_PLATE_ALPHABET "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- " /* the space keeps word gaps */
#define OCR_SYMBOL_MIN 5.0f /* symbols at either end of a plate reading below this are dropped */
#define OCR_SOURCE_PPI 150 /* crops are scaled to OCR_CHAR_PX: about 18 pt at 150 ppi */

/* Tesseract's C API, loaded on first use (dynlib.h); the types come from its header. */
#define OCR_TESS_API(X) \
	X(BaseAPICreate) \
	X(BaseAPIDelete) \
	X(BaseAPIEnd) \
	X(BaseAPIInit4) \
	X(BaseAPISetVariable) \
	X(BaseAPISetPageSegMode) \
	X(BaseAPISetImage) \
	X(BaseAPISetSourceResolution) \
	X(BaseAPIGetUTF8Text) \
	X(BaseAPIMeanTextConf) \
	X(BaseAPIClear) \
	X(BaseAPIGetIterator) \
	X(DeleteText) \
	X(ResultIteratorNext) \
	X(ResultIteratorGetPageIteratorConst) \
	X(ResultIteratorGetUTF8Text) \
	X(ResultIteratorConfidence) \
	X(PageIteratorIsAtBeginningOf) \
	X(ResultIteratorDelete)

#define TESS_FN(f) __typeof__(Tess##f) *f;
static struct {
	OCR_TESS_API(TESS_FN)
} tess;
#undef TESS_FN

#define TESS_SYM(f) { "Tess" #f, &tess.f },
static const struct dynlib_sym tess_syms[] = { OCR_TESS_API(TESS_SYM) };
#undef TESS_SYM

static const char *const tess_sonames[] = { "libtesseract.so.5", "libtesseract.so", NULL };
static struct dynlib tess_lib = { "Tesseract", tess_sonames, tess_syms,
				  sizeof(tess_syms) / sizeof(tess_syms[0]), "libtesseract5", 0, 0, "" };

/* Handles: the plate handle (OCR_PLATE_LANGS) also serves OCR_MODE_QUICK, its alphabet lifted
 * for the read: one more handle would cost its load time and memory in every engine. */
enum { H_FIRST, H_ALL, H_COUNT };

struct ocr_engine {
	char *datapath;
	char *langs;
	TessBaseAPI *h[H_COUNT];
	int failed[H_COUNT];  /* loading failed once: do not retry on every region */
	int any_alphabet;     /* h[H_FIRST] reads without the plate alphabet (OCR_MODE_QUICK) */
};

static int handle_of(enum ocr_mode mode)
{
	return mode == OCR_MODE_LINE ? H_ALL : H_FIRST;
}

static char *dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

enum pl_status ocr_engine_new(struct ocr_engine **out, const char *datapath, const char *langs,
			      struct pl_diag *d)
{
	struct ocr_engine *e = calloc(1, sizeof(*e));

	*out = NULL;
	if (!e)
		return image_diagf(d, PL_ERR_NOMEM, "out of memory for the OCR engine");
	e->datapath = dup(datapath ? datapath : OCR_DEFAULT_DATAPATH);
	e->langs = dup(langs ? langs : OCR_DEFAULT_LANGS);
	if (!e->datapath || !e->langs) {
		ocr_engine_free(&e);
		return image_diagf(d, PL_ERR_NOMEM, "out of memory for the OCR engine");
	}
	*out = e;
	return PL_OK;
}

void ocr_engine_free(struct ocr_engine **pe)
{
	struct ocr_engine *e;

	if (!pe || !*pe)
		return;
	e = *pe;
	for (int i = 0; i < H_COUNT; i++)
		if (e->h[i]) {
			tess.BaseAPIEnd(e->h[i]);
			tess.BaseAPIDelete(e->h[i]);
		}
	free(e->datapath);
	free(e->langs);
	free(e);
	*pe = NULL;
}

/*
 * Loads handle k. Dictionaries are not loaded: plates and street names are not dictionary
 * words, and each one costs load time. Tesseract's own messages go to /dev/null (the library
 * never prints). The plate handle starts with the plate alphabet.
 */
static enum pl_status load(struct ocr_engine *e, int k, struct pl_diag *d)
{
	static const char *const names[] = { "load_system_dawg", "load_freq_dawg", "load_punc_dawg",
					     "load_number_dawg", "load_unambig_dawg",
					     "load_bigram_dawg", "debug_file" };
	static const char *const values[] = { "0", "0", "0", "0", "0", "0", "/dev/null" };
	const char *langs = k == H_FIRST ? OCR_PLATE_LANGS : e->langs;
	TessBaseAPI *h;

	if (dynlib_load(&tess_lib, d) != PL_OK)
		return PL_ERR_IO;
	if (e->failed[k])
		return image_diagf(d, PL_ERR_IO, "cannot load Tesseract data '%s' from '%s'", langs,
				   e->datapath);
	h = tess.BaseAPICreate();
	if (!h)
		return image_diagf(d, PL_ERR_NOMEM, "out of memory starting Tesseract");
	if (tess.BaseAPIInit4(h, e->datapath, langs, OEM_LSTM_ONLY, NULL, 0, (char **)(uintptr_t)names,
			     (char **)(uintptr_t)values, sizeof(names) / sizeof(names[0]), 0) != 0) {
		tess.BaseAPIDelete(h);
		e->failed[k] = 1;
		return image_diagf(d, PL_ERR_IO, "cannot load Tesseract data '%s' from '%s'", langs,
				   e->datapath);
	}
	if (k == H_FIRST) {
		tess.BaseAPISetVariable(h, "tessedit_char_whitelist", OCR_PLATE_ALPHABET);
		e->any_alphabet = 0;
	}
	e->h[k] = h;
	return PL_OK;
}

/* Puts the plate handle's alphabet on (plates) or off (a quick read) for mode. Tesseract
 * applies tessedit_char_whitelist afresh at each recognition (SetBlackAndWhitelist). */
static void set_alphabet(struct ocr_engine *e, enum ocr_mode mode)
{
	int any = mode == OCR_MODE_QUICK;

	if (handle_of(mode) != H_FIRST || any == e->any_alphabet)
		return;
	tess.BaseAPISetVariable(e->h[H_FIRST], "tessedit_char_whitelist",
				any ? "" : OCR_PLATE_ALPHABET);
	e->any_alphabet = any;
}

/* Copies s trimmed of white space (line breaks included) into a fresh string. */
static char *trimmed(const char *s)
{
	size_t a = 0, b = s ? strlen(s) : 0;
	char *p;

	while (a < b && strchr(" \t\r\n\f\v", s[a]))
		a++;
	while (b > a && strchr(" \t\r\n\f\v", s[b - 1]))
		b--;
	if (b - a > OCR_MAX_TEXT)
		b = a + OCR_MAX_TEXT;
	p = malloc(b - a + 1);
	if (p) {
		memcpy(p, s + a, b - a);
		p[b - a] = '\0';
		for (size_t i = 0; i < b - a; i++)
			if (p[i] == '\n' || p[i] == '\r')
				p[i] = ' ';
	}
	return p;
}

/*
 * The reading rebuilt symbol by symbol, words split by one space, without the symbols at either
 * end whose confidence is below OCR_SYMBOL_MIN: on plates the LSTM now and then adds a stroke
 * (a band's rim, a screw) as an 'I' with almost no confidence. NULL when out of memory;
 * *conf gets the mean confidence of the symbols kept.
 */
static char *symbols(TessBaseAPI *h, float *conf)
{
	TessResultIterator *it = tess.BaseAPIGetIterator(h);
	char buf[OCR_MAX_TEXT + 1], keep[OCR_MAX_TEXT + 1];
	size_t n = 0, first = 0, last = 0;
	float sum = 0, cs[OCR_MAX_TEXT + 1];
	int count = 0;

	*conf = 0;
	buf[0] = '\0';
	for (int more = it != NULL; more; more = tess.ResultIteratorNext(it, RIL_SYMBOL)) {
		const TessPageIterator *pit = tess.ResultIteratorGetPageIteratorConst(it);
		char *sym = tess.ResultIteratorGetUTF8Text(it, RIL_SYMBOL);
		float c = tess.ResultIteratorConfidence(it, RIL_SYMBOL);
		size_t len = sym ? strlen(sym) : 0;

		if (len && n && tess.PageIteratorIsAtBeginningOf(pit, RIL_WORD) && n < OCR_MAX_TEXT)
			cs[n] = -1, buf[n++] = ' ';
		for (size_t k = 0; k < len && n < OCR_MAX_TEXT; k++)
			cs[n] = c, buf[n++] = sym[k];
		if (sym)
			tess.DeleteText(sym);
	}
	if (it)
		tess.ResultIteratorDelete(it);
	buf[n] = '\0';
	while (first < n && (cs[first] < OCR_SYMBOL_MIN))
		first++;
	last = n;
	while (last > first && cs[last - 1] < OCR_SYMBOL_MIN)
		last--;
	for (size_t k = first; k < last; k++)
		if (cs[k] >= 0)
			sum += cs[k], count++;
	memcpy(keep, buf + first, last - first);
	keep[last - first] = '\0';
	*conf = count ? sum / (float)count / 100.0f : 0.0f;
	return trimmed(keep);
}

enum pl_status ocr_engine_read(struct ocr_engine *e, enum ocr_mode mode, int block,
			       const struct image *crop, char **text, float *conf,
			       struct pl_diag *d)
{
	enum pl_status st = PL_OK;
	TessBaseAPI *h;
	char *raw;
	int c, k;

	*text = NULL;
	*conf = 0;
	if (!e || !crop || !crop->px || crop->channels != 1 || crop->w <= 0 || crop->h <= 0)
		return image_diagf(d, PL_ERR_USAGE, "ocr: bad crop");
	k = handle_of(mode);
	if (!e->h[k] && (st = load(e, k, d)) != PL_OK)
		return st;
	h = e->h[k];
	set_alphabet(e, mode);
	tess.BaseAPISetPageSegMode(h, block ? PSM_SINGLE_BLOCK : PSM_SINGLE_LINE);
	tess.BaseAPISetImage(h, crop->px, crop->w, crop->h, 1, crop->w);
	tess.BaseAPISetSourceResolution(h, OCR_SOURCE_PPI);
	raw = tess.BaseAPIGetUTF8Text(h);
	if (mode == OCR_MODE_PLATE) {
		*text = symbols(h, conf);
	} else {
		c = tess.BaseAPIMeanTextConf(h);
		*text = trimmed(raw);
		*conf = c > 0 ? (float)c / 100.0f : 0.0f;
	}
	if (raw)
		tess.DeleteText(raw);
	tess.BaseAPIClear(h);
	if (!*text)
		st = image_diagf(d, PL_ERR_NOMEM, "out of memory reading text");
	return st;
}
