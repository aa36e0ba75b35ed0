// src/chunking/: the chunk-count arithmetic, its errors, and token-exact
// chunking of real text (tiny in-test vocabulary; o200k when js/vocab has it).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chunking/chunking.h"
#include "chunking/chunking_json.h"
#include "tokenizer_tiny_vocab.h"
#include "tokenizer_vocab_files.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace llmcalc::chunking {
namespace {

using nlohmann::json;

ChunkSettings settings(double size, double overlap) { return chunk_settings(size, overlap); }

TEST(ChunkPlan, FormulaEdgeCases) {
  EXPECT_EQ(chunk_count(0, settings(10, 0)), 0u);
  EXPECT_EQ(chunk_count(1, settings(10, 0)), 1u);
  EXPECT_EQ(chunk_count(10, settings(10, 3)), 1u);  // D = S
  EXPECT_EQ(chunk_count(11, settings(10, 3)), 2u);  // D = S + 1
  EXPECT_EQ(chunk_count(10, settings(3, 0)), 4u);   // O = 0: ceil(10 / 3)
  EXPECT_EQ(chunk_count(10, settings(3, 2)), 8u);   // O = S - 1: step 1
  EXPECT_EQ(chunk_count(1000, settings(256, 32)), 5u);
  EXPECT_EQ(chunk_count(1, settings(1, 0)), 1u);
  EXPECT_EQ(chunk_count(kMaxDocumentTokens, settings(1, 0)), kMaxDocumentTokens);
}

TEST(ChunkPlan, MatchesSimulatedWindows) {
  for (std::uint64_t s = 1; s <= 9; ++s) {
    for (std::uint64_t o = 0; o < s; ++o) {
      for (std::uint64_t d = 0; d <= 60; ++d) {
        std::uint64_t n = 0, embedded = 0;
        for (std::uint64_t start = 0; start < d; start += s - o) {
          std::uint64_t end = std::min(start + s, d);
          ++n;
          embedded += end - start;
          if (end == d) break;
        }
        ChunkPlan p = plan_chunks(d, settings(double(s), double(o)));
        ASSERT_EQ(p.chunks, n) << "D=" << d << " S=" << s << " O=" << o;
        ASSERT_EQ(p.embedded_tokens, embedded) << "D=" << d << " S=" << s << " O=" << o;
        if (d > 0) {
          ASSERT_NEAR(p.overlap_overhead, double(embedded) / double(d) - 1, 1e-12);
        }
      }
    }
  }
}

TEST(ChunkPlan, ApiResult) {
  json r =
      json_call_value({{"document_tokens", "1,000"}, {"size", 256}, {"overlap", 32}}, chunk_api);
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["chunks"], 5);
  EXPECT_EQ(r["embedded_tokens"], 1000 + 4 * 32);
  EXPECT_DOUBLE_EQ(r["overlap_overhead"].get<double>(), 128.0 / 1000.0);
  EXPECT_EQ(r["size"], 256);
  EXPECT_EQ(r["overlap"], 32);
  json zero = json_call_value({{"document_tokens", 0}, {"size", 8}}, chunk_api);
  EXPECT_EQ(zero["chunks"], 0);
  EXPECT_EQ(zero["overlap_overhead"], 0.0);
}

TEST(ChunkPlan, RetrievalBudget) {
  // 128,000 − 8,000 reserved = 120,000 tokens: 234 chunks of 512, 192 left.
  json r = json_call_value({{"document_tokens", 1000},
                            {"size", 512},
                            {"overlap", 64},
                            {"context_window", "128,000"},
                            {"reserved_tokens", 8000}},
                           chunk_api);
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["retrieval"]["budget_tokens"], 120000);
  EXPECT_EQ(r["retrieval"]["chunks_fit"], 234);
  EXPECT_EQ(r["retrieval"]["unused_tokens"], 120000 - 234 * 512);
  EXPECT_FALSE(
      json_call_value({{"document_tokens", 1}, {"size", 8}}, chunk_api).contains("retrieval"));
  RetrievalFit small = retrieval_fit(1000, 999, chunk_settings(8, 0));
  EXPECT_EQ(small.chunks, 0u);
  EXPECT_EQ(small.unused_tokens, 1u);
  RetrievalFit exact = retrieval_fit(4096, 0, chunk_settings(1024, 100));
  EXPECT_EQ(exact.chunks, 4u);
  EXPECT_EQ(exact.unused_tokens, 0u);
}

