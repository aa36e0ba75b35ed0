// Tables for Unicode normalization (normalizer.h), generated from the
// Unicode Character Database (15.0) by data/unicode/generate_normalization.py.
// All sorted, for binary search:
//   kCcc              cp << 8 | canonical combining class, for classes != 0
//   kNfdKeys/Spans    code points with a canonical decomposition; span =
//                     offset << 5 | length into kNfdPool (fully expanded,
//                     UTF-16 code units)
//   kNfkdRuns         (first, count, first target): cp first + i maps to
//                     target + i alone under NFKD
//   kNfkdKeys/Spans   the other compatibility decompositions that differ
//                     from the canonical one
//   kCompose          first << 42 | second << 21 | composite (primary composites)
//   kNfcAttention     [first, last] ranges of code points that NFC may change
//   kNfkcAttention    or that may change a neighbour; text without them is
//                     already normalized
#pragma once

#include <cstddef>
#include <cstdint>

namespace llmcalc::tokenizer::detail {

extern const std::uint32_t kCcc[];
extern const std::size_t kCccSize;
extern const std::uint32_t kNfdKeys[], kNfdSpans[];
extern const std::uint16_t kNfdPool[];
extern const std::size_t kNfdKeysSize, kNfdSpansSize, kNfdPoolSize;
extern const std::uint32_t kNfkdRuns[];
extern const std::size_t kNfkdRunsSize;
extern const std::uint32_t kNfkdKeys[], kNfkdSpans[];
extern const std::uint16_t kNfkdPool[];
extern const std::size_t kNfkdKeysSize, kNfkdSpansSize, kNfkdPoolSize;
extern const std::uint64_t kCompose[];
extern const std::size_t kComposeSize;
extern const std::uint32_t kNfcAttention[], kNfkcAttention[];
extern const std::size_t kNfcAttentionSize, kNfkcAttentionSize;

}  // namespace llmcalc::tokenizer::detail
