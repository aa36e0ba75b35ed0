// For small functions on the tokenizer's per-character and per-lookup paths.
// Why: in wasm a call that the optimizer left out of line costs a frame on
// the shadow stack, and a returned struct goes through memory; profiles of
// the module showed decode_char and Vocab::rank as functions of their own.
#pragma once

#if defined(__GNUC__)
#define LLMCALC_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define LLMCALC_ALWAYS_INLINE inline
#endif
