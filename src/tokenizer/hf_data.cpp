#include "tokenizer/hf_data.h"

#include <algorithm>
#include <cstring>

#include "tokenizer/vocab.h"
#include "util/input_error.h"

namespace llmcalc::tokenizer {

void bad_hf_file(const std::string& why) {
  throw InputError("vocabulary", "The vocabulary file is not usable: " + why +
                                     ". Rebuild it with data/vocab/build_hf_vocab.mjs.");
}

namespace {

struct Reader {
  const std::uint8_t* data;
  std::size_t pos, size;
  void need(std::size_t n) const {
    if (n > size - pos) bad_hf_file("it is truncated");
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
  // `split` (merge_table.h).
  std::size_t n = r.u32();
  if (n > size) bad_hf_file("its merge count is larger than the file");
  r.need(4 * n);
  const std::uint8_t* split = data + r.pos;
  r.pos += 4 * n;
  out.pair_merges = n > 0;
  if (n > 0) out.merges = MergeTable(vocab, split, split + n, n);

  std::size_t added = r.u32();
  if (added > size) bad_hf_file("its added-token count is larger than the file");
  std::vector<AddedToken> tokens;
  tokens.reserve(added);
  for (std::size_t i = 0; i < added; ++i) {
    std::uint8_t flags = r.u8();
    std::uint32_t id = r.u8();
    id |= std::uint32_t{r.u8()} << 8;
    id |= std::uint32_t{r.u8()} << 16;
    std::size_t len = r.u8();
    r.need(len);
    if (len == 0) bad_hf_file("an added token is empty");
    tokens.push_back(
        {std::string(reinterpret_cast<const char*>(data + r.pos), len), id, (flags & 1) != 0});
    r.pos += len;
  }
  if (r.pos != size) bad_hf_file("it has trailing bytes");
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
