// The JSON form of the break-even calculator: the input the page, the JS
// API and the CLI send, and the result object `llmcalc break-even --json`
// prints. Numbers may arrive as JSON numbers or as typed text ("1,000").
//
// Input keys: training_cost, base_cost | base_prompt_tokens,
// base_output_tokens, base_input_price, base_output_price; the same with
// tuned_; volume | monthly_volume; horizon_months; tuned_monthly_cost.
#pragma once

#include <nlohmann/json.hpp>

#include "breakeven/break_even.h"

namespace llmcalc {

BreakEvenInput break_even_input_from_json(const nlohmann::json& input);
nlohmann::json to_json(const BreakEvenResult& result);

// JSON in, result JSON out; throws InputError. Runs behind json_call().
nlohmann::json break_even_api(const nlohmann::json& input);

}  // namespace llmcalc
