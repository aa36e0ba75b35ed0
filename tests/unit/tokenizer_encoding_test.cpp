// Merging, special-token policy, spans and decoding on tiny in-test
// vocabularies (tiktoken's setup_ranks style).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "tokenizer/bpe.h"
#include "tokenizer/encoding.h"
#include "tokenizer_tiny_vocab.h"
#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

using testing::tiny_encoding;
using testing::tiny_spec;
using Ids = std::vector<std::uint32_t>;

Ids encode(const Encoding& e, const std::string& text, const SpecialPolicy& p = {}) {
  Ids ids;
  e.encode(text, ids, p);
  return ids;
}

TEST(BpeMerge, LowestRankFirstThenLeftmost) {
  auto spec = tiny_spec(Pattern::kR50k);
  // 256 "ab", 257 "cd", 258 "abcd", 259 "aa"
  auto enc = tiny_encoding(spec, {"ab", "cd", "abcd", "aa"});
  EXPECT_EQ(encode(*enc, "abcd"), (Ids{258}));
  EXPECT_EQ(encode(*enc, "abc"), (Ids{256, 'c'}));
  EXPECT_EQ(encode(*enc, "aaa"), (Ids{259, 'a'}));  // tie: leftmost pair merges first
  EXPECT_EQ(encode(*enc, "xyz"), (Ids{'x', 'y', 'z'}));
}

// tiktoken's algorithm, written as plainly as possible: the reference for
// both merge paths (short pieces: array scan; long ones: heap).
Ids reference_merge(const Vocab& v, const std::string& piece) {
  std::vector<std::string> parts;
  for (char c : piece) parts.emplace_back(1, c);
  for (;;) {
    Rank best = kNoRank;
    std::size_t at = 0;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      std::string joined = parts[i] + parts[i + 1];
      Rank r = v.rank(reinterpret_cast<const std::uint8_t*>(joined.data()), joined.size());
      if (r < best) best = r, at = i;
    }
    if (best == kNoRank) break;
    parts[at] += parts[at + 1];
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(at) + 1);
  }
  Ids out;
  for (const auto& p : parts)
    out.push_back(v.rank(reinterpret_cast<const std::uint8_t*>(p.data()), p.size()));
  return out;
}

TEST(BpeMerge, HeapAndArrayPathsMatchTheReferenceOnRandomPieces) {
  auto spec = tiny_spec(Pattern::kR50k);
  auto enc = tiny_encoding(spec, {"ab", "ba", "aa", "bb", "abab", "aab", "bba", "ca", "cab", "abca",
                                  "aaaa", "bbbb", "aaaaaaaa", "cc", "ccc"});
  std::mt19937 rng(7);
  BpeWorkspace ws;
  for (int round = 0; round < 400; ++round) {
    std::size_t len = 1 + rng() % 400;  // crosses the 128-byte switch to the heap
    std::string piece;
    for (std::size_t i = 0; i < len; ++i) piece += "abc"[rng() % (round % 2 ? 2 : 3)];
    std::size_t k = bpe_merge(*enc->vocab(), reinterpret_cast<const std::uint8_t*>(piece.data()),
                              piece.size(), ws);
    Ids got(ws.ranks.begin(), ws.ranks.begin() + static_cast<std::ptrdiff_t>(k));
    ASSERT_EQ(got, reference_merge(*enc->vocab(), piece)) << piece;
    ASSERT_EQ(ws.starts[k], piece.size());
  }
}

