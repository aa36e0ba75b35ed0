// Chunking: adapters between JS and src/chunking/.
//  * chunkPlan: JSON string in, JSON string out (chunking_json.h's chunk_api).
//  * chunkText: the text mode. JS writes the text's UTF-8 bytes into
//    chunkTextInput() and names an encoding whose vocabulary loadEncoding()
//    has loaded (wasm/loaded_vocabulary.h), so no second copy of a
//    vocabulary is held here. The core streams the tokens and keeps only the
//    chunk edges, so a 100 MB text needs the text and the chunk list, not
//    a span per token. The reply is text_chunks_json() without texts; errors
//    come back as {"error": …}, never as exceptions.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "chunking/chunking.h"
#include "chunking/chunking_json.h"
#include "input_buffer.h"
#include "loaded_vocabulary.h"
#include "special_policy.h"
#include "util/json_call.h"

namespace {

using emscripten::val;

// The text of the next chunkText() call; released after it.
std::vector<std::uint8_t>& text_input() {
  static std::vector<std::uint8_t> text;
  return text;
}

std::string chunk_plan(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::chunking::chunk_api);
}

// Null when the memory is not there; the buffer is then dropped.
val chunk_text_input(std::size_t capacity) {
  val view = llmcalc::wasm::sized_view(text_input(), capacity);
  if (view.isNull()) text_input() = {};
  return view;
}

// settings: {"size", "overlap", "encoding"}; len: UTF-8 bytes written;
// flags and allowed: the special-token policy (special_policy.h).
std::string chunk_text(const std::string& settings, std::size_t len, int flags,
                       const std::string& allowed) {
  nlohmann::json in = nlohmann::json::parse(settings, nullptr, false);
  if (in.is_discarded()) in = nullptr;
  nlohmann::json request = {{"settings", in}, {"len", len}, {"flags", flags}, {"allowed", allowed}};
  nlohmann::json out = llmcalc::json_call_value(request, [](const nlohmann::json& r) {
    const nlohmann::json& in = r.at("settings");
    auto s = llmcalc::chunking::chunk_settings_from_json(in);
    std::string name = in.value("encoding", std::string());
    auto encoding = llmcalc::wasm::loaded_encoding(name);
    const auto& buf = text_input();
    std::string_view text(reinterpret_cast<const char*>(buf.data()),
                          std::min<std::size_t>(r.at("len").get<std::size_t>(), buf.size()));
    auto policy =
        llmcalc::wasm::policy_from(r.at("flags").get<int>(), r.at("allowed").get<std::string>());
    auto chunks = llmcalc::chunking::chunk_text(*encoding, text, s, policy);
    return llmcalc::chunking::text_chunks_json(chunks, name, text, false);
  });
  text_input() = {};
  try {
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const std::bad_alloc&) {  // millions of ranges
    return llmcalc::json_call_value(
               nullptr, [](const nlohmann::json&) -> nlohmann::json { throw std::bad_alloc(); })
        .dump();
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(chunking) {
  emscripten::function("chunkPlan", &chunk_plan);
  emscripten::function("chunkTextInput", &chunk_text_input);
  emscripten::function("chunkText", &chunk_text);
}
