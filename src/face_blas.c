/* SPDX-License-Identifier: Apache-2.0 */
/* The face network's matrix products: OpenBLAS's sgemm, loaded when the first model loads
 * (dynlib.h), so that runs without pixels never load OpenBLAS nor start its threads. */
#include <cblas.h>

#include "dynlib.h"
#include "face_net.h"

#include "banned.h"

static struct {
	__typeof__(cblas_sgemm) *sgemm;
	__typeof__(openblas_set_num_threads) *set_num_threads;
} blas;

static const struct dynlib_sym blas_syms[] = {
	{ "cblas_sgemm", &blas.sgemm },
	{ "openblas_set_num_threads", &blas.set_num_threads },
};
static const char *const blas_sonames[] = { "libopenblas.so.0", "libopenblas.so", NULL };
static struct dynlib blas_lib = { "OpenBLAS", blas_sonames, blas_syms,
				  sizeof(blas_syms) / sizeof(blas_syms[0]), "libopenblas0", 0, 0,
				  "" };

enum pl_status face_blas_load(struct pl_diag *d)
{
	static int single;
	enum pl_status st = dynlib_load(&blas_lib, d);

	/* One thread per product: postlint's own workers use the processors. */
	if (st == PL_OK && !__atomic_exchange_n(&single, 1, __ATOMIC_ACQ_REL))
		blas.set_num_threads(1);
	return st;
}

void face_blas_gemm(int m, int n, int k, const float *a, const float *b, float *c)
{
	blas.sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0f, a, k, b, n, 1.0f, c, n);
}