// Merging a long piece a chunk at a time and mending the seams must give
// exactly the whole piece's tokens, for any vocabulary built the way BPE
// builds one (each token two earlier ones joined) and any chunk size. Tiny
// chunks put a seam inside nearly every token, so both the mended seams
// and the fall-back to one whole merge are exercised.
TEST(BpeMerge, ChunkedMergingEqualsTheReferenceAtEverySeam) {
  std::mt19937 rng(11);
  std::size_t mended = 0, fell_back = 0;
  for (int vocab_round = 0; vocab_round < 40; ++vocab_round) {
    std::vector<std::string> tokens;
    std::vector<std::string> all = {"a", "b", "c"};
    while (tokens.size() < 40) {
      std::string t = all[rng() % all.size()] + all[rng() % all.size()];
      if (t.size() > 12 || std::find(all.begin(), all.end(), t) != all.end()) continue;
      tokens.push_back(t);
      all.push_back(t);
    }
    auto spec = tiny_spec(Pattern::kR50k);
    auto enc = tiny_encoding(spec, tokens);
    BpeWorkspace ws;
    for (int round = 0; round < 30; ++round) {
      std::size_t len = 2 + rng() % 300;
      std::string piece;
      const std::size_t letters = 1 + round % 3;
      while (piece.size() < len) {
        // Runs of a repeated token as well as random letters: periodic text
        // is where a seam's tokens depend on what lies far back.
        if (rng() % 4 == 0) {
          piece += std::string(1 + rng() % 20, "abc"[rng() % letters]);
        } else {
          piece += "abc"[rng() % letters];
        }
      }
      const auto* p = reinterpret_cast<const std::uint8_t*>(piece.data());
      const Ids want = reference_merge(*enc->vocab(), piece);
      for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{5},
                                std::size_t{8}, std::size_t{13}, std::size_t{40}}) {
        bool fell = false;
        std::size_t k = detail::merge_in_chunks(*enc->vocab(), p, piece.size(), chunk, ws, &fell);
        Ids got(ws.ranks.begin(), ws.ranks.begin() + static_cast<std::ptrdiff_t>(k));
        ASSERT_EQ(got, want) << piece << " in chunks of " << chunk;
        ASSERT_EQ(ws.starts[0], 0u);
        ASSERT_EQ(ws.starts[k], piece.size());
        (fell ? fell_back : mended) += 1;
      }
    }
  }
  EXPECT_GT(mended, 1000u);
  EXPECT_GT(fell_back, 10u);
}

TEST(SpecialTokens, DisallowedTextIsAnErrorNamingTheToken) {
  auto spec = tiny_spec(Pattern::kCl100k, {{"<|endoftext|>", 900}, {"<|fim_prefix|>", 901}});
  auto enc = tiny_encoding(spec, {"ab"});
  try {
    enc->count("hi <|endoftext|>");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "text");
    EXPECT_NE(std::string(e.what()).find("<|endoftext|>"), std::string::npos);
  }
  SpecialPolicy all;
  all.allow_all = true;
  EXPECT_EQ(encode(*enc, "ab<|endoftext|>ab", all), (Ids{256, 900, 256}));
  SpecialPolicy text;
  text.others_as_text = true;
  EXPECT_EQ(enc->count("<|endoftext|>", text), 13u);  // one token per byte: no merges apply
  SpecialPolicy some;
  some.allowed = {"<|fim_prefix|>"};
  EXPECT_EQ(encode(*enc, "<|fim_prefix|>", some), (Ids{901}));
  EXPECT_THROW(enc->count("<|fim_prefix|><|endoftext|>", some), InputError);
  some.others_as_text = true;
  EXPECT_EQ(encode(*enc, "<|fim_prefix|><|endoftext|>", some).front(), 901u);
  // Not a special token: ordinary text, never an error.
  EXPECT_NO_THROW(enc->count("<|notspecial|> <| |>"));
}

TEST(Spans, ByteAndUtf16OffsetsCoverTheText) {
  auto spec = tiny_spec(Pattern::kO200k);
  auto enc = tiny_encoding(spec, {"ab", " c"});
  std::string text = "ab \xC3\xA9\xF0\x9F\x98\x80 c";  // "ab é😀 c"
  auto spans = enc->spans(text);
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(spans.front().byte_start, 0u);
  EXPECT_EQ(spans.back().byte_end, text.size());
  EXPECT_EQ(spans.back().utf16_end, 8u);  // a b ␠ é (1) 😀 (2) ␠ c
  for (std::size_t i = 1; i < spans.size(); ++i) {
    EXPECT_EQ(spans[i].byte_start, spans[i - 1].byte_end);
    EXPECT_EQ(spans[i].utf16_start, spans[i - 1].utf16_end);
  }
  // é is two byte tokens: the first holds the character, the second is empty.
  EXPECT_EQ(spans[2].utf16_end - spans[2].utf16_start, 1u);
  EXPECT_EQ(spans[3].utf16_end, spans[3].utf16_start);
}

TEST(Decode, BytesRoundTripAndUnknownIdsAreErrors) {
  auto spec = tiny_spec(Pattern::kO200k, {{"<|endoftext|>", 900}});
  auto enc = tiny_encoding(spec, {"ab"});
  Ids ids = encode(*enc, "abc\xFF");
  EXPECT_EQ(enc->decode_bytes(ids.data(), ids.size()), "abc\xFF");
  Ids special{900};
  EXPECT_EQ(enc->decode_bytes(special.data(), 1), "<|endoftext|>");
  Ids bad{5000};
  EXPECT_THROW(enc->decode_bytes(bad.data(), 1), InputError);
}

