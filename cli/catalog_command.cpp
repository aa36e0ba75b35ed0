#include "catalog_command.h"

#include <algorithm>
#include <iostream>
#include <stdexcept>

#include "command.h"
#include "command_args.h"
#include "embedded_catalog.h"
#include "now.h"
#include "util/input_error.h"

namespace llmcalc::cli {

std::optional<Args> parse_catalog_args(const std::vector<std::string>& argv, OptionSpec spec,
                                       const char* usage) {
  spec.switches.insert("--json");
  return parse_options_or_help(argv, std::move(spec), usage);
}

nlohmann::json catalog_input(const Args& args, const FlagKeys& flags) {
  nlohmann::json input = nlohmann::json::object();
  for (const auto& [flag, key] : flags) {
    auto v = args.value(flag);
    if (!v) continue;
    reject_blank_value(flag, *v, key);
    input[key] = *v;
  }
  if (!input.contains("date")) input["date"] = now_utc_iso();
  input["batch"] = args.flag("--batch");
  return input;
}

int run_catalog_api(const nlohmann::json& input, JsonFunction api, bool json_output,
                    std::string (*option_for)(const std::string&),
                    void (*print_text)(const nlohmann::json&)) {
  load_embedded_catalog();
  return run_json_api(input, api, json_output, option_for, print_text);
}

int guarded_catalog_command(const char* usage, int (*body)(const std::vector<std::string>&),
                            const std::vector<std::string>& args) {
  bool json_output = std::find(args.begin(), args.end(), "--json") != args.end();
  try {
    return guarded(usage, json_output, body, args);
  } catch (const std::runtime_error& e) {  // a broken built-in catalog (a build error)
    std::cerr << "llmcalc: " << e.what() << "\n";
    return kExitInvalidInput;
  }
}

}  // namespace llmcalc::cli
