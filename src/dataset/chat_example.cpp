#include "dataset/chat_example.h"

namespace llmcalc {

nlohmann::json chat_request_json(const ChatExample& example) {
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : example.messages) {
    nlohmann::json j = {{"role", m.role}};
    if (!m.content_parts.is_null()) {
      j["content"] = m.content_parts;
    } else if (!m.content.empty()) {
      j["content"] = m.content;
    }
    if (m.has_name) j["name"] = m.name;
    if (!m.tool_calls.is_null()) j["tool_calls"] = m.tool_calls;
    if (!m.function_call.is_null()) j["function_call"] = m.function_call;
    if (!m.tool_call_id.empty()) j["tool_call_id"] = m.tool_call_id;
    messages.push_back(std::move(j));
  }
  nlohmann::json request = {{"messages", std::move(messages)}};
  if (!example.tools.is_null()) request["tools"] = example.tools;
  if (!example.functions.is_null()) request["functions"] = example.functions;
  return request;
}

}  // namespace llmcalc
