#include "tokenizer/merge_decoder.h"

#include <cstring>
#include <string>
#include <vector>

#include "tokenizer/vocab.h"
#include "util/always_inline.h"
#include "util/chunked.h"

namespace llmcalc::tokenizer {
namespace {

using detail::bad_vocabulary_file;

// merge_coder.mjs's constants.
constexpr unsigned kProbBits = 12;
constexpr std::uint32_t kProbScale = 1u << kProbBits;
constexpr std::uint32_t kRansL = 1u << 23;
constexpr unsigned kSizeClasses = 26;
constexpr unsigned kKeyA = 0;
constexpr unsigned kKeyB = 1;
constexpr unsigned kTables = 2 + 2 * kSizeClasses;
// No real token comes near; a corrupt file could otherwise double a token's
// length at every rank and ask for gigabytes.
constexpr std::size_t kMaxTokenLength = 65535;      // lengths are 16-bit
constexpr std::size_t kMaxAverageTokenLength = 32;  // o200k_base: 7

std::uint32_t read_u32(const std::uint8_t* p) {
  std::uint32_t v = 0;
  std::memcpy(&v, p, 4);  // little-endian on every target we build for
  return v;
}

class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size, std::size_t pos)
      : data_(data), size_(size), pos_(pos) {}
  std::uint32_t u32() {
    need(4);
    pos_ += 4;
    return read_u32(data_ + pos_ - 4);
  }
  std::uint32_t varint() {
    std::uint32_t v = 0;
    for (unsigned shift = 0; shift < 32; shift += 7) {
      need(1);
      const std::uint8_t b = data_[pos_++];
      v |= std::uint32_t{b & 0x7Fu} << shift;
      if (!(b & 0x80)) return v;
    }
    bad_vocabulary_file("it has a malformed number");
  }
  const std::uint8_t* bytes(std::size_t n) {
    need(n);
    pos_ += n;
    return data_ + pos_ - n;
  }
  std::size_t left() const { return size_ - pos_; }

 private:
  void need(std::size_t n) const {
    if (size_ - pos_ < n) bad_vocabulary_file("it is truncated");
  }
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_;
};

// One static frequency table: symbol by slot (a lookup per symbol), and
// each symbol's frequency and cumulative frequency.
struct Table {
  std::vector<std::uint8_t> symbol_of;  // kProbScale slots; empty: never used
  std::uint16_t freq[256];
  std::uint16_t cum[256];
};

void read_table(Reader& in, Table& t) {
  const std::uint32_t n = in.varint();
  if (n == 0) return;
  if (n > 256) bad_vocabulary_file("a frequency table has more than 256 symbols");
  t.symbol_of.resize(kProbScale);
  std::uint32_t sum = 0;
  for (std::uint32_t s = 0; s < n; ++s) {
    const std::uint32_t f = in.varint();
    if (f > kProbScale - sum) bad_vocabulary_file("a frequency table does not add up");
    t.freq[s] = static_cast<std::uint16_t>(f);
    t.cum[s] = static_cast<std::uint16_t>(sum);
    std::memset(t.symbol_of.data() + sum, static_cast<int>(s), f);
    sum += f;
  }
  if (sum != kProbScale) bad_vocabulary_file("a frequency table does not add up");
}

// The bytes of one stream. Reading past its end gives zeros and is
// remembered: a valid stream's last symbol reads its last byte, no more.
class ByteSource {
 public:
  ByteSource(const std::uint8_t* p, const std::uint8_t* end) : p_(p), end_(end) {}
  LLMCALC_ALWAYS_INLINE std::uint8_t next() {
    if (p_ < end_) return *p_++;
    overran_ = true;
    return 0;
  }
  bool all_read() const { return p_ == end_ && !overran_; }
  bool overran() const { return overran_; }

 private:
  const std::uint8_t* p_;
  const std::uint8_t* end_;
  bool overran_ = false;
};

// ryg_rans's byte-wise rANS decoder (merge_coder.mjs's ransEncode).
class RansDecoder {
 public:
  RansDecoder(const std::uint8_t* p, const std::uint8_t* end) : in_(p, end) {
    if (end - p < 4) bad_vocabulary_file("it is truncated");
    for (int i = 0; i < 4; ++i) x_ |= std::uint32_t{in_.next()} << (8 * i);
    // Every state the encoder leaves is in [L, 2^31); from there each step
    // stays above 2^11, so renormalizing ends within two bytes.
    if (x_ < kRansL || x_ >= (1u << 31)) bad_vocabulary_file("its coded merges do not start right");
  }
  LLMCALC_ALWAYS_INLINE unsigned decode(const Table& t) {
    const std::uint32_t slot = x_ & (kProbScale - 1);
    const unsigned s = t.symbol_of[slot];
    x_ = t.freq[s] * (x_ >> kProbBits) + slot - t.cum[s];
    while (x_ < kRansL) x_ = x_ << 8 | in_.next();
    return s;
  }
  // A stream decoded to its end is back at the encoder's first state, with
  // every byte read.
  bool ended_right() const { return x_ == kRansL && in_.all_read(); }
  bool overran() const { return in_.overran(); }

