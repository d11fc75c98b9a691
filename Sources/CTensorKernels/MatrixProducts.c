// AVX-512 register-blocked matrix products for Float. The Swift kernels in Tensor/Kernels.swift
// are the reference and the fallback; these change only how many columns a register holds
// (16 instead of 8) and how many rows share one load of b, never the order of any sum.
#include "CTensorKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX512 __attribute__((target("avx512f,fma")))

int tensor_kernels_have_avx512(void) { return __builtin_cpu_supports("avx512f") ? 1 : 0; }

// R rows × W vectors of 16 columns of c = a·b starting at (row, column).
#define MULTIPLY_TILE(R, W)                                                                    \
    do {                                                                                       \
        __m512 acc[R][W];                                                                      \
        for (int i = 0; i < R; i++)                                                            \
            for (int j = 0; j < W; j++) acc[i][j] = _mm512_setzero_ps();                      \
        const float *a0 = a + row * k;                                                         \
        for (ptrdiff_t p = 0; p < k; p++) {                                                    \
            const float *bp = b + p * n + column;                                              \
            __m512 bv[W];                                                                      \
            for (int j = 0; j < W; j++) bv[j] = _mm512_loadu_ps(bp + 16 * j);                 \
            for (int i = 0; i < R; i++) {                                                      \
                __m512 x = _mm512_set1_ps(a0[i * k + p]);                                      \
                for (int j = 0; j < W; j++) acc[i][j] = _mm512_fmadd_ps(x, bv[j], acc[i][j]);  \
            }                                                                                  \
        }                                                                                      \
        for (int i = 0; i < R; i++)                                                            \
            for (int j = 0; j < W; j++) _mm512_storeu_ps(c + (row + i) * n + column + 16 * j, acc[i][j]); \
    } while (0)

AVX512 void tensor_kernels_multiply_avx512(const float *a, const float *b, float *c,
                                           ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, ptrdiff_t columns) {
    ptrdiff_t column = 0;
    // 64-column panels: 4 rows × 4 registers = 16 accumulators, 4 loads of b per 16 FMAs.
    for (; column + 64 <= columns; column += 64) {
        ptrdiff_t row = 0;
        for (; row + 4 <= m; row += 4) MULTIPLY_TILE(4, 4);
        for (; row < m; row++) MULTIPLY_TILE(1, 4);
    }
    // A last 32-column panel: 8 rows × 2 registers.
    for (; column + 32 <= columns; column += 32) {
        ptrdiff_t row = 0;
        for (; row + 8 <= m; row += 8) MULTIPLY_TILE(8, 2);
        for (; row < m; row++) MULTIPLY_TILE(1, 2);
    }
}

// Output rows p ..< p + R, W vectors of 16 columns, of c += Σ_{row in start..<end} a[row, p]·b[row, :].
#define TRANSPOSING_LEFT_TILE(R, W)                                                            \
    do {                                                                                       \
        __m512 acc[R][W];                                                                      \
        for (int i = 0; i < R; i++)                                                            \
            for (int j = 0; j < W; j++) acc[i][j] = _mm512_setzero_ps();                      \
        for (ptrdiff_t row = start; row < end; row++) {                                        \
            const float *bp = b + row * n + column;                                            \
            __m512 bv[W];                                                                      \
            for (int j = 0; j < W; j++) bv[j] = _mm512_loadu_ps(bp + 16 * j);                 \
            const float *ap = a + row * k + p;                                                 \
            for (int i = 0; i < R; i++) {                                                      \
                __m512 x = _mm512_set1_ps(ap[i]);                                              \
                for (int j = 0; j < W; j++) acc[i][j] = _mm512_fmadd_ps(x, bv[j], acc[i][j]);  \
            }                                                                                  \
        }                                                                                      \
        for (int i = 0; i < R; i++)                                                            \
            for (int j = 0; j < W; j++) {                                                      \
                float *cp = c + (p + i) * n + column + 16 * j;                                 \
                _mm512_storeu_ps(cp, _mm512_add_ps(_mm512_loadu_ps(cp), acc[i][j]));          \
            }                                                                                  \
    } while (0)

AVX512 void tensor_kernels_multiply_transposing_left_avx512(const float *a, const float *b, float *c,
                                                            ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                                                            ptrdiff_t columns, ptrdiff_t block_rows) {
    ptrdiff_t column = 0;
    for (; column + 64 <= columns; column += 64) {
        for (ptrdiff_t start = 0; start < m; start += block_rows) {
            ptrdiff_t end = start + block_rows < m ? start + block_rows : m;
            ptrdiff_t p = 0;
            for (; p + 4 <= k; p += 4) TRANSPOSING_LEFT_TILE(4, 4);
            for (; p < k; p++) TRANSPOSING_LEFT_TILE(1, 4);
        }
    }
    for (; column + 32 <= columns; column += 32) {
        for (ptrdiff_t start = 0; start < m; start += block_rows) {
            ptrdiff_t end = start + block_rows < m ? start + block_rows : m;
            ptrdiff_t p = 0;
            for (; p + 6 <= k; p += 6) TRANSPOSING_LEFT_TILE(6, 2);
            for (; p < k; p++) TRANSPOSING_LEFT_TILE(1, 2);
        }
    }
}

#else

int tensor_kernels_have_avx512(void) { return 0; }

void tensor_kernels_multiply_avx512(const float *a, const float *b, float *c,
                                    ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, ptrdiff_t columns) {
    __builtin_trap();  // never called: Swift checks tensor_kernels_have_avx512() first
}

void tensor_kernels_multiply_transposing_left_avx512(const float *a, const float *b, float *c,
                                                     ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                                                     ptrdiff_t columns, ptrdiff_t block_rows) {
    __builtin_trap();
}

#endif
