// Format version 4 (js/vocab/web/, what browsers download): every OpenAI
// vocabulary decodes to the same tokens as its version 2 file, and a damaged
// file is an InputError, never a crash or a hang.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "tokenizer/vocab.h"
#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string vocab_dir() { return std::string(LLMCALC_SOURCE_DIR) + "/js/vocab/"; }

Vocab load(const std::string& bytes, const std::string& name) {
  return Vocab(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), name);
}

class MergeFormat : public ::testing::TestWithParam<const char*> {};

TEST_P(MergeFormat, DecodesToTheSameTokensAsVersion2) {
  const std::string name = GetParam();
  const std::string v2 = read_file(vocab_dir() + name + ".bin");
  const std::string v4 = read_file(vocab_dir() + "web/" + name + ".bin");
  if (v2.empty() || v4.empty()) {
    GTEST_SKIP() << "js/vocab is missing: build the `vocab` target first";
  }
  ASSERT_EQ(v4[7], 4) << "js/vocab/web/ holds format version 4";
  const Vocab a = load(v2, name);
  const Vocab b = load(v4, name);
  ASSERT_EQ(a.rank_end(), b.rank_end());
  EXPECT_EQ(a.size(), b.size());
  EXPECT_EQ(a.max_token_length(), b.max_token_length());
  std::size_t holes = 0;
  for (Rank r = 0; r < a.rank_end(); ++r) {
    ASSERT_EQ(a.bytes(r), b.bytes(r)) << "rank " << r;
    const auto t = b.bytes(r);
    holes += t.empty();
    if (!t.empty()) {
      ASSERT_EQ(b.rank(reinterpret_cast<const std::uint8_t*>(t.data()), t.size()), r) << r;
    }
  }
  if (name == "p50k_base") {
    EXPECT_GT(holes, 0u) << "p50k_base has a hole the format must keep";
  }
}

INSTANTIATE_TEST_SUITE_P(OpenAi, MergeFormat,
                         ::testing::Values("r50k_base", "p50k_base", "cl100k_base", "o200k_base"));

std::string error_of(const std::string& bytes) {
  try {
    load(bytes, "r50k_base");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(loaded)";
}

TEST(MergeFormatCorrupt, CutOrExtendedFilesAreInputErrors) {
  const std::string file = read_file(vocab_dir() + "web/r50k_base.bin");
  if (file.empty()) {
    GTEST_SKIP() << "js/vocab is missing: build the `vocab` target first";
  }
  ASSERT_EQ(error_of(file), "(loaded)");
  EXPECT_NE(error_of(file + "x").find("trailing"), std::string::npos);
  // Every cut in the header and its tables, then cuts through the streams.
  for (std::size_t size = 0; size < file.size(); size += size < 2000 ? 1 : 997) {
    EXPECT_NE(error_of(file.substr(0, size)), "(loaded)") << "cut at " << size;
  }
}

TEST(MergeFormatCorrupt, DamagedBytesAreInputErrorsOrStillAVocabulary) {
  const std::string file = read_file(vocab_dir() + "web/r50k_base.bin");
  if (file.empty()) {
    GTEST_SKIP() << "js/vocab is missing: build the `vocab` target first";
  }
  std::mt19937 rng(4);
  std::size_t refused = 0;
  const int trials = 150;
  for (int i = 0; i < trials; ++i) {
    std::string bad = file;
    // Half in the header and tables (the first 1.5 KB), half anywhere.
    const std::size_t at = (i % 2 ? rng() % 1500 : rng()) % bad.size();
    bad[at] = static_cast<char>(bad[at] ^ (1 + rng() % 255));
    try {
      load(bad, "r50k_base");
    } catch (const InputError&) {
      ++refused;
    }
  }
  // The coded streams must end exactly where the file does, in the state
  // they started from: almost any damage shows.
  EXPECT_GT(refused, static_cast<std::size_t>(trials) * 9 / 10);
}

TEST(MergeFormatCorrupt, ImpossibleHeadersNameTheProblem) {
  const std::string file = read_file(vocab_dir() + "web/r50k_base.bin");
  if (file.empty()) {
    GTEST_SKIP() << "js/vocab is missing: build the `vocab` target first";
  }
  const std::size_t bytes_at = 8 + 1 + 9 + 4;  // magic, version, name "r50k_base", count
  std::string twice = file;
  twice[bytes_at + 1] = twice[bytes_at];  // two ranks for one byte
  EXPECT_NE(error_of(twice).find("has two ranks"), std::string::npos);
  std::string holes = file;
  holes[bytes_at + 256 + 3] = 0x7F;  // more holes than ranks
  EXPECT_NE(error_of(holes).find("more holes than ranks"), std::string::npos);
  std::string counts = file;
  counts[bytes_at + 256 + 4] =
      static_cast<char>(counts[bytes_at + 256 + 4] ^ 1);  // tokens per first byte
  EXPECT_NE(error_of(counts), "(loaded)");
}

}  // namespace
}  // namespace llmcalc::tokenizer
