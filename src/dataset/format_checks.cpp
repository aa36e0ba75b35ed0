#include "dataset/format_checks.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace llmcalc {
namespace {

constexpr std::array<std::string_view, 7> kMessageKeys = {
    "role", "content", "name", "function_call", "weight", "tool_calls", "tool_call_id"};
constexpr std::array<std::string_view, 6> kRoles = {"system", "user",     "assistant",
                                                    "tool",   "function", "developer"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

const char* type_name(const nlohmann::json& v) {
  if (v.is_array()) return "a list";
  if (v.is_string()) return "a string";
  if (v.is_number()) return "a number";
  if (v.is_boolean()) return "a boolean";
  if (v.is_null()) return "null";
  return "an object";
}

class Checker {
 public:
  void add(const std::string& type, const std::string& message) {
    for (const auto& e : result.errors) {
      if (e.type == type) return;  // once per example
    }
    result.errors.push_back({type, message});
  }
  ExampleCheck result;
};

// Non-empty string, or non-empty list of {"type": ...} parts; fills text.
bool read_content(const nlohmann::json& content, ChatMessage& out) {
  if (content.is_string()) {
    out.content = content.get<std::string>();
    return !out.content.empty();
  }
  if (!content.is_array() || content.empty()) return false;
  for (const auto& part : content) {
    if (!part.is_object() || !part.contains("type") || !part["type"].is_string()) return false;
    if (auto t = part.find("text"); t != part.end() && t->is_string()) {
      out.content += t->get_ref<const std::string&>();
    }
  }
  out.content_parts = content;
  return true;
}

void check_message(const nlohmann::json& m, std::size_t index, Checker& c, ChatExample& example) {
  const std::string where = "message " + std::to_string(index + 1);
  if (!m.is_object()) {
    c.add("data_type", where + " is " + type_name(m) + ", not an object.");
    return;
  }
  ChatMessage msg;
  auto tool_calls = m.find("tool_calls");
  auto function_call = m.find("function_call");
  bool calls = (tool_calls != m.end() && !tool_calls->is_null()) ||
               (function_call != m.end() && !function_call->is_null());
  if (!m.contains("role")) {
    c.add("message_missing_key", where + " has no \"role\".");
  } else if (!m.contains("content") && !calls) {
    c.add("message_missing_key", where + " has no \"content\".");
  }
  for (const auto& item : m.items()) {
    if (!one_of(kMessageKeys, item.key())) {
      c.add("message_unrecognized_key",
            where + " has the unrecognized key \"" + item.key() + "\".");
    }
  }
  if (auto role = m.find("role"); role != m.end()) {
    if (!role->is_string() || !one_of(kRoles, role->get_ref<const std::string&>())) {
      // Only a string is quoted back: a huge or deep value is not echoed.
      c.add("unrecognized_role",
            where + " has the unrecognized role " +
                (role->is_string() ? role->dump() : std::string(type_name(*role))) + ".");
    } else {
      msg.role = role->get<std::string>();
    }
  }
  auto content = m.find("content");
  bool no_content = content == m.end() || content->is_null() ||
                    (content->is_string() && content->get_ref<const std::string&>().empty());
  if (!(calls && no_content) && !(content != m.end() && read_content(*content, msg))) {
    c.add("missing_content", where + " has no text content (it needs a non-empty string).");
  }
  if (auto name = m.find("name"); name != m.end() && name->is_string()) {
    msg.name = name->get<std::string>();
    msg.has_name = true;
  }
  if (tool_calls != m.end()) msg.tool_calls = *tool_calls;
  if (function_call != m.end()) msg.function_call = *function_call;
  if (auto id = m.find("tool_call_id"); id != m.end() && id->is_string()) {
    msg.tool_call_id = id->get<std::string>();
  }
  example.messages.push_back(std::move(msg));
}

}  // namespace

ExampleCheck check_chat_example(const nlohmann::json& value) {
  Checker c;
  if (!value.is_object()) {
    c.add("data_type", std::string("The example is ") + type_name(value) +
                           ", not an object with a \"messages\" list.");
    return c.result;
  }
  auto messages = value.find("messages");
  if (messages == value.end() || !messages->is_array() || messages->empty()) {
    c.add("missing_messages_list", "The example has no non-empty \"messages\" list.");
    return c.result;
  }
  ChatExample example;
  bool system = false, user = false, assistant = false;
  for (std::size_t i = 0; i < messages->size(); ++i) {
    const auto& m = (*messages)[i];
    check_message(m, i, c, example);
    if (!m.is_object()) continue;
    auto r = m.find("role");
    std::string role = r != m.end() && r->is_string() ? r->get<std::string>() : "";
    system = system || role == "system" || role == "developer";
    user = user || role == "user";
    assistant = assistant || role == "assistant";
  }
  if (!assistant) {
    c.add("example_missing_assistant_message",
          "The example has no assistant message to learn from.");
  }
  c.result.missing_system = !system;
  c.result.missing_user = !user;
  if (c.result.errors.empty()) {
    if (auto t = value.find("tools"); t != value.end()) example.tools = *t;
    if (auto f = value.find("functions"); f != value.end()) example.functions = *f;
    c.result.example = std::move(example);
  }
  return c.result;
}

}  // namespace llmcalc
