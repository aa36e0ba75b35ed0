#include "tokenizer/vocab.h"

#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

constexpr char kMagic[] = "LLMCVOC1";

[[noreturn]] void bad_file(const std::string& why) {
  throw InputError("vocabulary", "The vocabulary file is not usable: " + why +
                                     ". Rebuild it with data/vocab/build_vocab.mjs.");
}

}  // namespace

Vocab::Vocab(const std::uint8_t* data, std::size_t size, std::string_view expected_name)
    : blob_(data, data + size) {
  parse(expected_name);
}

Vocab::Vocab(std::vector<std::uint8_t> file, std::string_view expected_name)
    : blob_(std::move(file)) {
  parse(expected_name);
}

void Vocab::parse(std::string_view expected_name) {
  const std::uint8_t* data = blob_.data();
  const std::size_t size = blob_.size();
  std::size_t pos = 8;
  if (size < 8 + 1 + 4 || std::memcmp(data, kMagic, 8) != 0) {
    bad_file("it does not start with " + std::string(kMagic));
  }
  std::size_t name_len = data[pos++];
  if (pos + name_len + 4 > size) bad_file("it is truncated");
  std::string_view name(reinterpret_cast<const char*>(data + pos), name_len);
  if (name != expected_name) {
    bad_file("it holds '" + std::string(name) + "', not '" + std::string(expected_name) + "'");
  }
  pos += name_len;
  std::uint32_t count = 0;
  std::memcpy(&count, data + pos, 4);  // little-endian on every target we build for
  pos += 4;
  if (count > size) bad_file("its token count is larger than the file");

  offsets_.resize(count + 1);
  lengths_.resize(count);
  for (auto& r : byte_rank_) r = kNoRank;
  pair_rank_.assign(65536, kNoRank);
  // Load factor <= 0.5 keeps linear probing short; power of two for masking.
  std::size_t cap = 1024;
  while (cap < count * 2) cap <<= 1;
  table_.assign(cap, Slot{0, 0, 0});
  mask_ = cap - 1;

  for (std::uint32_t r = 0; r < count; ++r) {
    if (pos >= size) bad_file("it is truncated");
    std::size_t len = data[pos++];
    if (pos + len > size) bad_file("it is truncated");
    offsets_[r] = static_cast<std::uint32_t>(pos);
    lengths_[r] = static_cast<std::uint8_t>(len);
    const std::uint8_t* p = blob_.data() + pos;
    pos += len;
    if (len == 0) continue;
    ++count_;
    if (len > max_len_) max_len_ = len;
    if (len == 1) {
      byte_rank_[p[0]] = r;
      continue;
    }
    if (len == 2) {
      pair_rank_[p[0] << 8 | p[1]] = r;
      continue;
    }
    std::uint64_t head = load_head(p, len);
    std::size_t i = slot_of(hash(head, p, len));
    while (table_[i].len != 0) i = (i + 1) & mask_;
    table_[i] = Slot{head, static_cast<std::uint32_t>(len), r};
  }
  offsets_[count] = static_cast<std::uint32_t>(pos);
  if (pos != size) bad_file("it has trailing bytes");
  for (Rank r : byte_rank_) {
    // Byte-level BPE needs every single byte as a token, or some input
    // could not be encoded at all.
    if (r == kNoRank) bad_file("a single byte has no token");
  }
}

std::size_t Vocab::memory_bytes() const {
  return blob_.capacity() + offsets_.capacity() * sizeof(std::uint32_t) + lengths_.capacity() +
         table_.capacity() * sizeof(Slot) + pair_rank_.capacity() * sizeof(Rank);
}

}  // namespace llmcalc::tokenizer
