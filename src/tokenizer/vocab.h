// The mergeable ranks of one BPE vocabulary, held for fast loading and fast
// lookup: the caller's file bytes are kept as they are (one blob), a table
// of offsets gives rank -> bytes, and a flat open-addressing hash table
// gives bytes -> rank. Loading allocates three arrays, never one object per
// token.
//
// File format (written by data/vocab/build_vocab.mjs; little-endian):
//   "LLMCVOC1"            8-byte magic
//   u8 name_len, name     the ranks' name, e.g. "o200k_base"
//   u32 count             number of ranks (0 .. count-1)
//   count x (u8 len, len bytes)   the token of each rank, in rank order;
//                         len 0 marks a rank that has no token (p50k has gaps)
// Ranks are implicit in the order, so the file is little more than the
// token bytes themselves and compresses well.
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
    for (;; i = (i + 1) & mask_) {
      const Slot& slot = table_[i];
      if (slot.len == 0) return kNoRank;
      if (slot.head == head && slot.len == len &&
          (len <= 8 || std::memcmp(blob_.data() + offsets_[slot.rank] + 8, p + 8, len - 8) == 0)) {
        return slot.rank;
      }
    }
  }

  std::size_t size() const { return count_; }                               // ranks in use
  Rank rank_end() const { return static_cast<Rank>(offsets_.size() - 1); }  // highest rank + 1
  // The bytes of a rank; empty for a rank without a token.
  std::string_view bytes(Rank r) const {
    if (r >= rank_end()) return {};
    return {reinterpret_cast<const char*>(blob_.data()) + offsets_[r], lengths_[r]};
  }
  std::size_t max_token_length() const { return max_len_; }
  std::size_t memory_bytes() const;

 private:
  struct Slot {
    std::uint64_t head;  // first up to 8 bytes, zero-padded
    std::uint32_t len;   // 0 = empty slot
    Rank rank;
  };

  void parse(std::string_view expected_name);

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
  std::vector<std::uint32_t> offsets_;  // rank -> offset in blob_
  std::vector<std::uint8_t> lengths_;   // rank -> token length (0: none)
  std::vector<Slot> table_;
  std::size_t mask_ = 0;
  std::size_t max_len_ = 0;
  std::size_t count_ = 0;
  Rank byte_rank_[256];
  std::vector<Rank> pair_rank_;  // 65536 entries: two-byte tokens without hashing
};

}  // namespace llmcalc::tokenizer
