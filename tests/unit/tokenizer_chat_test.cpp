// Chat counting by the cookbook method (How_to_count_tokens_with_tiktoken):
// its example messages give 129 tokens with cl100k_base (gpt-4-0613) and
// 124 with o200k_base (gpt-4o).
#include <gtest/gtest.h>

#include <fstream>

#include "tokenizer/chat.h"
#include "tokenizer_vocab_files.h"
#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

using nlohmann::json;

// The cookbook's example, shared with the JS tests.
json cookbook_messages() {
  std::ifstream in(std::string(LLMCALC_SOURCE_DIR) + "/tests/fixtures/chat/cookbook_example.json");
  return json::parse(in).at("messages");
}

TEST(Chat, CookbookExampleCl100k) {
  LLMCALC_LOAD_OR_SKIP(enc, "cl100k_base");
  json r = count_chat(*enc, "gpt-4-0613", cookbook_messages());
  EXPECT_EQ(r["tokens"], 129);
  EXPECT_EQ(r["estimate"], true);
  EXPECT_EQ(r["messages"].size(), 6u);
}

TEST(Chat, CookbookExampleO200k) {
  LLMCALC_LOAD_OR_SKIP(enc, "o200k_base");
  json r = count_chat(*enc, "gpt-4o", json{{"messages", cookbook_messages()}});
  EXPECT_EQ(r["tokens"], 124);
  EXPECT_EQ(r["tools_tokens"], 0);
}

TEST(Chat, ToolsFollowTheCookbookFormula) {
  LLMCALC_LOAD_OR_SKIP(enc, "o200k_base");
  json request = json::parse(R"({
    "messages": [{"role": "user", "content": "Weather in Paris?"}],
    "tools": [{"type": "function", "function": {
      "name": "get_weather", "description": "Get the weather.",
      "parameters": {"type": "object", "properties": {
        "city": {"type": "string", "description": "City name."},
        "unit": {"type": "string", "description": "Unit", "enum": ["c", "f"]}}}}}]
  })");
  json r = count_chat(*enc, "gpt-4o", request);
  std::size_t expected = 7 + enc->count("get_weather:Get the weather") + 3 + 3 +
                         enc->count("city:string:City name") + 3 - 3 + 3 + enc->count("c") + 3 +
                         enc->count("f") + enc->count("unit:string:Unit") + 12;
  EXPECT_EQ(r["tools_tokens"], expected);
  EXPECT_EQ(r["tokens"], r["messages_tokens"].get<std::size_t>() + expected);
}

TEST(Chat, BadShapesAreInputErrors) {
  LLMCALC_LOAD_OR_SKIP(enc, "o200k_base");
  EXPECT_THROW(count_chat(*enc, "", json::object()), InputError);
  EXPECT_THROW(count_chat(*enc, "", json{{"messages", 3}}), InputError);
  EXPECT_THROW(count_chat(*enc, "", json::parse(R"([1])")), InputError);
  json r = count_chat(*enc, "", json::parse(R"([{"role":"user","content":[
      {"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"x"}}]}])"));
  EXPECT_EQ(r["notes"].size(), 1u);
}

}  // namespace
}  // namespace llmcalc::tokenizer
