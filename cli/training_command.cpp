// llmcalc training: what fine-tuning a dataset costs at each provider that
// hosts it (the catalog's fine-tuning prices, with the tuned model's price
// sheet beside its base) and on rented GPUs, estimated from FLOPs
// (src/training/, the same core the estimator page runs as wasm).
#include <iostream>
#include <string>
#include <utility>

#include "catalog_command.h"
#include "columns.h"
#include "command.h"
#include "command_args.h"
#include "now.h"
#include "training/training_json.h"
#include "util/format.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc training --examples N (--tokens-per-example T | --dataset-tokens D)\n"
    "                        [--epochs N] [--params-b P] [--trainable-fraction F]\n"
    "                        [--validation-tokens V] [--evaluations K] [--rft-hours H]\n"
    "                        [--prompt-tokens N] [--output-tokens N]\n"
    "                        [--gpu-tflops X] [--utilization U] [--gpu-hourly USD]\n"
    "                        [--gpu-memory GB] [--date D] [--json]\n"
    "\n"
    "Fine-tuning cost of a dataset. Hosted: every model the catalog has a training\n"
    "price for (OpenAI per token and reinforcement per hour, Vertex AI Gemini per\n"
    "token) and, with --params-b, Together AI's LoRA and full prices by model size\n"
    "(billed tokens = epochs x tokens + evaluations x validation tokens), each\n"
    "with the tuned model's prices beside its base model's. Self-hosted, with\n"
    "--params-b: GPU-hours, cost and memory of full, LoRA and QLoRA training:\n"
    "  full        FLOPs = 6 x params x tokens; memory 16 bytes per parameter\n"
    "  LoRA        FLOPs = (4 + 6f) x params x tokens; memory 2 bytes x params\n"
    "              + 16 bytes x f x params (f: the trainable fraction)\n"
    "  QLoRA       as LoRA, with 0.5 bytes x params for the 4-bit weights\n"
    "  GPU-hours = FLOPs / (peak FLOP/s x utilisation) / 3600 (activations' memory\n"
    "  is not included). Tokens = the dataset's tokens x epochs.\n"
    "\n"
    "options:\n"
    "  --examples N             training examples (decides OpenAI's default epochs)\n"
    "  --tokens-per-example T   average tokens per example, or\n"
    "  --dataset-tokens D       the dataset's total tokens per epoch\n"
    "  --epochs N               default: OpenAI's rule (3; more for small sets)\n"
    "  --params-b P             model size in billions of parameters\n"
    "  --trainable-fraction F   LoRA's trainable share of the parameters (0.01)\n"
    "  --validation-tokens V    Together: validation set tokens per evaluation\n"
    "  --evaluations K          Together: evaluations during training\n"
    "  --rft-hours H            hours of reinforcement fine-tuning (priced per hour)\n"
    "  --prompt-tokens N        the price sheet's request: input tokens\n"
    "  --output-tokens N        ... and output tokens\n"
    "  --gpu-tflops X           peak dense BF16 TFLOPS per GPU (989, an H100 SXM)\n"
    "  --utilization U          share of the peak reached, 0-1 (0.4)\n"
    "  --gpu-hourly USD         price per GPU-hour (2.50)\n"
    "  --gpu-memory GB          memory per GPU (80)\n"
    "  --date D                 prices in force at D (default: now)\n"
    "  --json                   print one JSON object: dataset, hosted [{label,\n"
    "                           method, cost_usd, billed_tokens, base, tuned,\n"
    "                           per_request, new_jobs_until, available, source,\n"
    "                           as_of}], self_hosted {methods [{method, flops,\n"
    "                           gpu_hours, cost_usd, memory_gb, gpus, formula}]}\n"
    "  -h, --help               show this help\n"
    "\n"
    "Prices marked (unconfirmed) come from secondary sources. Numbers may use\n"
    "thousands separators. Exit codes: 0 success, 1 invalid input (reason on\n"
    "stderr), 2 usage error.\n";

const std::pair<const char*, const char*> kFlags[] = {
    {"--examples", "examples"},
    {"--tokens-per-example", "tokens_per_example"},
    {"--dataset-tokens", "dataset_tokens"},
    {"--epochs", "epochs"},
    {"--params-b", "params_billions"},
    {"--trainable-fraction", "trainable_fraction"},
    {"--validation-tokens", "validation_tokens"},
    {"--evaluations", "evaluations"},
    {"--rft-hours", "rft_hours"},
    {"--prompt-tokens", "prompt_tokens"},
    {"--output-tokens", "output_tokens"},
    {"--date", "date"},
};
const std::pair<const char*, const char*> kGpuFlags[] = {
    {"--gpu-tflops", "tflops"},
    {"--utilization", "utilization"},
    {"--gpu-hourly", "hourly_usd"},
    {"--gpu-memory", "memory_gb"},
};

