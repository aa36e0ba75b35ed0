// The merges of a Hugging Face BPE model, by the token they make. Merge i
// makes token result[i] from its bytes cut after split[i] bytes, which is
// how the file stores it (hf_data.h). Whether two adjacent parts merge is
// asked as: is their concatenation a token, and does one of its merges cut
// it where the two parts meet? The lowest such merge index is the pair's
// priority.
//
// Why by result and not by (left id, right id): a pair table needs both
// parts of every merge looked up as tokens while loading, two hash lookups
// a merge, over half a million merges for Gemma 3, the bulk of its load
// time. Grouping by result takes two passes over the file's arrays (the
// results come nearly in order) and a fifth of the memory. Each token is made by few merges
// (Gemma 3: 514,906 merges for 262,144 tokens), so a lookup scans a list of
// one or two.
#pragma once

#include <cstddef>
#include <cstdint>

#include "tokenizer/vocab.h"
#include "util/raw_vector.h"

namespace llmcalc::tokenizer {

class MergeTable {
 public:
  MergeTable() = default;
  // n merges: split[i] and result[i] as in the file (results as three byte
  // planes, low first). Throws InputError (field "vocabulary") when a result
  // is not a token of `vocab` or a split does not fall inside it.
  MergeTable(const Vocab& vocab, const std::uint8_t* split, const std::uint8_t* result_planes,
             std::size_t n);

  // The lowest index of a merge that makes `result` from its first
  // `left_len` bytes and the rest; kNoRank when there is none (also for
  // result == kNoRank).
  Rank index(Rank result, std::size_t left_len) const {
    if (result >= ranks_) return kNoRank;
    for (std::uint32_t k = first_[result], e = first_[result + 1]; k < e; ++k) {
      if ((merges_[k] & 0xFF) == left_len) return merges_[k] >> 8;
    }
    return kNoRank;
  }
  std::size_t size() const { return merges_.size(); }
  std::size_t memory_bytes() const { return first_.capacity() * 4 + merges_.capacity() * 4; }

 private:
  // Loading touches every byte of these once, and fresh memory is what
  // loading costs most in a new process (about 3 ms a megabyte measured
  // here), so a merge is one word: its index << 8 | its split.
  std::uint32_t ranks_ = 0;          // first_ has ranks_ + 1 entries
  RawVector<std::uint32_t> first_;   // the merges of rank r: [first_[r], first_[r + 1])
  RawVector<std::uint32_t> merges_;  // by rank, then by index
};

}  // namespace llmcalc::tokenizer