std::string error_field(const json& input) {
  json r = json_call_value(input, chunk_api);
  if (!r.contains("error")) return "<no error>";
  EXPECT_FALSE(r["error"]["message"].get<std::string>().empty());
  return r["error"]["field"].get<std::string>();
}

TEST(ChunkPlan, ErrorsNameTheField) {
  json base = {{"document_tokens", 100}, {"size", 10}, {"overlap", 2}};
  auto with = [&](const char* key, json v) {
    json in = base;
    in[key] = std::move(v);
    return in;
  };
  EXPECT_EQ(error_field(with("overlap", 10)), "overlap");  // O = S
  EXPECT_EQ(error_field(with("overlap", 11)), "overlap");
  EXPECT_EQ(error_field(with("overlap", -1)), "overlap");
  EXPECT_EQ(error_field(with("overlap", 1.5)), "overlap");
  EXPECT_EQ(error_field(with("size", 0)), "size");
  EXPECT_EQ(error_field(with("size", -5)), "size");
  EXPECT_EQ(error_field(with("size", 2.5)), "size");
  EXPECT_EQ(error_field(with("size", "abc")), "size");
  EXPECT_EQ(error_field(with("size", json::array())), "size");
  EXPECT_EQ(error_field(with("size", 1e8)), "size");
  EXPECT_EQ(error_field(with("size", 1e300)), "size");
  EXPECT_EQ(error_field(with("document_tokens", -1)), "document_tokens");
  EXPECT_EQ(error_field(with("document_tokens", 0.5)), "document_tokens");
  EXPECT_EQ(error_field(with("document_tokens", 1e13)), "document_tokens");
  EXPECT_EQ(error_field(with("document_tokens", "many")), "document_tokens");
  EXPECT_EQ(error_field(with("context_window", 0)), "context_window");
  EXPECT_EQ(error_field(with("context_window", "1e308")), "context_window");
  EXPECT_EQ(error_field(with("context_window", "NaN")), "context_window");
  json full = with("context_window", 4096);
  full["reserved_tokens"] = 4096;  // nothing left
  EXPECT_EQ(error_field(full), "reserved_tokens");
  full["reserved_tokens"] = -1;
  EXPECT_EQ(error_field(full), "reserved_tokens");
  json missing = base;
  missing.erase("size");
  EXPECT_EQ(error_field(missing), "size");
  missing = base;
  missing.erase("document_tokens");
  EXPECT_EQ(error_field(missing), "document_tokens");
  EXPECT_EQ(error_field(json::array()), "");
  json r = json_call_value(with("overlap", 10), chunk_api);
  EXPECT_NE(r["error"]["message"].get<std::string>().find("smaller than the chunk size"),
            std::string::npos);
}

// ---- text mode ----

using tokenizer::Pattern;
using tokenizer::testing::tiny_encoding;
using tokenizer::testing::tiny_spec;

std::string joined_without_overlap(std::string_view text, const TextChunks& c) {
  std::string out;
  for (const auto& k : c.chunks) out += chunk_bytes(text, k);
  return out;
}

void expect_windows(const TextChunks& c, std::size_t tokens, const ChunkSettings& s) {
  ASSERT_EQ(c.plan.document_tokens, tokens);
  ASSERT_EQ(c.chunks.size(), chunk_count(tokens, s));
  for (std::size_t k = 0; k < c.chunks.size(); ++k) {
    const auto& ch = c.chunks[k];
    EXPECT_EQ(ch.index, k);
    EXPECT_EQ(ch.token_start, k * (s.size - s.overlap));
    EXPECT_EQ(ch.token_end, std::min<std::size_t>(ch.token_start + s.size, tokens));
    EXPECT_LE(ch.byte_start, ch.byte_end);
    if (k > 0) {
      EXPECT_LE(c.chunks[k - 1].byte_start, ch.byte_start);
    }
  }
  EXPECT_EQ(c.chunks.back().token_end, tokens);
}

