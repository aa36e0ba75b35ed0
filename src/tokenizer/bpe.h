// Byte-pair merging of one piece, with tiktoken's rule: repeatedly merge the
// adjacent pair whose concatenation has the lowest rank, the leftmost one on
// ties, until no adjacent pair is a token (tiktoken src/lib.rs,
// byte_pair_merge).
//
// Short pieces – nearly all of them in real text – use tiktoken's own
// array scan, which is fastest there. Long pieces (a megabyte of one letter,
// base64, minified code) use a min-heap of (rank, position) over a linked
// list of parts, O(n log n) instead of O(n^2); popping the smallest
// (rank, position) is the same choice as "lowest rank, leftmost", so both
// give identical tokens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "tokenizer/vocab.h"
#include "util/raw_vector.h"

namespace llmcalc::tokenizer {

// Reused buffers, so that merging allocates only while a piece is longer
// than any before it. One per thread (an Encoding owns one). Raw vectors
// (util/raw_vector.h): every merge writes what it reads, and a plain
// vector's resize zeroed the growth again on each piece longer than the
// last, a call per piece in a first pass.
struct BpeWorkspace {
  RawVector<std::uint32_t> starts;  // result: part i is [starts[i], starts[i+1])
  RawVector<Rank> ranks;            // result: rank of part i
  RawVector<Rank> pair, made;
  RawVector<std::uint32_t> next, prev;
  RawVector<std::uint8_t> text;  // pair_merge of character-level models (pair_bpe.cpp)
  RawVector<std::uint32_t> at;
  RawVector<std::uint64_t> heap;
  // The long-piece merge's parts, one record each: a merge touches a part
  // and its neighbours, which then share a cache line or two.
  struct Part {
    std::uint32_t next, prev;
    Rank pair;  // rank of this part joined with the next; kNoRank if none or dead
    Rank tok;
  };
  RawVector<Part> parts;
};

// Merges piece [p, p + len), len >= 1. Returns the number of tokens; their
// ranks and start offsets (relative to p) are in ws.ranks / ws.starts, with
// ws.starts[count] == len.
std::size_t bpe_merge(const Vocab& vocab, const std::uint8_t* p, std::size_t len, BpeWorkspace& ws);

}  // namespace llmcalc::tokenizer
