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
// version 1 (still read; what the tests' tiny vocabularies use):
//   count x (u8 len, len bytes)   the token of each rank, in rank order;
//                         len 0 marks a rank that has no token (p50k has gaps)
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace llmcalc::tokenizer {

using Rank = std::uint32_t;
constexpr Rank kNoRank = 0xFFFFFFFFu;

class Vocab {
 public:
  // Parses a vocabulary file; throws InputError (field "vocabulary") when the
  // bytes are not one, or name a different vocabulary than `expected_name`.
  Vocab(const std::uint8_t* data, std::size_t size, std::string_view expected_name);
  // The same, taking over the caller's buffer instead of copying it.
  Vocab(std::vector<std::uint8_t> file, std::string_view expected_name);

  Rank rank(const std::uint8_t* p, std::size_t len) const {
    if (len > max_len_ || len == 0) return kNoRank;
    if (len == 1) return byte_rank_[p[0]];
    if (len == 2) return pair_rank_[p[0] << 8 | p[1]];  // every merge starts with pairs
    std::uint64_t head = load_head(p, len);
    std::size_t i = slot_of(hash(head, p, len));
    const std::uint32_t lo = static_cast<std::uint32_t>(head);
    const std::uint32_t hi = static_cast<std::uint32_t>(head >> 32);
    const std::uint32_t len_bits = static_cast<std::uint32_t>(len) << kRankBits;
    for (;; i = (i + 1) & mask_) {
      const Slot& slot = table_[i];
      if (slot.len_rank == 0) return kNoRank;
      if (slot.head_lo == lo && slot.head_hi == hi && (slot.len_rank & ~kRankMask) == len_bits) {
        Rank r = slot.len_rank & kRankMask;
        if (len <= 8 || std::memcmp(blob_.data() + offsets_[r] + 8, p + 8, len - 8) == 0) return r;
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

 private:
  // 12 bytes: the token's first up to 8 bytes (zero-padded) and its length
  // and rank in one word, so that a hit on a token of up to 8 bytes is
  // decided without touching the blob. len_rank 0 is an empty slot (every
  // token in the table has at least 3 bytes).
  static constexpr unsigned kRankBits = 24;
  static constexpr std::uint32_t kRankMask = (1u << kRankBits) - 1;
  struct Slot {
    std::uint32_t head_lo;
    std::uint32_t head_hi;
    std::uint32_t len_rank;  // len << 24 | rank
  };

  void parse(std::vector<std::uint8_t> file, std::string_view expected_name);
  void parse_v1(const std::vector<std::uint8_t>& file, std::size_t pos, std::uint32_t count);
  void parse_v2(const std::vector<std::uint8_t>& file, std::size_t pos, std::uint32_t count);
  void index(std::uint32_t count);
  void insert_ranks(std::uint32_t begin, std::uint32_t end);
  struct Cursor {  // the state of decoding a version 2 file
    const std::uint8_t* prefix;
    const std::uint8_t* suffix;
    const std::uint8_t* planes;
    const std::uint8_t* tail;
    std::size_t m;
    std::size_t at;
    std::size_t prev_at;
  };
  void decode_v2(Cursor& c, std::size_t begin, std::size_t end, std::uint32_t count);

  static std::uint64_t load_head(const std::uint8_t* p, std::size_t len) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, len < 8 ? len : 8);
    return v;
  }
  static std::uint64_t hash(std::uint64_t head, const std::uint8_t* p, std::size_t len) {
    std::uint64_t h = (head ^ (len * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
    for (std::size_t i = 8; i < len; i += 8) {
      std::uint64_t v = 0;
      std::memcpy(&v, p + i, len - i < 8 ? len - i : 8);
      h = (h ^ v ^ (h >> 29)) * 0x94D049BB133111EBull;
    }
    return h ^ (h >> 32);
  }
  std::size_t slot_of(std::uint64_t h) const { return static_cast<std::size_t>(h) & mask_; }

  std::vector<std::uint8_t> blob_;
  std::vector<std::uint32_t> offsets_;  // rank -> offset in blob_ (count entries)
  std::vector<std::uint8_t> lengths_;   // rank -> token length (0: none)
  std::vector<Slot> table_;
  std::size_t mask_ = 0;
  std::size_t max_len_ = 0;
  std::size_t count_ = 0;
  Rank byte_rank_[256];
  std::vector<Rank> pair_rank_;  // 65536 entries: two-byte tokens without hashing
};

}  // namespace llmcalc::tokenizer