TEST(ChunkText, TinyVocabularyWindows) {
  auto spec = tiny_spec(Pattern::kR50k);
  auto enc = tiny_encoding(spec, {"ab", "cd", "abcd"});
  std::string text = "abcd abcd ab cd";
  std::size_t tokens = enc->count(text);
  ChunkSettings s = settings(3, 1);
  TextChunks c = chunk_text(*enc, text, s);
  expect_windows(c, tokens, s);
  for (const auto& k : c.chunks) EXPECT_FALSE(k.split_character);
  // Every chunk's bytes decode from exactly its token ids.
  std::vector<std::uint32_t> ids;
  enc->encode(text, ids);
  for (const auto& k : c.chunks) {
    EXPECT_EQ(enc->decode_bytes(ids.data() + k.token_start, k.token_end - k.token_start),
              std::string(chunk_bytes(text, k)));
  }
}

TEST(ChunkText, SplitCharactersMoveToTheNextBoundary) {
  auto spec = tiny_spec(Pattern::kR50k);
  auto enc = tiny_encoding(spec, {});                 // bytes only: every byte is a token
  std::string text = "\xE4\xB8\xAD\xF0\x9F\x98\x80";  // 中😀: 3 + 4 bytes
  ASSERT_EQ(enc->count(text), 7u);
  TextChunks c = chunk_text(*enc, text, settings(2, 0));
  ASSERT_EQ(c.chunks.size(), 4u);
  EXPECT_EQ(chunk_bytes(text, c.chunks[0]), "\xE4\xB8\xAD");  // holds 中's first byte
  EXPECT_TRUE(c.chunks[0].split_character);
  EXPECT_EQ(chunk_bytes(text, c.chunks[1]), "\xF0\x9F\x98\x80");  // holds 😀's first byte
  EXPECT_TRUE(c.chunks[1].split_character);
  EXPECT_EQ(chunk_bytes(text, c.chunks[2]), "");  // inner bytes of 😀 only
  EXPECT_TRUE(c.chunks[2].split_character);
  EXPECT_EQ(c.chunks[3].byte_start, 7u);
  EXPECT_EQ(c.chunks[3].byte_end, 7u);
  EXPECT_EQ(joined_without_overlap(text, c), text);
  EXPECT_EQ(c.chunks[2].token_start, 4u);  // token ranges stay exact
  EXPECT_EQ(c.chunks[2].token_end, 6u);
}

TEST(ChunkText, EmptyTextIsAnError) {
  auto spec = tiny_spec(Pattern::kR50k);
  auto enc = tiny_encoding(spec, {});
  try {
    chunk_text(*enc, "", settings(4, 0));
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "text");
  }
}

TEST(ChunkText, InvalidUtf8BytesAreCharactersOfTheirOwn) {
  auto spec = tiny_spec(Pattern::kR50k);
  auto enc = tiny_encoding(spec, {});
  std::string text =
      "a\xFF\xFE\x80"
      "b\xE4\xB8";  // stray bytes and a truncated sequence
  TextChunks c = chunk_text(*enc, text, settings(1, 0));
  ASSERT_EQ(c.chunks.size(), text.size());
  for (const auto& k : c.chunks) {
    EXPECT_FALSE(k.split_character);
    EXPECT_EQ(k.byte_end - k.byte_start, 1u);
  }
  EXPECT_EQ(joined_without_overlap(text, c), text);
}

TEST(ChunkText, NextCharBoundary) {
  std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  std::vector<std::size_t> expected = {0, 1, 3, 3, 6, 6, 6, 10, 10, 10, 10, 10};
  for (std::size_t p = 0; p <= text.size(); ++p) {
    EXPECT_EQ(next_char_boundary(text, p), expected[p]) << p;
  }
  EXPECT_EQ(next_char_boundary(text, 99), text.size());
}

