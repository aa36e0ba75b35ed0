// Prompt token budget: JSON string in, JSON string out (see
// src/budget/budget_json.h). Model ids need the catalog loaded first
// (loadCatalog); errors come back as {"error": …}.
#include <emscripten/bind.h>

#include "budget/budget_json.h"
#include "util/json_call.h"

namespace {

std::string budget(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::budget::budget_api);
}

}  // namespace

EMSCRIPTEN_BINDINGS(budget) { emscripten::function("budget", &budget); }
