#include "tokenizer/vocab.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "tokenizer/hf_data.h"
#include "tokenizer/merge_decoder.h"
#include "util/chunked.h"
#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

constexpr char kMagic[] = "LLMCVOC";  // + one version byte
constexpr std::uint8_t kVersion1 = '1';
constexpr std::uint8_t kVersion2 = 2;
constexpr std::uint8_t kVersion3 = 3;
constexpr std::uint8_t kVersion4 = 4;

// Every message of a file that is not a usable vocabulary (merge_decoder.cpp
// throws the same).
[[noreturn]] void bad_file(const std::string& why) { detail::bad_vocabulary_file(why); }

std::uint32_t read_u32(const std::uint8_t* p) {
  std::uint32_t v = 0;
  std::memcpy(&v, p, 4);  // little-endian on every target we build for
  return v;
}

}  // namespace

void detail::bad_vocabulary_file(const std::string& why) {
  throw InputError("vocabulary", "The vocabulary file is not usable: " + why +
                                     ". Rebuild it with data/vocab/build_vocab.mjs.");
}

Vocab::Vocab(const std::uint8_t* data, std::size_t size, std::string_view expected_name) {
  parse(data, size, expected_name);
}

// Reads the caller's bytes in place and keeps nothing pointing into them: a
// copy of a 4 MB file would be 4 MB more of fresh memory to touch, which is
// what loading costs most besides the work itself.
void Vocab::parse(const std::uint8_t* data, std::size_t size, std::string_view expected_name) {
  if (size < 8 + 1 + 4 || std::memcmp(data, kMagic, 7) != 0) {
    bad_file("it does not start with " + std::string(kMagic));
  }
  const std::uint8_t version = data[7];
  if (version != kVersion1 && version != kVersion2 && version != kVersion3 &&
      version != kVersion4) {
    bad_file("it has format version " + std::to_string(version) + ", this build reads 1 to 4");
  }
  std::size_t pos = 8;
  std::size_t name_len = data[pos++];
  if (pos + name_len + 4 > size) bad_file("it is truncated");
  std::string_view name(reinterpret_cast<const char*>(data + pos), name_len);
  if (name != expected_name) {
    bad_file("it holds '" + std::string(name) + "', not '" + std::string(expected_name) + "'");
  }
  pos += name_len;
  std::uint32_t count = read_u32(data + pos);
  pos += 4;
  if (count > size) bad_file("its token count is larger than the file");
  if (count > (1u << 24)) bad_file("it has more ranks than this build supports");

  if (version == kVersion1) {
    parse_v1(data, size, pos, count);
    blob_.assign(data, data + size);  // offsets are positions in the file
    index(count, true);
    return;
  }
  if (version == kVersion4) {
    parse_v4(data, size, pos, count);
    index(count, true);
    return;
  }
  std::size_t trailer = parse_v2(data, size, pos, count, version == kVersion3);
  if (version == kVersion3) trailer = parse_long_tokens(data, size, trailer);
  // A version 3 file may hold a character-level model (byte fallback):
  // Encoding checks the single bytes of the byte-level ones.
  index(count, version != kVersion3);
  if (version == kVersion3) {
    hf_ = std::make_shared<const HfData>(parse_hf_data(*this, data, trailer, size));
  }
}

void Vocab::parse_v1(const std::uint8_t* data, std::size_t size, std::size_t pos,
                     std::uint32_t count) {
  offsets_.resize(count);
  lengths_.resize(count);
  for (std::uint32_t r = 0; r < count; ++r) {
    if (pos >= size) bad_file("it is truncated");
    std::size_t len = data[pos++];
    if (pos + len > size) bad_file("it is truncated");
    offsets_[r] = static_cast<std::uint32_t>(pos);
    lengths_[r] = static_cast<std::uint8_t>(len);
    pos += len;
  }
  if (pos != size) bad_file("it has trailing bytes");
}

