// Chunking: adapters between JS and src/chunking/.
//  * chunkPlan: JSON string in, JSON string out (chunking_json.h's chunk_api).
//  * chunkSpans: the text mode. The tokens come from the tokenizer's own
//    spans() (js/tokenizer.js), so no second copy of a vocabulary is loaded
//    here: JS writes the text's UTF-8 bytes into chunkTextInput() and the
//    tokens' byte starts and ends (two columns of n) into chunkBoundsInput(),
//    and gets back text_chunks_json() without texts. Errors come back as
//    {"error": …}, never as exceptions.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chunking/chunking.h"
#include "chunking/chunking_json.h"
#include "input_buffer.h"
#include "util/json_call.h"

namespace {

using emscripten::val;

// Inputs of the next chunkSpans() call; released after it.
struct Inputs {
  std::vector<std::uint8_t> text;
  std::vector<std::uint32_t> bounds;
};

Inputs& inputs() {
  static Inputs in;
  return in;
}

std::string chunk_plan(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::chunking::chunk_api);
}

// Null when the memory is not there; then both inputs are dropped, so a
// failed call holds nothing.
val chunk_text_input(std::size_t capacity) {
  val view = llmcalc::wasm::sized_view(inputs().text, capacity);
  if (view.isNull()) inputs() = {};
  return view;
}

val chunk_bounds_input(std::size_t n) {
  val view = llmcalc::wasm::sized_view(inputs().bounds, 2 * n);
  if (view.isNull()) inputs() = {};
  return view;
}

// settings: {"size", "overlap", "encoding"}; len: UTF-8 bytes written; n: tokens.
std::string chunk_spans(const std::string& settings, std::size_t len, std::size_t n) {
  nlohmann::json in = nlohmann::json::parse(settings, nullptr, false);
  if (in.is_discarded()) in = nullptr;
  nlohmann::json request = {{"settings", in}, {"len", len}, {"n", n}};
  nlohmann::json out = llmcalc::json_call_value(request, [](const nlohmann::json& r) {
    auto s = llmcalc::chunking::chunk_settings_from_json(r.at("settings"));
    const Inputs& buf = inputs();
    std::size_t tokens = std::min<std::size_t>(r.at("n").get<std::size_t>(), buf.bounds.size() / 2);
    std::string_view text(reinterpret_cast<const char*>(buf.text.data()),
                          std::min<std::size_t>(r.at("len").get<std::size_t>(), buf.text.size()));
    const std::uint32_t* starts = buf.bounds.data();
    const std::uint32_t* ends = buf.bounds.data() + buf.bounds.size() / 2;
    auto chunks = llmcalc::chunking::chunk_token_bytes(
        text, tokens,
        [&](std::size_t i) { return std::pair<std::size_t, std::size_t>(starts[i], ends[i]); }, s);
    std::string encoding = r.at("settings").value("encoding", std::string());
    return llmcalc::chunking::text_chunks_json(chunks, encoding, text, false);
  });
  inputs() = {};
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
  emscripten::function("chunkBoundsInput", &chunk_bounds_input);
  emscripten::function("chunkSpans", &chunk_spans);
}
