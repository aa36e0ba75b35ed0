// The dataset checker's JSON form, shared by the wasm module, the CLI and
// tests. Options (all optional):
//   {"max_line_bytes", "max_depth", "max_errors", "token_limit",
//    "epochs", "training_price_per_million", "histogram_bins"}
// dataset_api() takes the options plus "text" (the whole file) and runs a
// complete analysis, for small inputs; large files go through the chunked
// DatasetAnalyzer.
#pragma once

#include <nlohmann/json.hpp>

#include "dataset/dataset_analyzer.h"

namespace llmcalc {

DatasetOptions dataset_options(const nlohmann::json& in);

// {"ok", "examples", "valid_examples", "lines", "blank_lines", "bytes",
//  "bom", "crlf", "cancelled", "errors": [{line, column, type, message}],
//  "error_count", "error_counts": {type: n}, "errors_truncated",
//  "warnings": [{type, count, lines}], "epochs", "epochs_source",
//  "token_limit", "tokens" (null without a counter: {examples, min, max,
//  mean, median, p10, p90, total, over_limit, histogram}), "billed_tokens",
//  "training_price_per_million", "training_cost_usd"}; unknown numbers
// are null, never 0.
nlohmann::json to_json(const DatasetResult& result);

nlohmann::json dataset_api(const nlohmann::json& in);

}  // namespace llmcalc
