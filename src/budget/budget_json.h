// The JSON form of the prompt token budget (src/budget/budget.h), for the
// CLI (`llmcalc budget`), the wasm module and the budget and context-window
// pages. Runs behind json_call(); needs the active catalog for model ids.
//
// in:  {"sections": {"system", "tools", "examples", "history", "context",
//                    "user", "output"}          token counts (numbers or
//                                                typed text; missing = 0)
//       "models": [ "gpt-4o"                    a catalog model, or
//                 | {"model": "gpt-4o",          one with its own counts
//                    "sections": {…}}            (text counted with its
//                                                tokenizer) over the shared ones
//                 | {"name": "My model",         a window of one's own
//                    "context_window": N,        (sections as above)
//                    "max_output_tokens"?: N} ],
//       "date"?: price date (default: now as the caller passes it)}
// out: {"sections": [{"id", "label"}], "date",
//       "models": [{"model": {"id", "provider", "name"} | null, "name",
//         "context_window", "max_output_tokens",       (null: unknown)
//         "counting": {"encoding", "exact", "note"} | null,
//         "sections": [{"id", "label", "tokens", "share"}],
//         "input_tokens", "output_reserve", "total_tokens",
//         "share", "tokens_left", "fits"                (null without a window)
//         "overflow_tokens", "cut": {"section", "label", "tokens",
//         "enough"} | null, "output_over_limit", "warnings": [sentences],
//         "cost_usd" | null, "cost_note" | null, "price_source", "as_of"}]}
// cost_usd prices input = the six sent sections and output = the reserve
// (a ceiling: the reply may be shorter) under the catalog's billing rules.
#pragma once

#include <nlohmann/json.hpp>

namespace llmcalc::budget {

constexpr std::size_t kMaxModels = 12;

nlohmann::json budget_api(const nlohmann::json& input);

}  // namespace llmcalc::budget
