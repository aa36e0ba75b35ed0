// llmcalc price: the cost of one request's usage on a catalog model,
// itemized. Flags map one to one onto the JSON input of
// src/cost/price_json.h, so the CLI, the page and the JS API validate
// through the same code.
#include <algorithm>
#include <iostream>
#include <utility>

#include "args.h"
#include "catalog_command.h"
#include "columns.h"
#include "command.h"
#include "cost/price_json.h"
#include "util/format.h"
#include "util/json_call.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc price --model ID --input N --output N [--cached N] [--batch] [--json]\n"
    "                     [--cache-write-5m N] [--cache-write-1h N] [--reasoning N]\n"
    "                     [--date YYYY-MM-DD[THH:MM:SSZ]]\n"
    "\n"
    "Cost of one request on a model of the built-in price catalog, itemized.\n"
    "Cached tokens and cache writes are part of --input (not added to it);\n"
    "reasoning tokens are part of --output. Above a long-context threshold the\n"
    "whole request is billed at the higher tier. A price the model does not\n"
    "offer (e.g. --cached on a model without caching, --batch at a provider\n"
    "without batch) is an error, never $0.\n"
    "\n"
    "options:\n"
    "  --model ID            model id, alias or provider:id (llmcalc models lists them)\n"
    "  --input N             input tokens, cached and cache writes included\n"
    "  --output N            output tokens, reasoning included\n"
    "  --cached N            input tokens read from the prompt cache\n"
    "  --cache-write-5m N    input tokens written to a 5-minute cache\n"
    "  --cache-write-1h N    input tokens written to a 1-hour cache\n"
    "  --reasoning N         output tokens spent on reasoning\n"
    "  --batch               price as a batch request (provider's batch discount;\n"
    "                        a discount from a secondary source says unconfirmed)\n"
    "  --date D              prices in force at D (default: now)\n"
    "  --json                print one JSON object: cost_usd, lines [{kind, tokens,\n"
    "                        price_per_million, cost_usd}], model, as_of, source,\n"
    "                        batch_multiplier, batch_source, batch_confirmed, ...\n"
    "  -h, --help            show this help\n"
    "\n"
    "Numbers may use thousands separators (1,000,000). Exit codes: 0 success,\n"
    "1 invalid input (reason on stderr), 2 usage error.\n";

// CLI flag -> JSON input key.
const FlagKeys kFlagKeys = {
    {"--model", "model"},
    {"--input", "input"},
    {"--output", "output"},
    {"--cached", "cached"},
    {"--cache-write-5m", "cache_write_5m"},
    {"--cache-write-1h", "cache_write_1h"},
    {"--reasoning", "reasoning"},
    {"--date", "date"},
};

std::string flag_for(const std::string& key) {
  for (const auto& [flag, k] : kFlagKeys) {
    if (key == k) return flag;
  }
  return key == "batch" ? "--batch" : key;
}

void print_text(const nlohmann::json& r) {
  const auto& m = r["model"];
  std::cout << m["provider"].get<std::string>() << ":" << m["id"].get<std::string>() << " ("
            << m["name"].get<std::string>() << "), prices as of " << r["as_of"].get<std::string>()
            << ", " << r["price_period"].get<std::string>() << "\n";
  for (const auto& line : r["lines"]) {
    std::string price = format_usd(line["price_per_million"].get<double>()) + "/1M";
    std::cout << "  " << pad_right(line["kind"].get<std::string>(), 16)
              << pad_left(format_count(line["tokens"].get<double>()), 14) << " tokens x "
              << pad_right(price, 14) << pad_left(format_usd(line["cost_usd"].get<double>()), 14)
              << "\n";
  }
  std::cout << "  " << pad_right("total", 16) << pad_left("", 14) << "          "
            << pad_right("", 14) << pad_left(format_usd(r["cost_usd"].get<double>()), 14) << "\n";
  if (r["batch"].get<bool>()) {
    std::cout << "Batch: prices x " << format_number(r["batch_multiplier"].get<double>());
    if (!r["batch_confirmed"].get<bool>()) {
      std::cout << " (unconfirmed: from a secondary source; check "
                << r["batch_source"].get<std::string>() << ")";
    }
    std::cout << "\n";
  }
  if (r["long_context"].get<bool>()) {
    std::cout << "Long context: the input is above the model's threshold, so the whole request "
                 "is billed at the higher tier.\n";
  }
  std::cout << "Source: " << r["source"].get<std::string>() << "\n";
}

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  for (const auto& [flag, key] : kFlagKeys) spec.with_value.insert(flag);
  spec.switches = {"--batch"};
  auto args = parse_catalog_args(argv, spec, kUsage);
  if (!args) return kExitOk;
  for (const char* required : {"--model", "--input", "--output"}) {
    if (!args->has(required)) throw UsageError(std::string(required) + " is required");
  }
  return run_catalog_api(catalog_input(*args, kFlagKeys), price_api, args->flag("--json"), flag_for,
                         print_text);
}

}  // namespace

int run_price(const std::vector<std::string>& args) {
  return guarded_catalog_command(kUsage, body, args);
}

}  // namespace llmcalc::cli
