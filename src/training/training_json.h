// The JSON form of the fine-tuning cost (training_cost.h), for the CLI
// (`llmcalc training`), the wasm module and the estimator page. Runs behind
// json_call() on the active catalog.
//
// in:  {"examples", and "tokens_per_example" or "dataset_tokens" (per
//       epoch), "epochs"? (default: OpenAI's rule), "validation_tokens"?,
//       "evaluations"?, "params_billions"? (Together's brackets and the
//       self-hosted estimate), "trainable_fraction"? (LoRA, default 0.01),
//       "rft_hours"?, "prompt_tokens"? and "output_tokens"? (the price
//       sheet's per-request column), "gpu"?: {"name", "tflops",
//       "utilization", "hourly_usd", "memory_gb"} (default an H100),
//       "date"?}
// out: {"dataset": {"examples", "tokens_per_epoch", "epochs",
//        "default_epochs", "training_tokens"},
//       "hosted": [{"provider", "model", "label", "method",
//         "price_per_million", "price_per_hour", "billed_tokens", "cost_usd",
//         "base": {"input", "cached", "output"}, "tuned": {…} | null,
//         "per_request": {"base", "tuned"} | null, "new_jobs_until",
//         "available": bool, "source", "as_of", "confirmed"}],
//       "self_hosted": {"params_billions", "trainable_fraction", "gpu": {…},
//         "methods": [{"method", "flops", "gpu_hours", "cost_usd",
//         "memory_gb", "gpus", "formula"}]} | null,
//       "date", "notes": [sentences]}
// Prices are USD per 1M tokens; a price not offered is null, never 0.
#pragma once

#include <nlohmann/json.hpp>

namespace llmcalc::training {

nlohmann::json training_api(const nlohmann::json& input);

}  // namespace llmcalc::training