 private:
  ByteSource in_;
  std::uint32_t x_ = 0;
};

// The low bits of positions, high bit first.
class BitReader {
 public:
  BitReader(const std::uint8_t* p, const std::uint8_t* end) : in_(p, end) {}
  LLMCALC_ALWAYS_INLINE std::uint32_t read(unsigned count) {  // count <= 22
    while (have_ < count) {
      acc_ = acc_ << 8 | in_.next();
      have_ += 8;
    }
    have_ -= count;
    return static_cast<std::uint32_t>(acc_ >> have_) & ((1u << count) - 1);
  }
  bool ended_right() const { return in_.all_read() && have_ < 8; }
  bool overran() const { return in_.overran(); }

 private:
  ByteSource in_;
  std::uint64_t acc_ = 0;
  unsigned have_ = 0;
};

// merge_coder.mjs's UseList, from the decoding side: items ordered by use
// count, most used first, ties in the order they joined; using the one at a
// position swaps it with the first item of its count. Counts travel with
// the items, so a use touches two places in one array. The items live in
// storage the caller sizes from the file (no list ever grows past it).
class UseList {
 public:
  struct Item {
    std::uint32_t item;
    std::uint32_t uses;
  };
  UseList() : start_(1, 0) {}
  void place(Item* items, std::uint32_t capacity) {
    items_ = items;
    capacity_ = capacity;
  }
  bool add(std::uint32_t item) {
    if (size_ == capacity_) return false;
    items_[size_++] = {item, 0};
    return true;
  }
  std::uint32_t size() const { return size_; }
  // The item at `at` (< size()), now used once more.
  LLMCALC_ALWAYS_INLINE std::uint32_t use(std::uint32_t at) {
    Item x = items_[at];
    const std::uint32_t to = start_[x.uses];
    items_[at] = items_[to];
    start_[x.uses] = to + 1;
    ++x.uses;
    items_[to] = x;
    if (start_.size() == x.uses) start_.push_back(0);
    return x.item;
  }

 private:
  Item* items_ = nullptr;
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = 0;
  std::vector<std::uint32_t> start_;  // index of the first item used <= c times
};

// A list position from its bucket and the bucket's low bits (bucketOf in
// merge_coder.mjs, inverted); kNoRank past any list this build reads.
LLMCALC_ALWAYS_INLINE std::uint32_t position(unsigned bucket, BitReader& bits) {
  if (bucket < 7) return bucket;
  const unsigned len = 4 + ((bucket - 7) >> 2);
  if (len > 25) return kNoRank;
  const unsigned extra = len - 3;
  return ((4u | ((bucket - 7) & 3u)) << extra | bits.read(extra)) - 1;
}

// Bits needed for v > 0.
LLMCALC_ALWAYS_INLINE unsigned bit_length(std::uint32_t v) {
  return 32 - static_cast<unsigned>(__builtin_clz(v));
}

}  // namespace

