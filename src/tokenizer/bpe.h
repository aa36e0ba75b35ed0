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
// give identical tokens. Very long pieces are merged a few hundred bytes at
// a time, and each seam is mended until the result is the one BPE gives
// the whole piece (bpe.cpp, merge_in_chunks).
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
  // The chunked merge of very long pieces: the tokens so far, and the
  // latest chunk's and window's, while ws.starts/ws.ranks hold the
  // result of the latest merge.
  struct Tokens {
    RawVector<std::uint32_t> starts;  // absolute offsets; one past the last token's end
    RawVector<Rank> ranks;
  };
  Tokens done, chunk, window;
};

// Merges piece [p, p + len), len >= 1. Returns the number of tokens; their
// ranks and start offsets (relative to p) are in ws.ranks / ws.starts, with
// ws.starts[count] == len.
std::size_t bpe_merge(const Vocab& vocab, const std::uint8_t* p, std::size_t len, BpeWorkspace& ws);

namespace detail {
// bpe_merge's path for pieces longer than `chunk` bytes, with the chunk
// size as a parameter so that tests can put a seam every few bytes.
// `fell_back`, if given, says whether the seams cost too much and the
// piece was merged whole instead.
std::size_t merge_in_chunks(const Vocab& vocab, const std::uint8_t* p, std::size_t len,
                            std::size_t chunk, BpeWorkspace& ws, bool* fell_back = nullptr);
}  // namespace detail

}  // namespace llmcalc::tokenizer
