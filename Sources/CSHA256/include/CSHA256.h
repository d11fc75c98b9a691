#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when the CPU has the SHA extensions (x86-64 SHA-NI), so that `sha256_hardware_blocks` may be called.
int sha256_hardware_available(void);

/// Mixes `blocks` 64-byte blocks at `data` into the SHA-256 state `state` (eight words, a..h)
/// with the CPU's SHA instructions. Call only when `sha256_hardware_available()` is 1.
void sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
