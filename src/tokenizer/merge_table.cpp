#include "tokenizer/merge_table.h"

#include <algorithm>
#include <string>

#include "tokenizer/hf_data.h"
#include "util/chunked.h"

namespace llmcalc::tokenizer {

MergeTable::MergeTable(const Vocab& vocab, const std::uint8_t* split,
                       const std::uint8_t* result_planes, std::size_t n)
    : ranks_(vocab.rank_end()) {
  auto result = [&](std::size_t i) {
    return static_cast<Rank>(result_planes[i] | result_planes[n + i] << 8 |
                             result_planes[2 * n + i] << 16);
  };
  if (n >= (std::size_t{1} << 24)) bad_hf_file("it has more merges than this build supports");
  // A counting sort by result, in place: first_[r] counts the merges of
  // rank r, then holds where its range ends, and placing the merges from
  // the last one down moves it to where the range starts. Merge order is
  // kept within a rank, so the first match of a lookup has the lowest index.
  fill_bytes(first_, std::size_t{ranks_} + 1, 0);
  auto count = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      Rank r = result(i);
      std::size_t len = vocab.bytes(r).size();  // empty for a rank out of range
      if (len == 0 || split[i] == 0 || split[i] >= len) {
        bad_hf_file("merge " + std::to_string(i) + " does not fit its token");
      }
      ++first_[r];
    }
  };
  for_each_chunk(n, count);
  auto sum = [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = std::max<std::size_t>(begin, 1); r < end; ++r) first_[r] += first_[r - 1];
  };
  for_each_chunk(ranks_, sum);
  first_[ranks_] = static_cast<std::uint32_t>(n);
  merges_.resize(n);
  auto place = [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = n - begin; k > n - end; --k) {
      std::size_t i = k - 1;
      merges_[--first_[result(i)]] = static_cast<std::uint32_t>(i) << 8 | split[i];
    }
  };
  for_each_chunk(n, place);
}

}  // namespace llmcalc::tokenizer
