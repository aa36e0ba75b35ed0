// The merges of a Hugging Face BPE model: (left id, right id) -> the merge's
// index (its priority: lower merges first) and the id it makes. An open
// addressing table of flat arrays, so that loading 280,000 merges allocates
// three arrays, never one node per merge.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "tokenizer/vocab.h"

namespace llmcalc::tokenizer {

struct Merge {
  Rank index = kNoRank;  // kNoRank: the pair is not a merge
  Rank result = kNoRank;
};

class MergeTable {
 public:
  MergeTable() = default;
  explicit MergeTable(std::size_t expected);

  // Adds merge number `index`; the first entry for a pair wins, as in HF
  // (a later duplicate never has the lower index).
  void add(Rank left, Rank right, Rank index, Rank result);
  Merge find(Rank left, Rank right) const {
    if (keys_.empty()) return {};
    const std::uint64_t key = std::uint64_t{left} << 32 | right;
    for (std::size_t i = slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == kEmpty) return {};
      if (keys_[i] == key) return {index_[i], result_[i]};
    }
  }
  std::size_t size() const { return size_; }
  std::size_t memory_bytes() const {
    return keys_.capacity() * 8 + index_.capacity() * 4 + result_.capacity() * 4;
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  std::size_t slot(std::uint64_t key) const {
    key *= 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(key ^ (key >> 29)) & mask_;
  }
  std::vector<std::uint64_t> keys_;
  std::vector<Rank> index_, result_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace llmcalc::tokenizer
