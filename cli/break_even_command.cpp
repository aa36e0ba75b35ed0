// llmcalc break-even: the break-even calculator on the command line. Flags
// map one to one onto the JSON input keys of break_even_json.h, so the
// CLI, the page and the JS API validate through the same code.
#include <algorithm>
#include <iostream>
#include <utility>

#include "args.h"
#include "breakeven/break_even_json.h"
#include "command.h"
#include "command_args.h"
#include "util/format.h"
#include "util/json_call.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc break-even --training-cost T (--base-cost P_BASE | base tokens and prices)\n"
    "                          (--tuned-cost P_TUNED | tuned tokens and prices)\n"
    "                          [--volume N | --monthly-volume N [--months H]]\n"
    "                          [--monthly-cost M] [--json]\n"
    "\n"
    "Fine-tuning pays off when N x (P_base - P_tuned) > T; the break-even volume is\n"
    "T / (P_base - P_tuned). Verdict: volume below 3x break-even -> prompt,\n"
    "10x or more -> fine-tune, between -> depends, P_tuned >= P_base -> never.\n"
    "\n"
    "options:\n"
    "  --training-cost T         one-time training cost in USD\n"
    "  --base-cost P             cost of one request on the prompt-only path, USD\n"
    "  --tuned-cost P            cost of one request on the fine-tuned path, USD\n"
    "  --base-prompt-tokens N    instead of --base-cost: prompt tokens per request,\n"
    "  --base-output-tokens N      output tokens per request,\n"
    "  --base-input-price USD      input price per 1M tokens,\n"
    "  --base-output-price USD     output price per 1M tokens\n"
    "  --tuned-prompt-tokens N   the same four for the tuned path\n"
    "  --tuned-output-tokens N\n"
    "  --tuned-input-price USD\n"
    "  --tuned-output-price USD\n"
    "  --volume N                expected requests in total (over the horizon)\n"
    "  --monthly-volume N        or: expected requests per month ...\n"
    "  --months H                ... over H months (default 12)\n"
    "  --monthly-cost M          recurring monthly cost of the tuned path, USD\n"
    "  --json                    print one JSON object: break_even_requests (null when\n"
    "                            it never breaks even), ratio (null without a volume),\n"
    "                            verdict (prompt|depends|fine-tune|never), and more\n"
    "  -h, --help                show this help\n"
    "\n"
    "Numbers may use thousands separators (1,000,000). Exit codes: 0 success,\n"
    "1 invalid input (reason on stderr), 2 usage error.\n";

// CLI flag -> JSON input key.
const std::pair<const char*, const char*> kFlagKeys[] = {
    {"--training-cost", "training_cost"},
    {"--base-cost", "base_cost"},
    {"--tuned-cost", "tuned_cost"},
    {"--base-prompt-tokens", "base_prompt_tokens"},
    {"--base-output-tokens", "base_output_tokens"},
    {"--base-input-price", "base_input_price"},
    {"--base-output-price", "base_output_price"},
    {"--tuned-prompt-tokens", "tuned_prompt_tokens"},
    {"--tuned-output-tokens", "tuned_output_tokens"},
    {"--tuned-input-price", "tuned_input_price"},
    {"--tuned-output-price", "tuned_output_price"},
    {"--volume", "volume"},
    {"--monthly-volume", "monthly_volume"},
    {"--months", "horizon_months"},
    {"--monthly-cost", "tuned_monthly_cost"},
};

std::string flag_for(const std::string& key) {
  for (const auto& [flag, k] : kFlagKeys) {
    if (key == k) return flag;
  }
  return key;
}

void print_text(const nlohmann::json& r) {
  auto usd = [](const nlohmann::json& v) { return format_usd(v.get<double>()); };
  std::cout << "Break-even:     ";
  if (r["break_even_requests"].is_null()) {
    std::cout << "never\n";
  } else {
    std::cout << format_count(r["break_even_requests"].get<double>()) << " requests";
    if (!r["months_to_break_even"].is_null()) {
      std::cout << " (" << format_number(r["months_to_break_even"].get<double>(), 1) << " months)";
    }
    std::cout << "\n";
  }
  std::cout << "Prompt path:    " << usd(r["base_cost_per_request"]) << " per request\n"
            << "Tuned path:     " << usd(r["tuned_cost_per_request"]) << " per request";
  if (r["tuned_monthly_cost"].get<double>() > 0) {
    std::cout << " + " << usd(r["tuned_monthly_cost"]) << " a month";
  }
  std::cout << "\nTraining:       " << usd(r["training_cost"]) << "\n";
  if (!r["volume"].is_null()) {
    std::cout << "Volume:         " << format_count(r["volume"].get<double>()) << " requests";
    if (!r["ratio"].is_null()) {
      std::cout << " (" << format_ratio(r["ratio"].get<double>()) << "x break-even)";
    }
    std::cout << "\nNet savings:    " << usd(r["net_savings"]) << "\n";
  }
  std::cout << "Verdict:        " << r["verdict"].get<std::string>() << "\n\n"
            << r["explanation"].get<std::string>() << "\n";
  for (const auto& note : r["notes"]) std::cout << "Note: " << note.get<std::string>() << "\n";
}

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  for (const auto& [flag, key] : kFlagKeys) spec.with_value.insert(flag);
  spec.switches = {"--json"};
  auto parsed = parse_options_or_help(argv, spec, kUsage);
  if (!parsed) return kExitOk;
  const Args& args = *parsed;
  if (!args.has("--training-cost")) throw UsageError("--training-cost is required");
  bool base_given = args.has("--base-cost") || args.has("--base-prompt-tokens");
  bool tuned_given = args.has("--tuned-cost") || args.has("--tuned-prompt-tokens");
  if (!base_given) throw UsageError("--base-cost (or --base-prompt-tokens ...) is required");
  if (!tuned_given) throw UsageError("--tuned-cost (or --tuned-prompt-tokens ...) is required");

  nlohmann::json input = nlohmann::json::object();
  for (const auto& [flag, key] : kFlagKeys) {
    // An empty value ("--volume ''") is passed on, so the core can say so,
    // rather than silently meaning "not given".
    if (auto v = args.value(flag)) input[key] = v->empty() ? std::string(" ") : *v;
  }
  for (const auto& [flag, key] : kFlagKeys) {
    if (auto v = args.value(flag); v && v->find_first_not_of(" \t") == std::string::npos) {
      nlohmann::json e = error_json(key, "The value of " + std::string(flag) + " is empty.");
      return report_error(e, args.flag("--json"));
    }
  }
  return run_json_api(input, break_even_api, args.flag("--json"), flag_for, print_text);
}

}  // namespace

int run_break_even(const std::vector<std::string>& args) {
  bool json_output = std::find(args.begin(), args.end(), "--json") != args.end();
  return guarded(kUsage, json_output, body, args);
}

}  // namespace llmcalc::cli
