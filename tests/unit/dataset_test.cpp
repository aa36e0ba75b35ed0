#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dataset/dataset_analyzer.h"
#include "dataset/dataset_json.h"
#include "dataset/format_checks.h"
#include "dataset/token_stats.h"

namespace llmcalc {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(LLMCALC_SOURCE_DIR) / "tests/fixtures/dataset";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json analyze(const std::string& text, std::size_t chunk, DatasetOptions o = {},
                       TokenCounter counter = nullptr) {
  DatasetAnalyzer a(o);
  if (counter) a.set_token_counter(counter);
  for (std::size_t i = 0; i < text.size(); i += chunk)
    a.feed(std::string_view(text).substr(i, chunk));
  return to_json(a.finish());
}

// Compares the fields an expected file names; see tests/fixtures/dataset.
void expect_matches(const nlohmann::json& expected, const nlohmann::json& actual,
                    const std::string& what) {
  for (const auto& [key, want] : expected.items()) {
    // Notes, and token counts (these tests run without a tokenizer).
    if (key.rfind('_', 0) == 0 || key == "tokens_o200k") continue;
    if (key == "errors") {
      ASSERT_EQ(actual["errors"].size(), want.size()) << what << "\n" << actual["errors"].dump(1);
      for (std::size_t i = 0; i < want.size(); ++i) {
        for (const auto& [field, v] : want[i].items()) {
          EXPECT_EQ(actual["errors"][i][field], v) << what << " error " << i << " " << field;
        }
      }
    } else if (key == "warnings") {
      for (const auto& w : actual["warnings"]) {
        std::string type = w["type"].get<std::string>();
        if (want.contains(type)) {
          EXPECT_EQ(w["lines"], want[type]) << what << " " << type;
        }
      }
    } else {
      EXPECT_EQ(actual[key], want) << what << " " << key;
    }
  }
}

TEST(DatasetFixtures, EachFileGivesItsExpectedResultWhateverTheChunkSize) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    std::string name = entry.path().filename().string();
    if (name.find(".expected.") != std::string::npos || entry.path().extension() == ".mjs") {
      continue;  // expected results, and the JS tests' helper
    }
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".expected.json");
    auto expected = nlohmann::json::parse(read_file(expected_path));
    std::string text = read_file(entry.path());
    for (std::size_t chunk :
         {std::size_t{1}, std::size_t{7}, std::size_t{4096}, std::size_t{1} << 20}) {
      expect_matches(expected, analyze(text, chunk), name + " chunk " + std::to_string(chunk));
    }
    ++files;
  }
  EXPECT_GE(files, 10);
}

TEST(DatasetChecks, AToolCallTurnMayOmitContentButNothingElseMay) {
  auto ok = check_chat_example(nlohmann::json::parse(
      R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","tool_calls":[]}]})"));
  EXPECT_TRUE(ok.errors.empty());
  auto bad = check_chat_example(nlohmann::json::parse(
      R"({"messages":[{"role":"user"},{"role":"assistant","content":null}]})"));
  ASSERT_EQ(bad.errors.size(), 2u);
  EXPECT_EQ(bad.errors[0].type, "message_missing_key");
  EXPECT_EQ(bad.errors[1].type, "missing_content");
  EXPECT_TRUE(bad.missing_system);
  EXPECT_FALSE(bad.missing_user);
}

TEST(DatasetChecks, FillsTheExampleForTheTokenCounter) {
  auto c = check_chat_example(nlohmann::json::parse(
      R"({"messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},
                     {"role":"assistant","content":"c","name":"n"}],"tools":[{"type":"function"}]})"));
  ASSERT_TRUE(c.errors.empty());
  ASSERT_EQ(c.example.messages.size(), 2u);
  EXPECT_EQ(c.example.messages[0].content, "ab");
  EXPECT_TRUE(c.example.messages[0].content_parts.is_array());
  EXPECT_EQ(c.example.messages[1].name, "n");
  EXPECT_TRUE(c.example.messages[1].has_name);
  EXPECT_EQ(c.example.tools.size(), 1u);
}