// One-byte tokens make every edge easy to state.
TextChunks cut_bytes(const std::string& text, ChunkSettings s) {
  ChunkCutter cutter(s);
  for (std::size_t i = 0; i < text.size(); ++i) cutter.token(i, i + 1);
  return cutter.finish(text);
}

std::vector<std::pair<std::size_t, std::size_t>> token_ranges(const TextChunks& c) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& k : c.chunks) {
    EXPECT_EQ(k.byte_start, k.token_start);
    EXPECT_EQ(k.byte_end, k.token_end);
    out.emplace_back(k.token_start, k.token_end);
  }
  return out;
}

TEST(ChunkCutter, WindowsFromAStreamOfTokens) {
  using R = std::vector<std::pair<std::size_t, std::size_t>>;
  // Windows opened after the last chunk began (at 8 here) are dropped.
  EXPECT_EQ(token_ranges(cut_bytes("abcdefghij", settings(4, 2))),
            (R{{0, 4}, {2, 6}, {4, 8}, {6, 10}}));
  EXPECT_EQ(token_ranges(cut_bytes("abcdefghij", settings(4, 0))), (R{{0, 4}, {4, 8}, {8, 10}}));
  EXPECT_EQ(token_ranges(cut_bytes("abc", settings(5, 4))), (R{{0, 3}}));
  EXPECT_EQ(token_ranges(cut_bytes("abcde", settings(5, 4))), (R{{0, 5}}));
  EXPECT_EQ(token_ranges(cut_bytes("abcdef", settings(5, 4))), (R{{0, 5}, {1, 6}}));
  EXPECT_EQ(token_ranges(cut_bytes("ab", settings(1, 0))), (R{{0, 1}, {1, 2}}));
  auto c = cut_bytes("abcdefghij", settings(4, 2));
  EXPECT_EQ(c.plan.chunks, 4u);
  EXPECT_EQ(c.plan.embedded_tokens, 16u);
}

TEST(ChunkCutter, NoTokensIsAnError) {
  ChunkCutter cutter(settings(4, 0));
  EXPECT_THROW(cutter.finish("abc"), InputError);
}

TEST(ChunkText, RealO200kWithCjkAndEmoji) {
  LLMCALC_LOAD_OR_SKIP(enc, "o200k_base");
  std::string text;
  for (int i = 0; i < 20; ++i) {
    text += "Paragraph " + std::to_string(i) +
            ": 東京は日本の首都です。 Emoji 👩‍💻🎉 and accents café naïve.\n";
  }
  std::vector<std::uint32_t> ids;
  enc->encode(text, ids);
  for (auto [size, overlap] : {std::pair<int, int>{7, 0}, {16, 5}, {1, 0}, {50, 49}}) {
    ChunkSettings s = settings(size, overlap);
    TextChunks c = chunk_text(*enc, text, s);
    expect_windows(c, ids.size(), s);
    bool any_split = false;
    for (const auto& k : c.chunks) {
      any_split = any_split || k.split_character;
      // The chunk's text contains its tokens' bytes, minus at most the tail of
      // a character at the start, plus at most the rest of one at the end.
      std::string tokens_bytes =
          enc->decode_bytes(ids.data() + k.token_start, k.token_end - k.token_start);
      if (!k.split_character) {
        EXPECT_EQ(chunk_bytes(text, k), tokens_bytes);
      }
    }
    if (overlap == 0) {
      EXPECT_EQ(joined_without_overlap(text, c), text);
    }
    if (size == 1) {
      // One token per chunk: a chunk is split exactly when its token does not
      // both start and end on a character boundary.
      auto spans = enc->spans(text);
      bool splits = false;
      for (const auto& t : spans) {
        splits = splits || next_char_boundary(text, t.byte_start) != t.byte_start ||
                 next_char_boundary(text, t.byte_end) != t.byte_end;
      }
      EXPECT_EQ(any_split, splits);
    }
  }
}

}  // namespace
}  // namespace llmcalc::chunking