TEST(Vocab, CorruptFilesAreInputErrors) {
  auto spec = tiny_spec(Pattern::kO200k);
  std::string file = testing::tiny_vocab_file("tiny", {"ab"});
  auto load = [&](const std::string& bytes) {
    return Encoding(spec, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  };
  EXPECT_NO_THROW(load(file));
  EXPECT_THROW(load(file.substr(0, file.size() - 1)), InputError);
  EXPECT_THROW(load(file + "x"), InputError);
  EXPECT_THROW(load("nonsense"), InputError);
  EXPECT_THROW(load(testing::tiny_vocab_file("other", {"ab"})), InputError);
}

TEST(Vocab, FormatVersion2MatchesVersion1) {
  std::vector<std::string> tokens = {"ab", "cd", "abcd", "abc", " the", " th", "xyzxyzxyz"};
  auto v1 = testing::tiny_vocab_file("tiny", tokens);
  auto v2 = testing::tiny_vocab_file_v2("tiny", tokens);
  auto as_bytes = [](const std::string& s) {
    return reinterpret_cast<const std::uint8_t*>(s.data());
  };
  Vocab a(as_bytes(v1), v1.size(), "tiny");
  Vocab b(as_bytes(v2), v2.size(), "tiny");
  ASSERT_EQ(a.rank_end(), b.rank_end());
  EXPECT_EQ(a.size(), b.size());
  EXPECT_EQ(a.max_token_length(), b.max_token_length());
  for (Rank r = 0; r < a.rank_end(); ++r) {
    ASSERT_EQ(a.bytes(r), b.bytes(r)) << r;
    auto t = b.bytes(r);
    EXPECT_EQ(b.rank(as_bytes(std::string(t)), t.size()), r);
  }
  EXPECT_EQ(b.rank(as_bytes(std::string("abcx")), 4), kNoRank);
}

TEST(Vocab, CorruptVersion2FilesAreInputErrors) {
  auto spec = tiny_spec(Pattern::kO200k);
  std::string file = testing::tiny_vocab_file_v2("tiny", {"ab", "abc"});
  auto load = [&](const std::string& bytes) {
    return Encoding(spec, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  };
  auto message = [&](const std::string& bytes) {
    try {
      load(bytes);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(loaded)");
  };
  EXPECT_NO_THROW(load(file));
  const std::size_t m = 258;                          // tokens, as written by the helper
  const std::size_t streams = 8 + 1 + 4 + 4 + 4 + 4;  // header: magic, name, count, m, suffix_bytes
  EXPECT_NE(message(file.substr(0, file.size() - 1)).find("truncated"), std::string::npos);
  EXPECT_THROW(load(file.substr(0, 20)), InputError);  // cut inside the header
  EXPECT_NE(message(file + "x").find("trailing"), std::string::npos);
  std::string version = file;
  version[7] = 5;  // 3 is the Hugging Face layout (tokenizer_hf_test.cpp), 4 merges
  EXPECT_NE(message(version).find("format version 5"), std::string::npos);
  version[7] = 3;  // a version 3 file ends in more than the token streams
  EXPECT_NE(message(version).find("truncated"), std::string::npos);
  std::string long_prefix = file;
  long_prefix[streams] = 5;  // the first token cannot share bytes with nothing
  EXPECT_NE(message(long_prefix).find("impossible lengths"), std::string::npos);
  std::string empty_suffix = file;
  empty_suffix[streams + m] = 0;
  EXPECT_THROW(load(empty_suffix), InputError);
  std::string repeated = file;
  repeated[streams + 2 * m + 1] = repeated[streams + 2 * m];  // two tokens, one rank
  repeated[streams + 3 * m + 1] = repeated[streams + 3 * m];
  EXPECT_NE(message(repeated).find("repeated"), std::string::npos);
  std::string out_of_range = file;
  out_of_range[streams + 4 * m] = 1;  // high byte of the first rank: 65536+
  EXPECT_NE(message(out_of_range).find("out of range"), std::string::npos);
  EXPECT_THROW(load(testing::tiny_vocab_file_v2("other", {"ab"})), InputError);
}

}  // namespace
}  // namespace llmcalc::tokenizer
