// JSON form of the cost engine: what the page, the JS API (llm.price) and
// `llmcalc price --json` share, run behind json_call() against the active
// catalog (catalog/active_catalog.h).
//
// Input:  {model, input, output, cached?, cache_write_5m?, cache_write_1h?,
//          reasoning?, batch?, date?}  — counts as numbers or typed text
//          ("1,000"); date YYYY-MM-DD or an ISO time (default: the
//          catalog's generation date; the CLI and JS pass the current time).
// Output: {cost_usd, lines: [{kind, tokens, price_per_million, cost_usd}],
//          model: {id, provider, name, resolved_from}, as_of, source,
//          price_period, date, batch, batch_multiplier, batch_source and
//          batch_confirmed (null without batch), long_context}
#pragma once

#include <nlohmann/json.hpp>

#include "cost/cost.h"

namespace llmcalc {

Usage usage_from_json(const Catalog& catalog, const nlohmann::json& input);
nlohmann::json to_json(const CostResult& result, const Usage& usage);

// Throws InputError; runs behind json_call().
nlohmann::json price_api(const nlohmann::json& input);

}  // namespace llmcalc