std::size_t Vocab::parse_v2(const std::uint8_t* data, std::size_t size, std::size_t pos,
                            std::uint32_t count, bool trailer) {
  if (pos + 8 > size) bad_file("it is truncated");
  const std::size_t m = read_u32(data + pos);
  const std::size_t suffix_bytes = read_u32(data + pos + 4);
  pos += 8;
  if (m > count) bad_file("it has more tokens than ranks");
  const std::size_t need = pos + 5 * m + suffix_bytes;  // no overflow: both are u32
  if (size < need) bad_file("it is truncated");
  if (size > need && !trailer) bad_file("it has trailing bytes");
  const std::uint8_t* prefix = data + pos;
  const std::uint8_t* suffix = prefix + m;
  const std::uint8_t* plane0 = suffix + m;
  const std::uint8_t* tail = plane0 + 3 * m;

  // First pass over the two length streams: check them, size the blob.
  std::size_t total = 0;
  std::size_t suffix_total = 0;
  std::size_t prev_len = 0;
  auto check = [&](std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      std::size_t len = std::size_t{prefix[j]} + suffix[j];
      if (prefix[j] > prev_len || suffix[j] == 0 || len > 255) {
        bad_file("token " + std::to_string(j) + " has impossible lengths");
      }
      total += len;
      suffix_total += suffix[j];
      prev_len = len;
    }
  };
  for_each_chunk(m, check);
  if (suffix_total != suffix_bytes) bad_file("its token lengths do not add up");

  // Second pass: rebuild each token from its predecessor's prefix and its
  // own suffix, and place it at its rank.
  blob_.resize(total);  // every byte is written below
  fill_bytes(offsets_, count, 0);
  fill_bytes(lengths_, count, 0);
  std::uint8_t* out = blob_.data();
  std::size_t at = 0;
  std::size_t prev_at = 0;
  auto decode = [&](std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      Rank r = static_cast<Rank>(plane0[j] | plane0[m + j] << 8 | plane0[2 * m + j] << 16);
      if (r >= count || lengths_[r] != 0) {
        bad_file("rank " + std::to_string(r) + " is out of range or repeated");
      }
      std::memcpy(out + at, out + prev_at, prefix[j]);
      std::memcpy(out + at + prefix[j], tail, suffix[j]);
      tail += suffix[j];
      offsets_[r] = static_cast<std::uint32_t>(at);
      lengths_[r] = static_cast<std::uint8_t>(prefix[j] + suffix[j]);
      prev_at = at;
      at += lengths_[r];
    }
  };
  for_each_chunk(m, decode);
  return need;
}

void Vocab::parse_v4(const std::uint8_t* data, std::size_t size, std::size_t pos,
                     std::uint32_t count) {
  TokenTable tokens;
  decode_merges(data, size, pos, count, tokens);
  blob_ = std::move(tokens.blob);
  offsets_ = std::move(tokens.offsets);
  lengths_ = std::move(tokens.lengths);
}

std::size_t Vocab::parse_long_tokens(const std::uint8_t* data, std::size_t size, std::size_t pos) {
  if (pos + 4 > size) bad_file("it is truncated");
  std::uint32_t n = read_u32(data + pos);
  pos += 4;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (pos + 5 > size) bad_file("it is truncated");
    Rank r = static_cast<Rank>(data[pos] | data[pos + 1] << 8 | data[pos + 2] << 16);
    std::size_t len = data[pos + 3] | data[pos + 4] << 8;
    pos += 5;
    if (pos + len > size) bad_file("it is truncated");
    if (r >= lengths_.size() || lengths_[r] != 0 || len <= 255) {
      bad_file("long token " + std::to_string(r) + " is out of range, repeated or short");
    }
    offsets_[r] = static_cast<std::uint32_t>(blob_.size());
    lengths_[r] = static_cast<std::uint16_t>(len);
    blob_.insert(blob_.end(), data + pos, data + pos + len);
    pos += len;
  }
  return pos;
}

void Vocab::index(std::uint32_t count, bool all_bytes) {
  for (auto& r : byte_rank_) r = kNoRank;
  fill_bytes(pair_rank_, 65536, 0xFF);  // kNoRank
  std::size_t hashed = 0;
  auto tally = [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) hashed += lengths_[r] > 2;
  };
  for_each_chunk(count, tally);
  // Load factor <= 0.5 keeps linear probing short; power of two for masking.
  std::size_t cap = 1024;
  while (cap < hashed * 2) cap <<= 1;
  fill_bytes(table_, cap, 0);
  mask_ = cap - 1;
  rank_bits_ = 1;
  while ((std::uint64_t{1} << rank_bits_) <= count) ++rank_bits_;  // rank + 1 <= count fits
  rank_mask_ = static_cast<std::uint32_t>((std::uint64_t{1} << rank_bits_) - 1);

  auto insert = [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) {
      std::size_t len = lengths_[r];
      if (len == 0) continue;
      const std::uint8_t* p = blob_.data() + offsets_[r];
      ++count_;
      if (len > max_len_) max_len_ = len;
      if (len == 1) {
        byte_rank_[p[0]] = static_cast<Rank>(r);
        continue;
      }
      if (len == 2) {
        pair_rank_[p[0] << 8 | p[1]] = static_cast<Rank>(r);
        continue;
      }
      const std::uint64_t h = hash(p, len);
      std::size_t i = slot_of(h);
      while (table_[i] != 0) i = (i + 1) & mask_;
      table_[i] = tag_of(h) | static_cast<std::uint32_t>(r + 1);
    }
  };
  for_each_chunk(count, insert);
  for (Rank r : byte_rank_) {
    // Byte-level BPE needs every single byte as a token, or some input
    // could not be encoded at all.
    if (all_bytes && r == kNoRank) bad_file("a single byte has no token");
  }
}

std::size_t Vocab::memory_bytes() const {
  return blob_.capacity() + offsets_.capacity() * sizeof(std::uint32_t) + lengths_.capacity() +
         table_.capacity() * sizeof(std::uint32_t) + pair_rank_.capacity() * sizeof(Rank);
}

}  // namespace llmcalc::tokenizer
