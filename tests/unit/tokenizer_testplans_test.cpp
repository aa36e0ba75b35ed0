// tiktoken's published test vectors (gpt-tokenizer@4.0.0 data/TestPlans.txt:
// samples with the ids tiktoken gives) against the real vocabularies.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tokenizer/encoding.h"
#include "tokenizer_vocab_files.h"

namespace llmcalc::tokenizer {
namespace {

struct Plan {
  std::string encoding, sample;
  std::vector<std::uint32_t> ids;
};

std::vector<Plan> read_plans() {
  std::ifstream in(std::string(LLMCALC_SOURCE_DIR) +
                   "/node_modules/gpt-tokenizer/data/TestPlans.txt");
  std::vector<Plan> plans;
  std::string line;
  Plan p;
  while (std::getline(in, line)) {
    if (line.rfind("EncodingName: ", 0) == 0) {
      p = Plan{line.substr(14), "", {}};
    } else if (line.rfind("Sample: ", 0) == 0) {
      p.sample = line.substr(8);
    } else if (line.rfind("Encoded: ", 0) == 0) {
      std::string list = line.substr(9);
      for (char& c : list) {
        if (c == '[' || c == ']' || c == ',') c = ' ';
      }
      std::istringstream ids(list);
      std::uint32_t id;
      while (ids >> id) p.ids.push_back(id);
      plans.push_back(p);
    }
  }
  return plans;
}

class TestPlans : public ::testing::TestWithParam<std::string> {};

TEST_P(TestPlans, MatchTiktoken) {
  LLMCALC_LOAD_OR_SKIP(enc, GetParam());
  auto plans = read_plans();
  if (plans.empty()) GTEST_SKIP() << "node_modules/gpt-tokenizer is missing: run npm ci";
  int checked = 0;
  for (const auto& p : plans) {
    if (p.encoding != GetParam()) continue;
    std::vector<std::uint32_t> ids;
    enc->encode(p.sample, ids);
    EXPECT_EQ(ids, p.ids) << p.encoding << " sample: " << p.sample;
    EXPECT_EQ(enc->count(p.sample), p.ids.size()) << p.sample;
    EXPECT_EQ(enc->decode_bytes(ids.data(), ids.size()), p.sample);
    ++checked;
  }
  EXPECT_GT(checked, 50);
}

INSTANTIATE_TEST_SUITE_P(Encodings, TestPlans,
                         ::testing::Values("r50k_base", "p50k_base", "p50k_edit", "cl100k_base",
                                           "o200k_base"));

}  // namespace
}  // namespace llmcalc::tokenizer
