// AVX2 + FMA register-blocked matrix products for Float, for x86-64 CPUs without AVX-512
// (AMD Zen 1–3, Intel client parts). Like the AVX-512 file, these change only the register
// tiling and the order in which tiles are visited, never the order of any element's sum, so
// they give the bits of the portable Swift kernels.
#include "CTensorKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

#define AVX2 __attribute__((target("avx2,fma")))

int tensor_kernels_have_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
}

// Rows row ..< row + R, W vectors of 8 columns of c = a·b starting at column: each element is a
// chain of fused multiply-adds over p = 0 ..< k from zero.
#define MULTIPLY_TILE(R, W)                                                                    \
    do {                                                                                       \
        __m256 acc[R][W];                                                                      \
        for (int i = 0; i < R; i++)                                                            \
            for (int j = 0; j < W; j++) acc[i][j] = _mm256_setzero_ps();                      \
        const float *a0 = a + row * k;                                                         \
        const float *bp = panel;                                                               \
        for (ptrdiff_t p = 0; p < k; p++, bp += stride) {                                      \
            __m256 bv[W];                                                                      \
            for (int j = 0; j < W; j++) bv[j] = _mm256_loadu_ps(bp + 8 * j);                  \
            for (int i = 0; i < R; i++) {                                                      \
                __m256 x = _mm256_broadcast_ss(a0 + i * k + p);                                \
                for (int j = 0; j < W; j++) acc[i][j] = _mm256_fmadd_ps(x, bv[j], acc[i][j]);  \
            }                                                                                  \
        }                                                                                      \
        for (int i = 0; i < R; i++)                                                            \
            for (int j = 0; j < W; j++) _mm256_storeu_ps(c + (row + i) * n + column + 8 * j, acc[i][j]); \
    } while (0)

// Rows are visited in bands of BAND_ROWS (a band of a, up to 60 × k floats, stays in L2) and,
// within a band, one 16-column panel of b at a time (k × 64 bytes, stays in L1 while all the
// band's 6-row tiles pass over it): b is read from L2 once per band instead of from memory.
enum { BAND_ROWS = 60 };

// From this row length of b on, its panels are copied contiguous first (see below); for shorter
// rows the copy costs more than the cache misses it saves (measured at 32, 64 and 128 columns).
enum { PACKING_COLUMNS = 256 };

AVX2 void tensor_kernels_multiply_avx2(const float *a, const float *b, float *c,
                                       ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, ptrdiff_t columns) {
    // b's 16-column panels copied contiguous (k × 16 floats each): rows of b lie n floats apart, and
    // at n = 256 (1 KiB) a panel's k lines would share a few L1 sets and evict each other.
    int packing = n >= PACKING_COLUMNS;
    float *packed = packing ? malloc(sizeof(float) * (size_t)(k * columns) + 64) : NULL;
    if (packing && !packed) __builtin_trap();
    for (ptrdiff_t column = 0; packing && column + 16 <= columns; column += 16)
        for (ptrdiff_t p = 0; p < k; p++)
            memcpy(packed + column * k + p * 16, b + p * n + column, 16 * sizeof(float));
    for (ptrdiff_t top = 0; top < m; top += BAND_ROWS) {
        ptrdiff_t bottom = top + BAND_ROWS < m ? top + BAND_ROWS : m;
        // 6 rows × 16 columns: 12 accumulators, 2 loads of b and 6 broadcasts per 12 FMAs.
        for (ptrdiff_t column = 0; column + 16 <= columns; column += 16) {
            ptrdiff_t row = top;
            if (packing) {
                const float *panel = packed + column * k;
                const ptrdiff_t stride = 16;
                for (; row + 6 <= bottom; row += 6) MULTIPLY_TILE(6, 2);
                for (; row < bottom; row++) MULTIPLY_TILE(1, 2);
            } else {
                const float *panel = b + column;
                const ptrdiff_t stride = n;
                for (; row + 6 <= bottom; row += 6) MULTIPLY_TILE(6, 2);
                for (; row < bottom; row++) MULTIPLY_TILE(1, 2);
            }
        }
    }
    free(packed);
}

