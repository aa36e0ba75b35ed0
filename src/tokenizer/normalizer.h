// Unicode normalization to NFC or NFKC (UAX #15), for the tokenizers that
// normalize their input: Qwen (tokenizer.json "normalizer": NFC) and the
// legacy Claude tokenizer (NFKC). Tables: normalization_tables.h.
//
// Nearly all text is already normalized, so a quick check comes first (no
// character that may change or make a neighbour change): is_normalized(),
// or normalize_if_needed(), which writes a copy only when the check fails.
//
// Bytes that are not valid UTF-8 (utf8.h) pass through unchanged, each one
// a starter that composes with nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace llmcalc::tokenizer {

enum class NormalForm { kNfc, kNfkc };

// True when normalize() would return s unchanged (a quick check: false
// may still mean unchanged).
bool is_normalized(NormalForm form, const std::uint8_t* s, std::size_t n);

// Writes the normal form of s[0, n) to `out`. With `origin`, also where each
// output byte came from: origin->size() == out.size() + 1, non-decreasing,
// origin[k] the input offset of the character (or of the first character of
// the composed sequence) that output byte k belongs to, and origin[out.size()]
// == n. So a range of output bytes maps back to a range of input bytes.
void normalize(NormalForm form, const std::uint8_t* s, std::size_t n, std::string& out,
               std::vector<std::uint32_t>* origin);

// normalize() in one pass over s when s passes the quick check: then it
// returns false and `out` and `origin` hold nothing (use s itself).
bool normalize_if_needed(NormalForm form, const std::uint8_t* s, std::size_t n, std::string& out,
                         std::vector<std::uint32_t>* origin);

}  // namespace llmcalc::tokenizer
