// Fine-tuning cost: JSON string in, JSON string out (see
// src/training/training_json.h). Needs the catalog loaded first
// (loadCatalog); errors come back as {"error": …}.
#include <emscripten/bind.h>

#include "training/training_json.h"
#include "util/json_call.h"

namespace {

std::string training_cost(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::training::training_api);
}

}  // namespace

EMSCRIPTEN_BINDINGS(training) { emscripten::function("trainingCost", &training_cost); }