std::string flag_for(const std::string& field) {
  for (const auto& [flag, key] : kFlags) {
    if (field == key) return flag;
  }
  if (field == "tokens_per_epoch") return "--dataset-tokens";
  if (field == "gpu_tflops") return "--gpu-tflops";
  if (field == "utilization") return "--utilization";
  if (field == "gpu_hourly_usd") return "--gpu-hourly";
  if (field == "gpu_memory_gb") return "--gpu-memory";
  return field;
}

// Small runs take minutes: keep two significant digits below 10 hours.
std::string hours(double h) { return format_number(h, h < 1 ? 3 : h < 10 ? 2 : 1); }

std::string money_or(const nlohmann::json& v, const char* missing) {
  return v.is_null() ? missing : format_usd(v.get<double>());
}

void print_text(const nlohmann::json& r) {
  const auto& d = r["dataset"];
  std::cout << format_count(d["examples"].get<double>()) << " examples, "
            << format_count(d["tokens_per_epoch"].get<double>()) << " tokens x "
            << d["epochs"].get<int>() << " epochs"
            << (d["default_epochs"].get<bool>() ? " (OpenAI's default rule)" : "") << " = "
            << format_count(d["training_tokens"].get<double>()) << " training tokens\n\nHosted:\n";
  for (const auto& q : r["hosted"]) {
    // Together's brackets name their provider in the label already.
    std::string label = q["model"].is_null() ? q["label"].get<std::string>()
                                             : q["provider"].get<std::string>() + " " +
                                                   q["label"].get<std::string>();
    std::string price = !q["price_per_million"].is_null()
                            ? format_usd(q["price_per_million"].get<double>()) + "/1M"
                            : format_usd(q["price_per_hour"].get<double>()) + "/hour";
    std::cout << "  " << pad_right(label, 40) << pad_right(q["method"].get<std::string>(), 14)
              << pad_left(price, 12) << pad_left(money_or(q["cost_usd"], "per hour"), 14);
    if (!q["per_request"].is_null() && !q["per_request"]["tuned"].is_null()) {
      std::cout << "   request " << money_or(q["per_request"]["base"], "-") << " -> "
                << format_usd(q["per_request"]["tuned"].get<double>()) << " tuned";
    }
    if (!q["available"].get<bool>()) {
      std::cout << "   (no new jobs after " << q["new_jobs_until"].get<std::string>() << ")";
    } else if (!q["new_jobs_until"].is_null()) {
      std::cout << "   (new jobs until " << q["new_jobs_until"].get<std::string>() << ")";
    }
    if (!q["confirmed"].get<bool>()) std::cout << "   (unconfirmed)";
    std::cout << "\n";
  }
  if (!r["self_hosted"].is_null()) {
    const auto& s = r["self_hosted"];
    const auto& g = s["gpu"];
    std::cout << "\nSelf-hosted, " << format_number(s["params_billions"].get<double>())
              << "B parameters on " << g["name"].get<std::string>() << " ("
              << format_number(g["tflops"].get<double>()) << " TFLOPS at "
              << format_percent(g["utilization"].get<double>(), 0) << ", "
              << format_usd(g["hourly_usd"].get<double>()) << "/GPU-hour, "
              << format_number(g["memory_gb"].get<double>()) << " GB):\n";
    for (const auto& m : s["methods"]) {
      std::cout << "  " << pad_right(m["method"].get<std::string>(), 8)
                << pad_left(hours(m["gpu_hours"].get<double>()), 12) << " GPU-hours"
                << pad_left(format_usd(m["cost_usd"].get<double>()), 14)
                << pad_left(format_number(m["memory_gb"].get<double>(), 1), 10) << " GB on "
                << m["gpus"].get<int>() << " GPU" << (m["gpus"].get<int>() == 1 ? "" : "s")
                << "\n    " << m["formula"].get<std::string>() << "\n";
    }
  }
  std::cout << "\n";
  for (const auto& n : r["notes"]) std::cout << n.get<std::string>() << "\n";
}

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  for (const auto& [flag, key] : kFlags) spec.with_value.insert(flag);
  for (const auto& [flag, key] : kGpuFlags) spec.with_value.insert(flag);
  auto args = parse_catalog_args(argv, spec, kUsage);
  if (!args) return kExitOk;
  if (!args->has("--examples")) throw UsageError("--examples is required");
  nlohmann::json input = nlohmann::json::object();
  for (const auto& [flag, key] : kFlags) {
    if (auto v = args->value(flag)) {
      reject_blank_value(flag, *v, key);
      input[key] = *v;
    }
  }
  nlohmann::json gpu = nlohmann::json::object();
  for (const auto& [flag, key] : kGpuFlags) {
    if (auto v = args->value(flag)) {
      reject_blank_value(flag, *v, key);
      gpu[key] = *v;
    }
  }
  if (!gpu.empty()) input["gpu"] = gpu;
  if (!input.contains("date")) input["date"] = now_utc_iso();
  return run_catalog_api(input, training::training_api, args->flag("--json"), flag_for, print_text);
}

}  // namespace

int run_training(const std::vector<std::string>& args) {
  return guarded_catalog_command(kUsage, body, args);
}

}  // namespace llmcalc::cli
