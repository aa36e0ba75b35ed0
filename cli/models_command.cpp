// llmcalc models: the built-in model and price catalog, one model per line
// (or JSON), optionally for one provider. Reads src/catalog/catalog_json.h's
// models_api, the same listing the page shows.
#include <algorithm>
#include <iostream>

#include "args.h"
#include "catalog/catalog_json.h"
#include "catalog_command.h"
#include "command.h"
#include "now.h"
#include "util/format.h"
#include "util/json_call.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc models [--provider P] [--date YYYY-MM-DD] [--json]\n"
    "\n"
    "Lists the built-in model catalog: id, provider, context window, input and\n"
    "output price per 1M tokens (in force at --date, default now; base price\n"
    "below any long-context tier; a time-of-day price such as DeepSeek's\n"
    "off-peak rate is marked) and the date the prices were checked.\n"
    "\n"
    "options:\n"
    "  --provider P    only this provider's models (e.g. openai, anthropic, groq)\n"
    "  --date D        prices in force at D\n"
    "  --json          print {generated, as_of, sources, providers, models: [...]}\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit codes: 0 success, 1 invalid input (reason on stderr), 2 usage error.\n";

std::string cell(const nlohmann::json& v, bool money) {
  if (v.is_null()) return "-";
  return money ? format_usd(v.get<double>()) : format_count(v.get<double>());
}

void print_text(const nlohmann::json& r) {
  const auto& models = r["models"];
  std::size_t id_width = 2;
  for (const auto& m : models) id_width = std::max(id_width, m["id"].get<std::string>().size());
  auto column = [](std::string s, std::size_t w, bool right) {
    if (s.size() >= w) return s;
    return right ? std::string(w - s.size(), ' ') + s : s + std::string(w - s.size(), ' ');
  };
  std::cout << column("id", id_width, false) << "  " << column("provider", 10, false) << "  "
            << column("context", 10, true) << "  " << column("input/1M", 10, true) << "  "
            << column("output/1M", 10, true) << "  as of\n";
  for (const auto& m : models) {
    std::cout << column(m["id"].get<std::string>(), id_width, false) << "  "
              << column(m["provider"].get<std::string>(), 10, false) << "  "
              << column(cell(m["context_window"], false), 10, true) << "  "
              << column(cell(m["prices"]["input"], true), 10, true) << "  "
              << column(cell(m["prices"]["output"], true), 10, true) << "  "
              << m["as_of"].get<std::string>();
    // A time-of-day rate (DeepSeek's off-peak discount) is marked as such.
    std::string period = m["price_period"].get<std::string>();
    if (period.find("UTC") != std::string::npos) std::cout << "  (" << period << " rate)";
    if (m["deprecated"].get<bool>()) std::cout << "  deprecated";
    std::cout << "\n";
  }
}

std::string option_for(const std::string& field) { return "--" + field; }

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  spec.with_value = {"--provider", "--date"};
  auto args = parse_catalog_args(argv, spec, kUsage);
  if (!args) return kExitOk;
  nlohmann::json input = {{"date", args->value("--date").value_or(now_utc_iso())}};
  if (auto p = args->value("--provider")) input["provider"] = *p;
  return run_catalog_api(input, models_api, args->flag("--json"), option_for, print_text);
}

}  // namespace

int run_models(const std::vector<std::string>& args) {
  return guarded_catalog_command(kUsage, body, args);
}

}  // namespace llmcalc::cli
