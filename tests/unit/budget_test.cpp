#include "budget/budget.h"

#include <gtest/gtest.h>

#include <limits>

#include <memory>

#include "budget/budget_json.h"
#include "catalog/active_catalog.h"
#include "catalog/model_tokenizer.h"
#include "catalog_test_data.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace llmcalc::budget {
namespace {

using nlohmann::json;

SectionTokens sections(double system, double tools, double examples, double history, double context,
                       double user, double output) {
  return {system, tools, examples, history, context, user, output};
}

TEST(Budget, SumsInputAndReserveAndSharesTheWindow) {
  Budget b = plan_budget(sections(1000, 500, 2000, 3000, 20000, 500, 4000), {128000, 16384});
  EXPECT_EQ(b.input_tokens, 27000);
  EXPECT_EQ(b.output_reserve, 4000);
  EXPECT_EQ(b.total_tokens, 31000);
  EXPECT_DOUBLE_EQ(*b.share, 31000.0 / 128000);
  EXPECT_EQ(*b.tokens_left, 97000);
  EXPECT_EQ(b.overflow_tokens, 0);
  EXPECT_FALSE(b.cut);
  EXPECT_FALSE(b.output_over_limit);
  EXPECT_TRUE(budget_warnings(b, "m").empty());
}

TEST(Budget, ExactlyFullFits) {
  Budget b = plan_budget(sections(0, 0, 0, 0, 7000, 0, 1192), {8192, {}});
  EXPECT_EQ(*b.tokens_left, 0);
  EXPECT_EQ(b.overflow_tokens, 0);
  EXPECT_FALSE(b.cut);
}

TEST(Budget, OverflowNamesTheFirstSectionInCutOrderThatIsLargeEnough) {
  // Over by 2,000: retrieved context (1,500) is too small, history (5,000) is
  // enough, even though examples (6,000) are larger.
  Budget b = plan_budget(sections(100, 0, 6000, 5000, 1500, 400, 5000), {16000, {}});
  EXPECT_EQ(b.overflow_tokens, 2000);
  EXPECT_EQ(*b.tokens_left, -2000);
  ASSERT_TRUE(b.cut);
  EXPECT_EQ(b.cut->section, Section::kHistory);
  EXPECT_TRUE(b.cut->enough);
  auto w = budget_warnings(b, "tiny");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0],
            "Over tiny's 16,000-token window by 2,000 tokens: cut the conversation history "
            "(5,000 tokens) by at least 2,000.");
}

TEST(Budget, WhenNoSectionSufficesTheLargestIsNamedAsNotEnough) {
  Budget b = plan_budget(sections(3000, 0, 0, 0, 4000, 2000, 1000), {4096, {}});
  EXPECT_EQ(b.overflow_tokens, 5904);
  ASSERT_TRUE(b.cut);
  EXPECT_EQ(b.cut->section, Section::kContext);
  EXPECT_FALSE(b.cut->enough);
  EXPECT_NE(budget_warnings(b, "m")[0].find("even without the retrieved context (4,000 tokens)"),
            std::string::npos);
}

TEST(Budget, TheReserveIsNeverProposedForCutting) {
  Budget b = plan_budget(sections(0, 0, 0, 0, 0, 0, 9000), {8192, {}});
  EXPECT_EQ(b.overflow_tokens, 808);
  EXPECT_FALSE(b.cut);
  EXPECT_NE(budget_warnings(b, "m")[0].find("the output reserve alone does not fit"),
            std::string::npos);
}

TEST(Budget, ReserveAboveTheModelsMaxOutputIsFlagged) {
  Budget b = plan_budget(sections(10, 0, 0, 0, 0, 10, 20000), {128000, 16384});
  EXPECT_TRUE(b.output_over_limit);
  auto w = budget_warnings(b, "gpt-4o");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("more than gpt-4o can write in one reply (16,384 tokens)"),
            std::string::npos);
}

TEST(Budget, UnknownWindowGivesNoShare) {
  Budget b = plan_budget(sections(1, 2, 3, 4, 5, 6, 7), {});
  EXPECT_EQ(b.total_tokens, 28);
  EXPECT_FALSE(b.share);
  EXPECT_FALSE(b.tokens_left);
  EXPECT_EQ(b.overflow_tokens, 0);
}

