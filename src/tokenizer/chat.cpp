#include "tokenizer/chat.h"

#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

using nlohmann::json;

std::string where(std::size_t i) { return "messages[" + std::to_string(i) + "]"; }

std::string text_of(const json& v, const std::string& field) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_number() || v.is_boolean()) return v.dump();
  throw InputError(field, "The value of " + field + " must be text.");
}

std::string drop_period(std::string s) {
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

struct Counter {
  const Encoding& enc;
  std::size_t operator()(const std::string& s) const { return enc.count(s); }
};

long count_content(const Counter& count, const json& content, const std::string& field,
                   json& notes) {
  if (content.is_string() || content.is_null())
    return static_cast<long>(count(text_of(content, field)));
  if (!content.is_array())
    throw InputError(field, "The content of " + field + " must be text or a list of parts.");
  long tokens = 0;
  for (const auto& part : content) {
    if (part.is_string()) {
      tokens += static_cast<long>(count(part.get<std::string>()));
    } else if (part.is_object() && part.contains("text")) {
      tokens += static_cast<long>(count(text_of(part["text"], field + ".text")));
    } else {
      std::string type = part.is_object() ? part.value("type", std::string("unknown")) : "unknown";
      notes.push_back("A " + type + " part in " + field +
                      " is not counted: only text can be counted locally.");
    }
  }
  return tokens;
}

long count_tools(const Counter& count, const json& tools, bool gpt4_family, json& notes) {
  if (!tools.is_array()) throw InputError("tools", "tools must be a list of tool definitions.");
  if (tools.empty()) return 0;
  const long func_init = gpt4_family ? 10 : 7, prop_init = 3, prop_key = 3, enum_init = -3,
             enum_item = 3, func_end = 12;
  long tokens = 0;
  for (std::size_t i = 0; i < tools.size(); ++i) {
    const json& t = tools[i];
    std::string field = "tools[" + std::to_string(i) + "]";
    if (!t.is_object()) throw InputError(field, field + " must be an object.");
    const json& f = t.contains("function") ? t["function"] : t;
    if (!f.is_object() || !f.contains("name")) {
      throw InputError(field, field + " has no function name.");
    }
    tokens += func_init;
    std::string desc = drop_period(text_of(f.value("description", json()), field + ".description"));
    tokens += static_cast<long>(count(text_of(f["name"], field + ".name") + ":" + desc));
    const json params = f.value("parameters", json::object());
    const json props =
        params.is_object() ? params.value("properties", json::object()) : json::object();
    if (!props.is_object() || props.empty()) continue;
    tokens += prop_init;
    for (const auto& [key, p] : props.items()) {
      tokens += prop_key;
      if (!p.is_object()) continue;
      if (p.contains("enum") && p["enum"].is_array()) {
        tokens += enum_init;
        for (const auto& item : p["enum"]) {
          tokens += enum_item + static_cast<long>(count(item.is_string() ? item.get<std::string>()
                                                                         : item.dump()));
        }
      }
      std::string type = p.contains("type") ? text_of(p["type"], field + ".type") : "";
      std::string pdesc =
          drop_period(text_of(p.value("description", json()), field + ".description"));
      tokens += static_cast<long>(count(key + ":" + type + ":" + pdesc));
      if (p.contains("properties") || p.contains("items")) {
        notes.push_back("Nested parameters in " + field + " are counted only at the top level.");
      }
    }
  }
  return tokens + func_end;
}

}  // namespace

json count_chat(const Encoding& encoding, const std::string& model, const json& request) {
  const json* messages = &request;
  json tools = json::array();
  if (request.is_object()) {
    if (!request.contains("messages")) throw InputError("messages", "The request has no messages.");
    messages = &request["messages"];
    if (request.contains("tools"))
      tools = request["tools"];
    else if (request.contains("functions"))
      tools = request["functions"];
  }
  if (!messages->is_array()) throw InputError("messages", "messages must be a list of messages.");

  // gpt-3.5-turbo-0301 framed messages differently; everything since uses 3/1.
  bool legacy = model.rfind("gpt-3.5-turbo-0301", 0) == 0;
  long per_message = legacy ? 4 : 3, per_name = legacy ? -1 : 1;
  bool gpt4_family = encoding.spec().pattern != Pattern::kO200k;
  Counter count{encoding};
  json notes = json::array();
  json per = json::array();
  long total = 0;
  for (std::size_t i = 0; i < messages->size(); ++i) {
    const json& m = (*messages)[i];
    if (!m.is_object())
      throw InputError(where(i), where(i) + " must be an object with role and content.");
    long tokens = per_message;
    for (const auto& [key, value] : m.items()) {
      std::string field = where(i) + "." + key;
      if (key == "content") {
        tokens += count_content(count, value, field, notes);
      } else if (key == "role" || key == "name") {
        tokens += static_cast<long>(count(text_of(value, field)));
        if (key == "name") tokens += per_name;
      } else if (value.is_string()) {
        tokens += static_cast<long>(count(value.get<std::string>()));
      } else if (!value.is_null()) {
        notes.push_back(field + " is not counted: the cookbook method counts only text fields.");
      }
    }
    per.push_back(tokens);
    total += tokens;
  }
  total += 3;  // every reply is primed with <|start|>assistant<|message|>
  long tool_tokens = count_tools(count, tools, gpt4_family, notes);
  return {{"tokens", total + tool_tokens},
          {"estimate", true},
          {"encoding", encoding.name()},
          {"model", model.empty() ? json() : json(model)},
          {"messages_tokens", total},
          {"tools_tokens", tool_tokens},
          {"messages", per},
          {"notes", notes}};
}

}  // namespace llmcalc::tokenizer
