// The JSON form of the decision helper (decision.h), for the wasm module and
// the page. Runs behind json_call().
//   in:  {"task_changing": bool, "good_examples": number, "goal": "style" |
//         "knowledge" | "reasoning", "has_eval_set": bool, "requests"?,
//         "break_even_requests"?}  (numbers may be typed text)
//   out: {"recommendation", "headline", "ratio" | null,
//         "steps": [{"question", "answer", "outcome", "reason"}]}
#pragma once

#include <nlohmann/json.hpp>

namespace llmcalc::decision {

nlohmann::json decision_api(const nlohmann::json& input);

}  // namespace llmcalc::decision
