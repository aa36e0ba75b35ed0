// Counting a chat request the way OpenAI's cookbook does
// (How_to_count_tokens_with_tiktoken): every message costs 3 tokens of
// framing plus the tokens of each of its string fields (role, content,
// name), +1 when `name` is set, and every reply is primed with 3 more
// (<|start|>assistant<|message|>). gpt-3.5-turbo-0301 used 4 per message
// and -1 for a name. Tool (function) definitions add
//   func_init (7; 10 for gpt-3.5/gpt-4) per function + tokens of "name:description"
//   prop_init 3 once per function with properties, prop_key 3 per property
//   + tokens of "key:type:description", enum_init -3 and enum_item 3 + item
//   tokens per enum, func_end 12 once for all tools;
// descriptions lose one trailing period. OpenAI calls this an estimate, and
// the result says so (estimate: true). Images, files and audio cannot be
// counted locally; they are skipped with a note.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "tokenizer/encoding.h"

namespace llmcalc::tokenizer {

// `request`: {"messages": [...], "tools": [...]} or a bare messages array.
// `model` may be empty (the encoding's usual constants then apply).
// Result: {tokens, estimate, encoding, model, messages_tokens, tools_tokens,
//          messages: [per-message tokens], notes: [...]}. Throws InputError.
nlohmann::json count_chat(const Encoding& encoding, const std::string& model,
                          const nlohmann::json& request);

}  // namespace llmcalc::tokenizer