void decode_merges(const std::uint8_t* data, std::size_t size, std::size_t pos, std::uint32_t count,
                   TokenTable& out) {
  if (count < 256) bad_vocabulary_file("it has fewer than 256 ranks");
  Reader in(data, size, pos);
  const std::uint8_t* byte_of_rank = in.bytes(256);
  const std::uint32_t holes = in.u32();
  if (holes > count - 256) bad_vocabulary_file("it has more holes than ranks");
  const std::uint8_t* hole_at = in.bytes(std::size_t{holes} * 4);
  std::uint32_t starting_with[256];
  std::uint64_t tokens = 0;
  for (auto& n : starting_with) tokens += n = in.varint();
  if (tokens != count - holes) bad_vocabulary_file("its token counts do not add up");
  std::vector<Table> tables(kTables);
  for (Table& t : tables) read_table(in, t);
  struct Stream {
    const std::uint8_t* bits;
    std::uint32_t bits_size;
    const std::uint8_t* coded;
    std::uint32_t coded_size;
  } streams[2];
  for (Stream& st : streams) {
    st.bits_size = in.u32();
    st.bits = in.bytes(st.bits_size);
    st.coded_size = in.u32();
    st.coded = in.bytes(st.coded_size);
  }
  if (in.left() != 0) bad_vocabulary_file("it has trailing bytes");

  // Pass 1 decodes the merges, keeping only what the model needs: the
  // lists, each token's length, first and last byte. Touching the token
  // bytes here would put a cache miss on the path from one symbol to the
  // next.
  fill_bytes(out.lengths, count, 0);
  RawVector<std::uint32_t> pairs;  // a, b of each rank; holes' are never read
  pairs.resize(2 * std::size_t{count});
  RawVector<std::uint8_t> first_byte;
  RawVector<std::uint8_t> last_byte;
  first_byte.resize(count);
  last_byte.resize(count);
  std::vector<UseList> lists(2 * 256);  // [side * 256 + first byte]
  RawVector<UseList::Item> list_items;  // each written by add() before it is read
  list_items.resize(2 * static_cast<std::size_t>(tokens));
  for (std::size_t side = 0, at = 0; side < 2; ++side) {
    for (unsigned b = 0; b < 256; ++b) {
      lists[side * 256 + b].place(list_items.data() + at, starting_with[b]);
      at += starting_with[b];
    }
  }
  bool seen[256] = {};
  for (std::uint32_t r = 0; r < 256; ++r) {
    const std::uint8_t b = byte_of_rank[r];
    if (seen[b]) bad_vocabulary_file("byte " + std::to_string(b) + " has two ranks");
    seen[b] = true;
    out.lengths[r] = 1;
    last_byte[r] = b;
    first_byte[r] = b;
    if (!lists[b].add(r) || !lists[256 + b].add(r)) {
      bad_vocabulary_file("more tokens start with byte " + std::to_string(b) + " than it says");
    }
  }
  // The keys' lists: the 256 bytes, for a and per last byte of a for b.
  std::vector<UseList> keys(1 + 256);
  std::vector<UseList::Item> key_items(keys.size() * 256);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    keys[k].place(key_items.data() + 256 * k, 256);
    for (std::uint32_t b = 0; b < 256; ++b) keys[k].add(b);
  }
  if (count - 256 > holes && (tables[kKeyA].symbol_of.empty() || tables[kKeyB].symbol_of.empty())) {
    bad_vocabulary_file("it has merges but no tables for them");
  }

  std::size_t total = 256;  // bytes of all tokens
  const std::size_t max_total = kMaxAverageTokenLength * std::size_t{count};
  // The parts of one side, in rank order: a's first (they depend on nothing
  // of b's), then b's. Each part is its key (its first byte), then its
  // position in the list of that byte. The decoding of one symbol never
  // waits on a list's memory, only the part it names does.
  for (unsigned side = 0; side < 2; ++side) {
    const Stream& st = streams[side];
    RansDecoder rans(st.coded, st.coded + st.coded_size);
    BitReader bits(st.bits, st.bits + st.bits_size);
    const Table& key_table = tables[side == 0 ? kKeyA : kKeyB];
    const Table* const bucket_tables = tables.data() + 2 + side * kSizeClasses;
    UseList* const side_lists = lists.data() + side * 256;
    std::uint32_t next_hole = 0;
    auto decode = [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        const auto r = static_cast<std::uint32_t>(256 + i);
        if (next_hole < holes && read_u32(hole_at + 4 * next_hole) == r) {
          ++next_hole;
          continue;
        }
        UseList& key_list = side == 0 ? keys[0] : keys[1 + last_byte[pairs[2 * r]]];
        const std::uint32_t first = key_list.use(rans.decode(key_table));
        UseList& list = side_lists[first];
        const Table& table = bucket_tables[bit_length(list.size())];
        if (table.symbol_of.empty())
          bad_vocabulary_file("rank " + std::to_string(r) + " uses a missing table");
        const std::uint32_t p = position(rans.decode(table), bits);
        if (p >= list.size())
          bad_vocabulary_file("rank " + std::to_string(r) + " merges a token it has not seen");
        const std::uint32_t part = list.use(p);
        pairs[2 * r + side] = part;
        if (side == 0) {
          first_byte[r] = static_cast<std::uint8_t>(first);
        } else {
          const std::uint32_t a = pairs[2 * r];
          const std::size_t len = std::size_t{out.lengths[a]} + out.lengths[part];
          total += len;
          if (len > kMaxTokenLength || total > max_total) {
            bad_vocabulary_file("its tokens are longer than any vocabulary's");
          }
          out.lengths[r] = static_cast<std::uint16_t>(len);
          last_byte[r] = last_byte[part];
        }
        if (!side_lists[first_byte[r]].add(r)) {
          bad_vocabulary_file("more tokens start with byte " + std::to_string(first_byte[r]) +
                              " than it says");
        }
      }
      if (rans.overran() || bits.overran()) bad_vocabulary_file("it is truncated");
    };
    for_each_chunk(count - 256, decode);
    if (next_hole != holes) bad_vocabulary_file("its holes are out of order or out of range");
    if (!rans.ended_right() || !bits.ended_right()) {
      bad_vocabulary_file("its coded merges do not end where the file does");
    }
  }

  // Pass 2 spells the tokens out, each from two earlier ones: no step waits
  // on the one before, so the memory loads overlap.
  out.blob.resize(total);
  fill_bytes(out.offsets, count, 0);
  std::size_t at = 0;
  auto spell = [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) {
      const std::size_t len = out.lengths[r];
      out.offsets[r] = static_cast<std::uint32_t>(at);
      if (r < 256) {
        out.blob[at] = byte_of_rank[r];
      } else if (len != 0) {
        const std::uint32_t a = pairs[2 * r];
        const std::uint32_t b = pairs[2 * r + 1];
        std::uint8_t* dst = out.blob.data() + at;
        std::memcpy(dst, out.blob.data() + out.offsets[a], out.lengths[a]);
        std::memcpy(dst + out.lengths[a], out.blob.data() + out.offsets[b], out.lengths[b]);
      }
      at += len;
    }
  };
  for_each_chunk(count, spell);
}

}  // namespace llmcalc::tokenizer
