#include "tokenizer/merge_table.h"

namespace llmcalc::tokenizer {

MergeTable::MergeTable(std::size_t expected) {
  // Load factor <= 0.5 keeps probes short.
  std::size_t cap = 1024;
  while (cap < expected * 2) cap <<= 1;
  keys_.assign(cap, kEmpty);
  index_.assign(cap, kNoRank);
  result_.assign(cap, kNoRank);
  mask_ = cap - 1;
}

void MergeTable::add(Rank left, Rank right, Rank index, Rank result) {
  const std::uint64_t key = std::uint64_t{left} << 32 | right;
  std::size_t i = slot(key);
  while (keys_[i] != kEmpty) {
    if (keys_[i] == key) return;
    i = (i + 1) & mask_;
  }
  keys_[i] = key;
  index_[i] = index;
  result_[i] = result;
  ++size_;
}

}  // namespace llmcalc::tokenizer