TEST(DatasetAnalyzer, OverlongLinesAreSkippedNotStored) {
  DatasetOptions o;
  o.max_line_bytes = 100;
  std::string ok =
      R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y"}]})";
  std::string text = ok + "\n" + std::string(1000, 'x') + "\n" + ok;
  auto r = analyze(text, 64, o);
  EXPECT_EQ(r["examples"], 3);
  EXPECT_EQ(r["valid_examples"], 2);
  ASSERT_EQ(r["errors"].size(), 1u);
  EXPECT_EQ(r["errors"][0]["type"], "line_too_long");
  EXPECT_EQ(r["errors"][0]["line"], 2);
}

TEST(DatasetAnalyzer, AFirstLineCutShortIsASyntaxErrorNotAWholeFileError) {
  std::string ok =
      R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y"}]})";
  auto r = analyze("  {\"messages\": [\n" + ok + "\n", 5);
  ASSERT_EQ(r["errors"].size(), 1u);
  EXPECT_EQ(r["errors"][0]["type"], "json_syntax");
  EXPECT_EQ(r["errors"][0]["column"], 17);  // the end of the line; leading spaces count
  EXPECT_EQ(r["valid_examples"], 1);
  auto alone = analyze("{\"messages\": [", 5);
  EXPECT_EQ(alone["errors"][0]["type"], "json_syntax");
  auto doc = analyze("[\n  " + ok + ",\n  " + ok + "\n]\n", 5);
  ASSERT_EQ(doc["errors"].size(), 1u);
  EXPECT_EQ(doc["errors"][0]["type"], "not_jsonl");
}

TEST(DatasetAnalyzer, LoneSurrogatesAndHugeNumbersAreSyntaxErrorsNotCrashes) {
  std::string ok =
      R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y"}]})";
  auto r = analyze(ok + "\n" + R"({"messages":[{"role":"user","content":"\ud83d"}]})" + "\n" +
                       R"({"messages":[],"n":1e400})" + "\n" + ok + "\n",
                   7);
  ASSERT_EQ(r["errors"].size(), 2u);
  EXPECT_EQ(r["errors"][0]["type"], "json_syntax");
  EXPECT_EQ(r["errors"][0]["line"], 2);
  EXPECT_NE(r["errors"][0]["message"].get<std::string>().find("surrogate"), std::string::npos);
  EXPECT_EQ(r["errors"][1]["line"], 3);
  EXPECT_EQ(r["valid_examples"], 2);
}

TEST(DatasetAnalyzer, ASyntaxErrorQuotesOnlyTheEndOfAHugeString) {
  // nlohmann quotes the whole string it was reading; 1,000 such errors of
  // 1 MB each would keep a GB.
  std::string line = R"({"messages":[{"role":"user","content":")" + std::string(1 << 20, 'a') +
                     R"(\u00e9\ud83d"}]})";
  auto r = analyze(line + "\n", 1 << 16);
  ASSERT_EQ(r["errors"].size(), 1u);
  std::string message = r["errors"][0]["message"];
  EXPECT_LT(message.size(), 400u);
  EXPECT_NE(message.find("surrogate"), std::string::npos);
  EXPECT_NE(message.find(R"(\u00e9\ud83d)"), std::string::npos) << message;
}

TEST(DatasetAnalyzer, TokenCounterGivesStatsEpochsAndBilledTokens) {
  std::string text;
  for (int i = 1; i <= 10; ++i) {
    text += R"({"messages":[{"role":"user","content":")" + std::string(i, 'x') +
            R"("},{"role":"assistant","content":"y"}]})"
            "\n";
  }
  DatasetOptions o;
  o.token_limit = 5;
  o.price_per_million = 2.0;
  std::size_t calls = 0;
  auto r = analyze(text, 100, o, [&](const ChatExample& e) {
    ++calls;
    return e.messages[0].content.size();  // 1..10 "tokens"
  });
  EXPECT_EQ(calls, 10u);
  const auto& t = r["tokens"];
  EXPECT_EQ(t["min"], 1);
  EXPECT_EQ(t["max"], 10);
  EXPECT_DOUBLE_EQ(t["mean"].get<double>(), 5.5);
  EXPECT_DOUBLE_EQ(t["median"].get<double>(), 5.5);
  EXPECT_DOUBLE_EQ(t["p10"].get<double>(), 1.9);  // numpy.quantile(range(1, 11), 0.1)
  EXPECT_DOUBLE_EQ(t["p90"].get<double>(), 9.1);
  EXPECT_EQ(t["over_limit"], 5);
  EXPECT_EQ(t["histogram"].size(), 10u);
  EXPECT_EQ(r["epochs"], 10);  // 10 x 3 < 100 -> min(25, 100 // 10)
  // sum(min(5, t)) = 1+2+3+4+5 + 5x5 = 40; x 10 epochs.
  EXPECT_EQ(r["billed_tokens"], 400);
  EXPECT_DOUBLE_EQ(r["training_cost_usd"].get<double>(), 400 * 2.0 / 1e6);
}

