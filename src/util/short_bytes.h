// Loads and compares of short byte strings, inline, a word at a time.
//
// Why not std::memcpy / std::memcmp with a variable length: the tokenizer
// hashes and compares a piece or token on every vocabulary lookup and piece
// cache probe, nearly always under 16 bytes. Under Emscripten both are
// musl's byte loops behind a call, which made Vocab::rank the tokenizer's
// hottest function in a wasm profile. Overlapping word loads cover any
// length with no byte loop and no call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace llmcalc {

template <class Word>
inline Word load_word(const std::uint8_t* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);  // a fixed size: one unaligned load
  return w;
}

// The n <= 8 bytes at p as a little-endian number, zero above them: what
// memcpy of n bytes into a zeroed uint64_t gives on a little-endian target
// (wasm and x86). Overlapping bytes of the two loads land on the same bits.
inline std::uint64_t load_le(const std::uint8_t* p, std::size_t n) {
  if (n >= 8) return load_word<std::uint64_t>(p);
  if (n >= 4) {
    return load_word<std::uint32_t>(p) | std::uint64_t{load_word<std::uint32_t>(p + n - 4)}
                                             << (8 * (n - 4));
  }
  if (n >= 2) {
    return load_word<std::uint16_t>(p) | std::uint64_t{load_word<std::uint16_t>(p + n - 2)}
                                             << (8 * (n - 2));
  }
  return n == 1 ? p[0] : 0;
}

inline bool same_bytes(const std::uint8_t* a, const std::uint8_t* b, std::size_t n) {
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (load_word<std::uint64_t>(a + i) != load_word<std::uint64_t>(b + i)) return false;
    }
    return load_word<std::uint64_t>(a + n - 8) == load_word<std::uint64_t>(b + n - 8);
  }
  return load_le(a, n) == load_le(b, n);
}

}  // namespace llmcalc
