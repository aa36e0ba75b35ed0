// Byte-pair merging with Hugging Face's rule: repeatedly apply the adjacent
// pair with the lowest merge index, the leftmost one on ties, until no
// adjacent pair is a merge (tokenizers/src/models/bpe/word.rs, merge_all;
// transformers.js BPE.bpe breaks ties the same way with its positional
// bias). This differs from tiktoken's rule (bpe.h), which ranks a pair by
// the token it makes and merges any pair whose bytes form a token: a model
// trained by HF has tokens that no merge of the pair at hand reaches.
//
// A min-heap of (merge index, position) over a linked list of parts, as in
// bpe.cpp's long-piece path: O(n log n) for any length, so a megabyte in one
// piece stays fast.
#pragma once

#include <cstddef>
#include <cstdint>

#include "tokenizer/bpe.h"
#include "tokenizer/merge_table.h"

namespace llmcalc::tokenizer {

// Character-level models (Gemma 3, converted from SentencePiece) start from
// one part per character instead of per byte: a character without a token
// becomes one <0xXX> token per byte (byte_fallback), and ' ' is read as '▁'
// (U+2581), which is what their normalizer writes (HF's Replace
// normalizer; done here so that offsets stay those of the input).
struct CharSymbols {
  Rank byte_fallback[256];
  Rank space;  // the token "▁"
};

// Merges piece [p, p + len), len >= 1, starting from one part per byte
// (byte-level BPE: every byte is a token), or per character with `chars`.
// Returns the number of tokens; ids and starts are in ws.ranks / ws.starts
// as for bpe_merge.
std::size_t pair_merge(const Vocab& vocab, const MergeTable& merges, const std::uint8_t* p,
                       std::size_t len, BpeWorkspace& ws, const CharSymbols* chars = nullptr);

}  // namespace llmcalc::tokenizer