TEST(DatasetAnalyzer, AnExampleTheCounterRejectsIsLeftOutAndWarned) {
  std::string ok =
      R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y"}]})";
  auto r = analyze(ok + "\n" + ok + "\n", 1 << 20, {}, [](const ChatExample& e) -> std::size_t {
    if (e.line == 2) throw std::invalid_argument("cannot count");
    return chat_request_json(e)["messages"].size();
  });
  EXPECT_EQ(r["tokens"]["examples"], 1);
  EXPECT_EQ(r["tokens"]["total"], 2);
  EXPECT_EQ(r["warnings"][2]["type"], "uncounted_example");
  EXPECT_EQ(r["warnings"][2]["lines"], nlohmann::json::array({2}));
}

TEST(DatasetAnalyzer, WithoutACounterTokenNumbersAreNullNotZero) {
  auto r = analyze(read_file(kFixtures / "valid.jsonl"), 1 << 20);
  EXPECT_TRUE(r["tokens"].is_null());
  EXPECT_TRUE(r["billed_tokens"].is_null());
  EXPECT_TRUE(r["training_cost_usd"].is_null());
  EXPECT_EQ(r["ok"], true);
}

TEST(DatasetAnalyzer, CancelStopsAndMarksTheResult) {
  DatasetAnalyzer a;
  a.feed(read_file(kFixtures / "valid.jsonl"));
  a.cancel();
  a.feed("garbage\n");
  auto r = to_json(a.finish());
  EXPECT_EQ(r["cancelled"], true);
  EXPECT_EQ(r["ok"], false);
}

TEST(DatasetAnalyzer, ManyErrorsAreCountedButOnlyTheFirstKept) {
  DatasetOptions o;
  o.max_errors = 5;
  std::string text =
      R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y"}]})"
      "\n";
  for (int i = 0; i < 1000; ++i) text += "{}\n";
  auto r = analyze(text, 1 << 16, o);
  EXPECT_EQ(r["errors"].size(), 5u);
  EXPECT_EQ(r["error_count"], 1000);
  EXPECT_EQ(r["error_counts"]["missing_messages_list"], 1000);
  EXPECT_EQ(r["errors_truncated"], true);
}

TEST(TokenStats, DefaultEpochsFollowOpenAisRule) {
  EXPECT_FALSE(default_epochs(0).has_value());
  EXPECT_EQ(default_epochs(1), 25);
  EXPECT_EQ(default_epochs(10), 10);
  EXPECT_EQ(default_epochs(33), 3);  // 99 < 100 -> 100 // 33
  EXPECT_EQ(default_epochs(34), 3);
  EXPECT_EQ(default_epochs(8333), 3);
  EXPECT_EQ(default_epochs(8334), 2);  // 25,002 > 25,000 -> 25,000 // 8,334
  EXPECT_EQ(default_epochs(1000000), 1);
}

TEST(DatasetApi, RunsOnAWholeTextAndValidatesOptions) {
  auto r = dataset_api({{"text", read_file(kFixtures / "format_errors.jsonl")}, {"epochs", 2}});
  EXPECT_EQ(r["error_count"], 10);
  EXPECT_EQ(r["epochs"], 2);
  EXPECT_EQ(r["epochs_source"], "given");
  EXPECT_THROW(dataset_api({{"text", ""}, {"epochs", 0}}), std::invalid_argument);
  EXPECT_THROW(dataset_api({{"epochs", 1}}), std::invalid_argument);
}

}  // namespace
}  // namespace llmcalc
