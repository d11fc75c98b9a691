#ifndef C_TENSOR_KERNELS_H
#define C_TENSOR_KERNELS_H

#include <stddef.h>

/// Whether this CPU runs the AVX-512 products below (checked with CPUID at run time).
int tensor_kernels_have_avx512(void);

/// Columns 0 ..< columns of c = a · b (row-major; a m×k, b k×n, c m×n), columns a multiple of 32.
/// Every element is summed over p in order, one fused multiply-add per term, starting from zero,
/// which is exactly what the portable Swift kernel does, so both give the same bits.
void tensor_kernels_multiply_avx512(const float *a, const float *b, float *c,
                                    ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, ptrdiff_t columns);

/// Columns 0 ..< columns of c += aᵀ · b (a m×k, b m×n, c k×n), columns a multiple of 32.
/// Rows are summed in blocks of block_rows: each block's partial sum (fused multiply-adds in row
/// order, from zero) is added to c, block after block, as the portable Swift kernel does.
void tensor_kernels_multiply_transposing_left_avx512(const float *a, const float *b, float *c,
                                                     ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                                                     ptrdiff_t columns, ptrdiff_t block_rows);

/// Whether this CPU runs the AVX2 + FMA products below (checked with CPUID at run time).
int tensor_kernels_have_avx2(void);

/// As tensor_kernels_multiply_avx512, with 8-wide registers; columns a multiple of 16.
void tensor_kernels_multiply_avx2(const float *a, const float *b, float *c,
                                  ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, ptrdiff_t columns);

/// As tensor_kernels_multiply_transposing_left_avx512, with 8-wide registers; columns a multiple of 16.
void tensor_kernels_multiply_transposing_left_avx2(const float *a, const float *b, float *c,
                                                   ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                                                   ptrdiff_t columns, ptrdiff_t block_rows);

/// Runs `iterations` × 12 independent fused multiply-adds of `lanes` floats (16: AVX-512, 8: AVX2;
/// the caller checks the CPU has them) and returns a value derived from them. 24·lanes FLOPs per iteration.
float tensor_kernels_fma_loop(long iterations, int lanes);

#endif
