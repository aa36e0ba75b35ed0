#include "tokenizer/hf_data.h"

#include <algorithm>
#include <cstring>

#include "tokenizer/vocab.h"
#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

[[noreturn]] void bad_file(const std::string& why) {
  throw InputError("vocabulary", "The vocabulary file is not usable: " + why +
                                     ". Rebuild it with data/vocab/build_hf_vocab.mjs.");
}

struct Reader {
  const std::uint8_t* data;
  std::size_t pos, size;
  void need(std::size_t n) const {
    if (n > size - pos) bad_file("it is truncated");
  }
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    std::memcpy(&v, data + pos, 4);
    pos += 4;
    return v;
  }
  std::uint8_t u8() {
    need(1);
    return data[pos++];
  }
};

// In chunks, through a function that is not inlined, for the reason
// vocab.cpp's decode_v2 gives: V8 moves a wasm function to optimized code
// only between calls, so one long loop would run unoptimized throughout.
__attribute__((noinline)) void add_merges(const Vocab& vocab, const std::uint8_t* split,
                                          const std::uint8_t* planes, std::size_t n,
                                          std::size_t begin, std::size_t end, MergeTable& out) {
  for (std::size_t i = begin; i < end; ++i) {
    Rank result = static_cast<Rank>(planes[i] | planes[n + i] << 8 | planes[2 * n + i] << 16);
    std::string_view bytes = vocab.bytes(result);
    if (bytes.empty() || split[i] == 0 || split[i] >= bytes.size()) {
      bad_file("merge " + std::to_string(i) + " does not fit its token");
    }
    const auto* b = reinterpret_cast<const std::uint8_t*>(bytes.data());
    Rank left = vocab.rank(b, split[i]);
    Rank right = vocab.rank(b + split[i], bytes.size() - split[i]);
    if (left == kNoRank || right == kNoRank) {
      bad_file("merge " + std::to_string(i) + " has a part that is not a token");
    }
    out.add(left, right, static_cast<Rank>(i), result);
  }
}

}  // namespace

HfData parse_hf_data(const Vocab& vocab, const std::uint8_t* data, std::size_t pos,
                     std::size_t size) {
  Reader r{data, pos, size};
  HfData out;
  std::size_t desc_len = r.u8();
  r.need(desc_len);
  out.descriptor.assign(reinterpret_cast<const char*>(data + r.pos), desc_len);
  r.pos += desc_len;

  // Merges as (result id, split): the pair is the result's bytes cut at
  // `split`, each side looked up as a token.
  std::size_t n = r.u32();
  if (n > size) bad_file("its merge count is larger than the file");
  r.need(4 * n);
  const std::uint8_t* split = data + r.pos;
  const std::uint8_t* planes = split + n;
  r.pos += 4 * n;
  out.pair_merges = n > 0;
  if (n > 0) out.merges = MergeTable(n);
  constexpr std::size_t kChunk = 4096;
  for (std::size_t i = 0; i < n; i += kChunk) {
    add_merges(vocab, split, planes, n, i, std::min(n, i + kChunk), out.merges);
  }

  std::size_t added = r.u32();
  if (added > size) bad_file("its added-token count is larger than the file");
  std::vector<AddedToken> tokens;
  tokens.reserve(added);
  for (std::size_t i = 0; i < added; ++i) {
    std::uint8_t flags = r.u8();
    std::uint32_t id = r.u8();
    id |= std::uint32_t{r.u8()} << 8;
    id |= std::uint32_t{r.u8()} << 16;
    std::size_t len = r.u8();
    r.need(len);
    if (len == 0) bad_file("an added token is empty");
    tokens.push_back(
        {std::string(reinterpret_cast<const char*>(data + r.pos), len), id, (flags & 1) != 0});
    r.pos += len;
  }
  if (r.pos != size) bad_file("it has trailing bytes");
  out.added = AddedTokens(std::move(tokens));
  return out;
}

std::string descriptor_value(const std::string& descriptor, const std::string& key) {
  std::string needle = key + "=";
  std::size_t at = 0;
  while ((at = descriptor.find(needle, at)) != std::string::npos) {
    if (at == 0 || descriptor[at - 1] == ' ') {
      std::size_t start = at + needle.size();
      std::size_t end = descriptor.find(' ', start);
      return descriptor.substr(start, end == std::string::npos ? std::string::npos : end - start);
    }
    at += needle.size();
  }
  return "";
}

}  // namespace llmcalc::tokenizer
