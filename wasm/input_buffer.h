// Buffers in wasm memory that JavaScript fills in place (TextEncoder's
// encodeInto, TypedArray.set) before a call, for inputs that may be huge.
// Two reasons not to pass such inputs as an Embind std::string: it copies
// them once more, and Emscripten 3.1.6's glue does not check malloc's result
// (with ALLOW_MEMORY_GROWTH a failed malloc returns 0), so a string that
// does not fit would be written over the bottom of memory. Here a failed
// allocation gives an empty buffer and a null view, which js/ turns into an
// "Out of memory" LlmcalcError, and the module keeps working.
#pragma once

#include <emscripten/val.h>

#include <cstddef>
#include <exception>
#include <vector>

namespace llmcalc::wasm {

// Buffers above this are freed after their call, so one huge input does
// not pin its memory for the page's life (wasm memory itself never shrinks,
// but freed memory is reused by the next call).
constexpr std::size_t kKeepBytes = 16u << 20;

// Resizes `buffer` (a std::vector or a RawVector) to n elements, keeping
// its contents, and returns a view
// of it, or null when that much memory is not available.
template <class Vector>
emscripten::val sized_view(Vector& buffer, std::size_t n) {
  try {
    buffer.resize(n);
  } catch (const std::exception&) {  // std::bad_alloc, or length_error past max_size()
    Vector().swap(buffer);
    return emscripten::val::null();
  }
  return emscripten::val(emscripten::typed_memory_view(buffer.size(), buffer.data()));
}

template <class Buffer>
void release_if_large(Buffer& buffer) {
  if (buffer.capacity() * sizeof(buffer[0]) > kKeepBytes) Buffer().swap(buffer);
}

}  // namespace llmcalc::wasm
