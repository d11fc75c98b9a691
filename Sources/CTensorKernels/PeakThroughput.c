// A pure fused-multiply-add loop: the most single-precision FLOP/s one core reaches, against
// which the benchmark states what fraction of the machine the engine uses. Twelve independent
// accumulators cover the FMA latency (4–5 cycles) on two FMA pipes.
#include "CTensorKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define ACCUMULATE(TYPE, FMA, SET)                                                              \
    do {                                                                                        \
        TYPE acc[12];                                                                           \
        for (int i = 0; i < 12; i++) acc[i] = SET(1.0f + 0.001f * (float)i);                  \
        const TYPE x = SET(0.9999999f), y = SET(1e-7f);                                         \
        for (long iteration = 0; iteration < iterations; iteration++) {                         \
            for (int i = 0; i < 12; i++) acc[i] = FMA(acc[i], x, y);                           \
            /* keeps the chains in registers and the loop from being folded */                  \
            __asm__ volatile("" : "+x"(acc[0]), "+x"(acc[1]), "+x"(acc[2]), "+x"(acc[3]),       \
                             "+x"(acc[4]), "+x"(acc[5]), "+x"(acc[6]), "+x"(acc[7]));           \
            __asm__ volatile("" : "+x"(acc[8]), "+x"(acc[9]), "+x"(acc[10]), "+x"(acc[11]));   \
        }                                                                                       \
        float sum = 0;                                                                          \
        for (int i = 0; i < 12; i++) sum += acc[i][0];                                          \
        return sum;                                                                             \
    } while (0)

__attribute__((target("avx512f"))) static float fma_loop_avx512(long iterations) {
    ACCUMULATE(__m512, _mm512_fmadd_ps, _mm512_set1_ps);
}

__attribute__((target("avx2,fma"))) static float fma_loop_avx2(long iterations) {
    ACCUMULATE(__m256, _mm256_fmadd_ps, _mm256_set1_ps);
}

float tensor_kernels_fma_loop(long iterations, int lanes) {
    return lanes == 16 ? fma_loop_avx512(iterations) : fma_loop_avx2(iterations);
}

#else

float tensor_kernels_fma_loop(long iterations, int lanes) { return 0; }

#endif
