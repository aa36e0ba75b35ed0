// The "prompt or fine-tune?" decision helper: JSON string in, JSON string
// out (see src/decision/decision_json.h). Errors come back as {"error": …}.
#include <emscripten/bind.h>

#include "decision/decision_json.h"
#include "util/json_call.h"

namespace {

std::string decide(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::decision::decision_api);
}

}  // namespace

EMSCRIPTEN_BINDINGS(decision) { emscripten::function("decide", &decide); }
