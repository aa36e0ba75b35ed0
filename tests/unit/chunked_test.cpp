#include "util/chunked.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <utility>
#include <vector>

namespace llmcalc {
namespace {

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

Ranges chunks_of(std::size_t n, std::size_t chunk) {
  Ranges seen;
  auto body = [&](std::size_t begin, std::size_t end) { seen.emplace_back(begin, end); };
  for_each_chunk(n, body, chunk);
  return seen;
}

TEST(ForEachChunk, CoversTheRangeInOrderInPiecesOfAtMostTheChunk) {
  EXPECT_EQ(chunks_of(10, 4), (Ranges{{0, 4}, {4, 8}, {8, 10}}));
  EXPECT_EQ(chunks_of(8, 4), (Ranges{{0, 4}, {4, 8}}));
  EXPECT_EQ(chunks_of(3, 4), (Ranges{{0, 3}}));
  EXPECT_EQ(chunks_of(0, 4), Ranges{});
  EXPECT_EQ(chunks_of(kLoopChunk + 1, kLoopChunk).size(), 2u);
}

TEST(ForEachChunk, StateCarriesOverAndExceptionsPassThrough) {
  // The loaders keep running totals across chunks (vocab.cpp).
  std::size_t sum = 0;
  auto add = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) sum += i;
  };
  for_each_chunk(10000, add);
  EXPECT_EQ(sum, 10000u * 9999u / 2);
  auto fail = [](std::size_t begin, std::size_t) {
    if (begin > 0) throw std::runtime_error("bad input");
  };
  EXPECT_THROW(for_each_chunk(10, fail, 3), std::runtime_error);
}

}  // namespace
}  // namespace llmcalc