TEST(Budget, SectionCountsAreCheckedWithTheSectionAsField) {
  EXPECT_EQ(section_tokens(Section::kTools, 0), 0);
  EXPECT_EQ(section_tokens(Section::kTools, 1e12), 1e12);
  auto field_of = [](Section s, double v) {
    try {
      section_tokens(s, v);
    } catch (const InputError& e) {
      return e.field();
    }
    return std::string("no error");
  };
  EXPECT_EQ(field_of(Section::kHistory, -1), "history");
  EXPECT_EQ(field_of(Section::kContext, 1.5), "context");
  EXPECT_EQ(field_of(Section::kOutput, 1e13), "output");
  EXPECT_EQ(field_of(Section::kUser, std::numeric_limits<double>::quiet_NaN()), "user");
  EXPECT_EQ(field_of(Section::kUser, std::numeric_limits<double>::infinity()), "user");
}

class BudgetJson : public ::testing::Test {
 protected:
  void SetUp() override {
    set_active_catalog(std::make_shared<const Catalog>(load_catalog(testing::tiny_catalog())));
  }
  static json call(const json& in) { return json_call_value(in, budget_api); }
};

TEST_F(BudgetJson, PricesInputSectionsAndTheReserveAsOutput) {
  json r = call({{"sections", {{"system", "1,000"}, {"user", 500}, {"output", 1000}}},
                 {"models", {"a-chat"}}});
  ASSERT_FALSE(r.contains("error")) << r.dump();
  const json& m = r["models"][0];
  EXPECT_EQ(m["model"]["id"], "a-chat");
  EXPECT_EQ(m["input_tokens"], 1500);
  EXPECT_EQ(m["total_tokens"], 2500);
  EXPECT_EQ(m["tokens_left"], 125500);
  EXPECT_EQ(m["fits"], true);
  // 1,500 × $2 + 1,000 × $8 per million.
  EXPECT_DOUBLE_EQ(m["cost_usd"].get<double>(), 0.011);
  EXPECT_EQ(m["counting"]["encoding"], "o200k_base");
  EXPECT_EQ(m["counting"]["exact"], true);
  EXPECT_EQ(m["sections"].size(), kSections);
  EXPECT_EQ(m["sections"][0]["id"], "system");
  EXPECT_DOUBLE_EQ(m["sections"][0]["share"].get<double>(), 1000.0 / 128000);
  EXPECT_EQ(r["sections"][6]["label"], "Output reserve");
}

TEST_F(BudgetJson, PerModelCountsOverrideTheSharedOnes) {
  json r =
      call({{"sections", {{"system", 100}, {"output", 10}}},
            {"models",
             json::array({"a-chat", {{"model", "a-long"}, {"sections", {{"system", 120}}}}})}});
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["models"][0]["input_tokens"], 100);
  EXPECT_EQ(r["models"][1]["input_tokens"], 120);
  EXPECT_EQ(r["models"][1]["output_reserve"], 10);
  EXPECT_EQ(r["models"][1]["counting"]["exact"], false);
  EXPECT_NE(r["models"][1]["counting"]["note"].get<std::string>().find("estimate"),
            std::string::npos);
}

TEST_F(BudgetJson, AModelWithoutAnOutputPriceIsNotOfferedNeverZero) {
  json r = call({{"sections", {{"user", 10}, {"output", 10}}}, {"models", {"a-embed"}}});
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_TRUE(r["models"][0]["cost_usd"].is_null());
  EXPECT_FALSE(r["models"][0]["cost_note"].get<std::string>().empty());
}

TEST_F(BudgetJson, AWindowOfOnesOwnHasNoPrice) {
  json r = call({{"sections", {{"context", 3000}, {"output", 2000}}},
                 {"models", json::array({{{"name", "Small"}, {"context_window", "4,096"}}})}});
  ASSERT_FALSE(r.contains("error")) << r.dump();
  const json& m = r["models"][0];
  EXPECT_EQ(m["name"], "Small");
  EXPECT_TRUE(m["model"].is_null());
  EXPECT_EQ(m["fits"], false);
  EXPECT_EQ(m["overflow_tokens"], 904);
  EXPECT_EQ(m["cut"]["section"], "context");
  EXPECT_TRUE(m["cost_usd"].is_null());
}

