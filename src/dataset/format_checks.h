// The per-example checks of OpenAI's cookbook (Chat_finetuning_data_prep),
// brought up to the current chat format:
// - messages may carry role, content, name, function_call, weight, and
//   also tool_calls and tool_call_id (tool calling); the example may carry
//   tools, functions and parallel_tool_calls next to messages;
// - roles: system, user, assistant, tool, function, developer;
// - content must be a non-empty string or a non-empty list of parts
//   ({"type": ...}), except that an assistant turn that calls a tool or a
//   function may omit it or set it to null. The cookbook flags those turns
//   as missing_content; OpenAI's own function-calling examples have them.
// Each error type is reported once per example, naming the first message
// at fault; the counts per type therefore count examples.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dataset/chat_example.h"

namespace llmcalc {

struct ExampleIssue {
  std::string type;  // data_type, missing_messages_list, message_missing_key, ...
  std::string message;
};

struct ExampleCheck {
  std::vector<ExampleIssue> errors;
  bool missing_system = false;  // neither a system nor a developer message
  bool missing_user = false;
  ChatExample example;  // filled when errors is empty
};

ExampleCheck check_chat_example(const nlohmann::json& value);

}  // namespace llmcalc
