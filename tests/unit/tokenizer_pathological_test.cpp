// Inputs that make naive BPE quadratic (tiktoken's own merge loop is
// O(n^2) per piece): a megabyte in one piece must still finish, and round
// trip. Correctness invariants only; speed is measured by bench/.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tokenizer/bpe.h"
#include "tokenizer_vocab_files.h"

namespace llmcalc::tokenizer {
namespace {

constexpr std::size_t kMegabyte = 1 << 20;

std::string repeated(char c) { return std::string(kMegabyte, c); }

std::string random_cjk() {
  std::mt19937 rng(1);
  std::string s;
  while (s.size() < kMegabyte) {
    auto cp = static_cast<std::uint32_t>(0x4E00 + rng() % (0x9FFF - 0x4E00));
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

std::string no_whitespace() {
  std::mt19937 rng(2);
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=";
  std::string s;
  while (s.size() < kMegabyte) s += alphabet[rng() % alphabet.size()];  // like base64
  return s;
}

void check(const Encoding& enc, const std::string& text) {
  std::vector<std::uint32_t> ids;
  enc.encode(text, ids);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(enc.count(text), ids.size());
  EXPECT_EQ(enc.decode_bytes(ids.data(), ids.size()), text);
  EXPECT_LE(ids.size(), text.size());  // at worst one token per byte
}

TEST(Pathological, MegabyteInputsFinishAndRoundTrip) {
  for (const char* name : {"cl100k_base", "o200k_base", "r50k_base"}) {
    LLMCALC_LOAD_OR_SKIP(enc, name);
    SCOPED_TRACE(name);
    check(*enc, repeated('a'));
    check(*enc, repeated('7'));
    check(*enc, repeated(' '));
    check(*enc, random_cjk());
    check(*enc, no_whitespace());
  }
}

// The other families (issue #4): HF's pair merging is a heap too, and
// Gemma's whole section is one piece, so a megabyte without a break must
// stay near-linear there as well.
TEST(Pathological, MegabyteInputsFinishAndRoundTripInTheOtherFamilies) {
  for (const char* name :
       {"llama3", "qwen2_5", "deepseek_v3", "mistral_nemo", "gemma3", "claude_legacy"}) {
    LLMCALC_LOAD_OR_SKIP(enc, name);
    SCOPED_TRACE(name);
    check(*enc, repeated('a'));
    check(*enc, repeated('7'));
    check(*enc, repeated(' '));
    check(*enc, random_cjk());
    check(*enc, no_whitespace());
  }
}

// A long piece is merged a chunk at a time (bpe.cpp): with the real
// vocabularies, every seam of every chunk size must give the ids and
// offsets of the whole piece merged at once.
TEST(Pathological, ChunkedMergingEqualsTheWholePieceInRealVocabularies) {
  std::mt19937 rng(3);
  auto from = [&](const std::string& alphabet, std::size_t n) {
    std::string s;
    while (s.size() < n) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  std::string spaced = from("          abc", 20000);
  std::string runs;
  while (runs.size() < 20000) runs += std::string(1 + rng() % 300, "a =-_"[rng() % 5]);
  const std::vector<std::string> pieces = {from("abcdefghijklmnopqrstuvwxyz", 20000),
                                           from("ab", 20000),
                                           runs,
                                           spaced,
                                           no_whitespace().substr(0, 20000),
                                           random_cjk().substr(0, 20001)};
  for (const char* name : {"cl100k_base", "o200k_base", "r50k_base", "llama3", "claude_legacy"}) {
    LLMCALC_LOAD_OR_SKIP(enc, name);
    SCOPED_TRACE(name);
    BpeWorkspace ws;
    for (const auto& piece : pieces) {
      const auto* p = reinterpret_cast<const std::uint8_t*>(piece.data());
      std::size_t k = detail::merge_in_chunks(*enc->vocab(), p, piece.size(), piece.size(), ws);
      const std::vector<Rank> ranks(ws.ranks.begin(),
                                    ws.ranks.begin() + static_cast<std::ptrdiff_t>(k));
      const std::vector<std::uint32_t> starts(
          ws.starts.begin(), ws.starts.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      for (std::size_t chunk :
           {std::size_t{7}, std::size_t{100}, std::size_t{256}, std::size_t{1000}}) {
        SCOPED_TRACE(chunk);
        std::size_t n = detail::merge_in_chunks(*enc->vocab(), p, piece.size(), chunk, ws);
        ASSERT_EQ(
            std::vector<Rank>(ws.ranks.begin(), ws.ranks.begin() + static_cast<std::ptrdiff_t>(n)),
            ranks);
        ASSERT_EQ(std::vector<std::uint32_t>(
                      ws.starts.begin(), ws.starts.begin() + static_cast<std::ptrdiff_t>(n) + 1),
                  starts);
      }
    }
  }
}

}  // namespace
}  // namespace llmcalc::tokenizer
