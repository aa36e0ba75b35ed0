// Break-even calculator: JSON string in, JSON string out (see
// src/breakeven/break_even_json.h). Errors come back as {"error": …}.
#include <emscripten/bind.h>

#include "breakeven/break_even_json.h"
#include "util/json_call.h"

namespace {

std::string break_even(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::break_even_api);
}

}  // namespace

EMSCRIPTEN_BINDINGS(break_even) { emscripten::function("breakEven", &break_even); }