TEST_F(BudgetJson, AWindowOfOnesOwnTakesItsOwnCounts) {
  json r =
      call({{"sections", {{"user", 10}}},
            {"models", json::array({{{"context_window", 100}, {"sections", {{"user", 30}}}}})}});
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["models"][0]["input_tokens"], 30);
  EXPECT_EQ(r["models"][0]["name"], "Custom model");
}

TEST_F(BudgetJson, BadInputNamesTheField) {
  auto field = [](const json& in) { return call(in)["error"]["field"].get<std::string>(); };
  EXPECT_EQ(field({{"models", {"a-chat"}}, {"sections", {{"history", "-5"}}}}), "history");
  EXPECT_EQ(field({{"models", {"a-chat"}}, {"sections", {{"context", "lots"}}}}), "context");
  EXPECT_EQ(field({{"models", {"a-chat"}}, {"sections", {{"user", "1e308"}}}}), "user");
  EXPECT_EQ(field({{"models", {"a-chat"}}, {"sections", {{"output", "NaN"}}}}), "output");
  EXPECT_EQ(field({{"models", {"a-chat"}}, {"sections", {{"bogus", 1}}}}), "sections");
  EXPECT_EQ(field({{"models", json::array()}}), "model");
  EXPECT_EQ(field({{"models", {"no-such-model"}}}), "model");
  EXPECT_EQ(field({{"models", json::array({{{"context_window", 0}}})}}), "context_window");
  EXPECT_EQ(field({{"models", json::array({{{"context_window", 10.5}}})}}), "context_window");
  json many = json::array();
  for (int i = 0; i < 13; ++i) many.push_back("a-chat");
  EXPECT_EQ(field({{"models", many}}), "model");
  EXPECT_EQ(call(json::array())["error"]["field"], "");
}

TEST(TokenCounting, ExactForOpenAiFamiliesAndTheIdsTheOtherTokenizersCover) {
  Catalog c = load_catalog(testing::tiny_catalog());
  EXPECT_EQ(token_counting(*c.find("a-chat")).exact, true);
  EXPECT_EQ(token_counting(*c.find("a-embed")).encoding, "cl100k_base");
  TokenCounting unknown = token_counting(*c.find("a-long"));
  EXPECT_FALSE(unknown.exact);
  EXPECT_EQ(unknown.encoding, "o200k_base");
  // The tiny catalog's chat model under another id and tokenizer family.
  auto counting = [&](const char* id, const char* tokenizer) {
    Model m = *c.find("a-chat");
    if (*id) m.id = id;
    m.tokenizer = tokenizer;
    return token_counting(m);
  };
  EXPECT_NE(counting("", "claude-estimate").note.find("count_tokens"), std::string::npos);
  EXPECT_NE(counting("", "gemma3").note.find("gemma3"), std::string::npos);
  // A Gemini id Google's SDK counts with Gemma 3 is exact with it; a later
  // one (Gemma 4's tokenizer) is an estimate that names its tokenizer.
  EXPECT_EQ(counting("gemini-2.5-pro", "gemma3").encoding, "gemma3");
  EXPECT_TRUE(counting("gemini-2.5-pro", "gemma3").exact);
  EXPECT_EQ(counting("gemini-3.5-flash", "gemma4").encoding, "o200k_base");
  EXPECT_NE(counting("gemini-3.5-flash", "gemma4").note.find("gemma4 tokenizer"),
            std::string::npos);
  EXPECT_EQ(counting("meta-llama/Llama-3.3-70B-Instruct-Turbo", "llama3").encoding, "llama3");
  EXPECT_TRUE(counting("meta-llama/Llama-3.3-70B-Instruct-Turbo", "llama3").exact);
}

}  // namespace
}  // namespace llmcalc::budget
