// Embedding cost: JSON string in, JSON string out (see
// src/embedding/embedding_json.h), against the catalog loaded by
// loadCatalog(). Errors come back as {"error": …}.
#include <emscripten/bind.h>

#include "embedding/embedding_json.h"
#include "util/json_call.h"

namespace {

std::string embedding_cost(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::embedding_api);
}

}  // namespace

EMSCRIPTEN_BINDINGS(embedding) { emscripten::function("embeddingCost", &embedding_cost); }
