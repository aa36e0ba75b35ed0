// The mergeable ranks of one BPE vocabulary, held for fast loading and fast
// lookup: the token bytes in one blob, a table of offsets gives
// rank -> bytes, and a flat open-addressing hash table gives bytes -> rank.
// Loading allocates a few arrays, never one object per token.
//
// File format (written by data/vocab/build_vocab.mjs; little-endian):
//   "LLMCVOC" u8 version  7-byte magic and the format version (2; a version 1
//                         file has the ASCII digit '1' there)
//   u8 name_len, name     the ranks' name, e.g. "o200k_base"
//   u32 count             number of ranks (0 .. count-1)
// version 2 (sorted and front-coded, in streams that compress well):
//   u32 m                 number of tokens (ranks without one are holes)
//   u32 suffix_bytes      size of the last stream
//   m x u8 prefix         bytes shared with the previous token in byte order
//   m x u8 suffix         bytes that follow them (at least 1)
//   3m x u8 rank          low, middle, high byte of each token's rank (planes)
//   suffix_bytes bytes    each token's suffix, in byte order
// version 3 (Hugging Face models and the legacy Claude file, issue #4):
//   the version 2 layout, then tokens longer than 255 bytes, then a
//   descriptor, merges and added tokens (hf_data.h;
//   data/vocab/build_hf_vocab.mjs documents the bytes)
// version 4 (OpenAI's byte-level BPE, what build_vocab.mjs writes):
//   the merges that made each token, rANS-coded (merge_decoder.h;
//   data/vocab/merge_coder.mjs documents the bytes and the model)
// version 1 (still read; what the tests' tiny vocabularies use):
//   count x (u8 len, len bytes)   the token of each rank, in rank order;
//                         len 0 marks a rank that has no token (p50k has gaps)
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/always_inline.h"
#include "util/raw_vector.h"
#include "util/short_bytes.h"

namespace llmcalc::tokenizer {

struct HfData;
struct TokenTable;

namespace detail {
// Throws the InputError (field "vocabulary") of a file that is not a usable
// vocabulary, saying why.
[[noreturn]] void bad_vocabulary_file(const std::string& why);
}  // namespace detail

using Rank = std::uint32_t;
constexpr Rank kNoRank = 0xFFFFFFFFu;

class Vocab {
 public:
  // Parses a vocabulary file; throws InputError (field "vocabulary") when the
  // bytes are not one, or name a different vocabulary than `expected_name`.
  Vocab(const std::uint8_t* data, std::size_t size, std::string_view expected_name);

  LLMCALC_ALWAYS_INLINE Rank rank(const std::uint8_t* p, std::size_t len) const {
    if (len > max_len_ || len == 0) return kNoRank;
    if (len == 1) return byte_rank_[p[0]];
    if (len == 2) return pair_rank_[p[0] << 8 | p[1]];  // every merge starts with pairs
    const std::uint64_t h = hash(p, len);
    const std::uint32_t tag = tag_of(h);
    for (std::size_t i = slot_of(h);; i = (i + 1) & mask_) {
      const std::uint32_t slot = table_[i];
      if (slot == 0) return kNoRank;
      if ((slot & ~rank_mask_) == tag) {
        Rank r = (slot & rank_mask_) - 1;
        if (lengths_[r] == len && same_bytes(blob_.data() + offsets_[r], p, len)) return r;
      }
    }
  }

  std::size_t size() const { return count_; }                           // ranks in use
  Rank rank_end() const { return static_cast<Rank>(lengths_.size()); }  // highest rank + 1
  // The bytes of a rank; empty for a rank without a token.
  std::string_view bytes(Rank r) const {
    if (r >= rank_end()) return {};
    return {reinterpret_cast<const char*>(blob_.data()) + offsets_[r], lengths_[r]};
  }
  std::size_t max_token_length() const { return max_len_; }
  std::size_t memory_bytes() const;
  // A version 3 file's merges and added tokens; null for versions 1 and 2.
  const HfData* hf() const { return hf_.get(); }

 private:
  // The hash table holds one 32-bit word per slot: rank + 1 in the low
  // rank_bits_ bits (0: an empty slot) and the hash's next bits above it as
  // a tag, so that most probes that miss never touch the token bytes. 4 bytes
  // a slot keep o200k_base's table at 2 MB: less memory to touch at load.
  std::uint32_t tag_of(std::uint64_t h) const {
    return static_cast<std::uint32_t>(h >> 32) << rank_bits_;
  }

  void parse(const std::uint8_t* data, std::size_t size, std::string_view expected_name);
  void parse_v1(const std::uint8_t* data, std::size_t size, std::size_t pos, std::uint32_t count);
  // Returns where the token streams end (a version 3 file goes on there).
  std::size_t parse_v2(const std::uint8_t* data, std::size_t size, std::size_t pos,
                       std::uint32_t count, bool trailer);
  void parse_v4(const std::uint8_t* data, std::size_t size, std::size_t pos, std::uint32_t count);
  // A version 3 file's tokens over 255 bytes; returns where they end.
  std::size_t parse_long_tokens(const std::uint8_t* data, std::size_t size, std::size_t pos);
  void index(std::uint32_t count, bool all_bytes);
  static std::uint64_t hash(const std::uint8_t* p, std::size_t len) {
    std::uint64_t h = (load_le(p, len) ^ (len * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
    for (std::size_t i = 8; i < len; i += 8) {
      std::uint64_t v = load_le(p + i, len - i);
      h = (h ^ v ^ (h >> 29)) * 0x94D049BB133111EBull;
    }
    return h ^ (h >> 32);
  }
  std::size_t slot_of(std::uint64_t h) const { return static_cast<std::size_t>(h) & mask_; }

  // Raw vectors (util/raw_vector.h): sized without a fill, see there.
  RawVector<std::uint8_t> blob_;
  RawVector<std::uint32_t> offsets_;  // rank -> offset in blob_ (count entries)
  RawVector<std::uint16_t> lengths_;  // rank -> token length (0: none)
  RawVector<std::uint32_t> table_;
  unsigned rank_bits_ = 0;
  std::uint32_t rank_mask_ = 0;
  std::size_t mask_ = 0;
  std::size_t max_len_ = 0;
  std::size_t count_ = 0;
  Rank byte_rank_[256];
  RawVector<Rank> pair_rank_;  // 65536 entries: two-byte tokens without hashing
  std::shared_ptr<const HfData> hf_;
};

}  // namespace llmcalc::tokenizer
