// Long loops of the vocabulary loaders, run as many calls of one chunk.
//
// Why: V8 compiles a wasm function first with its baseline compiler and
// moves it to optimized code only between calls (there is no on-stack
// replacement), so a loop over half a million merges in one call runs
// unoptimized from start to end, 3-5x slower in a fresh page or process.
// As calls of a chunk, the later chunks run optimized.
//
// The chunk must stay a function of its own, which `noinline` does not
// ensure: Binaryen (Emscripten's optimizer) inlines any function that has
// a single caller. The call goes through a volatile function pointer, which
// no optimizer can see through; natively it costs one indirect call a chunk.
#pragma once

#include <algorithm>
#include <cstddef>

namespace llmcalc {

inline constexpr std::size_t kLoopChunk = 4096;

// Calls body(begin, end) for consecutive ranges that cover [0, n), each at
// most `chunk` long, in order.
template <class Body>
void for_each_chunk(std::size_t n, Body& body, std::size_t chunk = kLoopChunk) {
  using Step = void (*)(Body&, std::size_t, std::size_t);
  static Step volatile step = [](Body& b, std::size_t begin, std::size_t end) { b(begin, end); };
  for (std::size_t i = 0; i < n; i += chunk) step(body, i, std::min(n, i + chunk));
}

}  // namespace llmcalc