// Output rows p ..< p + R, W vectors of 8 columns, of c += Σ_{row in start..<end} a[row, p]·b[row, :]:
// the block's partial sum (fused multiply-adds in row order from zero) is added to c.
#define TRANSPOSING_LEFT_TILE(R, W)                                                            \
    do {                                                                                       \
        __m256 acc[R][W];                                                                      \
        for (int i = 0; i < R; i++)                                                            \
            for (int j = 0; j < W; j++) acc[i][j] = _mm256_setzero_ps();                      \
        const float *bp = panel, *ap = strip_start;                                            \
        for (ptrdiff_t row = start; row < end; row++, bp += b_stride, ap += a_stride) {        \
            __m256 bv[W];                                                                      \
            for (int j = 0; j < W; j++) bv[j] = _mm256_loadu_ps(bp + 8 * j);                  \
            for (int i = 0; i < R; i++) {                                                      \
                __m256 x = _mm256_broadcast_ss(ap + i);                                        \
                for (int j = 0; j < W; j++) acc[i][j] = _mm256_fmadd_ps(x, bv[j], acc[i][j]);  \
            }                                                                                  \
        }                                                                                      \
        for (int i = 0; i < R; i++)                                                            \
            for (int j = 0; j < W; j++) {                                                      \
                float *cp = c + (p + i) * n + column + 8 * j;                                  \
                _mm256_storeu_ps(cp, _mm256_add_ps(_mm256_loadu_ps(cp), acc[i][j]));          \
            }                                                                                  \
    } while (0)

AVX2 void tensor_kernels_multiply_transposing_left_avx2(const float *a, const float *b, float *c,
                                                        ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                                                        ptrdiff_t columns, ptrdiff_t block_rows) {
    // Blocks of rows outermost: the block of a (block_rows × k) and of b stay in L2 while every
    // column panel and output tile visits them. The blocks still reach c in row order.
    // Both operands of a block are copied contiguous in the order the tiles read them (a as
    // strips of 6 columns, row after row; b as 16-column panels), for the reason given above.
    if (n < PACKING_COLUMNS) {
        for (ptrdiff_t start = 0; start < m; start += block_rows) {
            ptrdiff_t end = start + block_rows < m ? start + block_rows : m;
            for (ptrdiff_t column = 0; column + 16 <= columns; column += 16) {
                const ptrdiff_t a_stride = k, b_stride = n;
                ptrdiff_t p = 0;
                for (; p + 6 <= k; p += 6) {
                    const float *panel = b + start * n + column, *strip_start = a + start * k + p;
                    TRANSPOSING_LEFT_TILE(6, 2);
                }
                for (; p < k; p++) {
                    const float *panel = b + start * n + column, *strip_start = a + start * k + p;
                    TRANSPOSING_LEFT_TILE(1, 2);
                }
            }
        }
        return;
    }
    float *strip = malloc(sizeof(float) * (size_t)(block_rows * k) + 64);
    float *panels = malloc(sizeof(float) * (size_t)(block_rows * columns) + 64);
    if (!strip || !panels) __builtin_trap();
    for (ptrdiff_t start = 0; start < m; start += block_rows) {
        ptrdiff_t end = start + block_rows < m ? start + block_rows : m, rows = end - start;
        for (ptrdiff_t p = 0; p < k; p += 6) {
            ptrdiff_t width = p + 6 <= k ? 6 : 1;
            for (ptrdiff_t q = p; q < (width == 6 ? p + 6 : k); q += width)
                for (ptrdiff_t row = 0; row < rows; row++)
                    memcpy(strip + q * rows + row * width, a + (start + row) * k + q, (size_t)width * sizeof(float));
            if (width == 1) break;
        }
        for (ptrdiff_t column = 0; column + 16 <= columns; column += 16)
            for (ptrdiff_t row = 0; row < rows; row++)
                memcpy(panels + column * rows + row * 16, b + (start + row) * n + column, 16 * sizeof(float));
        for (ptrdiff_t column = 0; column + 16 <= columns; column += 16) {
            const float *panel = panels + column * rows;
            const ptrdiff_t b_stride = 16;
            ptrdiff_t p = 0;
            for (; p + 6 <= k; p += 6) {
                const float *strip_start = strip + p * rows;
                const ptrdiff_t a_stride = 6;
                TRANSPOSING_LEFT_TILE(6, 2);
            }
            for (; p < k; p++) {
                const float *strip_start = strip + p * rows;
                const ptrdiff_t a_stride = 1;
                TRANSPOSING_LEFT_TILE(1, 2);
            }
        }
    }
    free(strip);
    free(panels);
}

#else

int tensor_kernels_have_avx2(void) { return 0; }

void tensor_kernels_multiply_avx2(const float *a, const float *b, float *c,
                                  ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, ptrdiff_t columns) {
    __builtin_trap();  // never called: Swift checks tensor_kernels_have_avx2() first
}

void tensor_kernels_multiply_transposing_left_avx2(const float *a, const float *b, float *c,
                                                   ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                                                   ptrdiff_t columns, ptrdiff_t block_rows) {
    __builtin_trap();
}

#endif
