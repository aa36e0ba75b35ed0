// One training example in OpenAI's chat fine-tuning format, as handed to a
// token counter. The dataset checker fills it only for examples that passed
// the format checks; the tokenizer module decides how to count it.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace llmcalc {

struct ChatMessage {
  std::string role;
  // The text. When the message's content is a list of parts, this joins
  // their "text" fields and `content_parts` keeps the list (images and
  // files are there; local tokenizers cannot count them).
  std::string content;
  nlohmann::json content_parts;  // null unless content was a list
  std::string name;              // empty when absent
  bool has_name = false;
  nlohmann::json tool_calls;     // null when absent
  nlohmann::json function_call;  // null when absent
  std::string tool_call_id;
};

struct ChatExample {
  std::size_t line = 0;  // 1-based line in the file
  std::vector<ChatMessage> messages;
  nlohmann::json tools;      // the example's "tools" list, or null
  nlohmann::json functions;  // the legacy "functions" list, or null
};

// Returns the token count of one example (what training bills for it). It
// may throw; the example is then left out of the token statistics and
// listed under the warning uncounted_example.
using TokenCounter = std::function<std::size_t(const ChatExample&)>;

// The example as a chat request ({"messages": [...], "tools": [...]}), the
// shape the tokenizer's chat counter reads.
nlohmann::json chat_request_json(const ChatExample& example);

}  // namespace llmcalc
