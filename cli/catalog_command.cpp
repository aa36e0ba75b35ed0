#include "catalog_command.h"

#include <algorithm>
#include <iostream>
#include <stdexcept>

#include "command.h"
#include "embedded_catalog.h"

namespace llmcalc::cli {

std::optional<Args> parse_catalog_args(const std::vector<std::string>& argv, OptionSpec spec,
                                       const char* usage) {
  spec.switches.insert({"--json", "--help"});
  std::vector<std::string> rewritten = argv;
  std::replace(rewritten.begin(), rewritten.end(), std::string("-h"), std::string("--help"));
  Args args(rewritten, spec);
  if (args.flag("--help")) {
    std::cout << usage;
    return std::nullopt;
  }
  if (!args.positional().empty()) {
    throw UsageError("unexpected argument '" + args.positional().front() + "'");
  }
  return args;
}

int run_catalog_api(const nlohmann::json& input, JsonFunction api, bool json_output,
                    std::string (*option_for)(const std::string&),
                    void (*print_text)(const nlohmann::json&)) {
  load_embedded_catalog();
  nlohmann::json result = json_call_value(input, api);
  if (result.contains("error")) {
    auto& e = result["error"];
    std::string field = e.value("field", std::string());
    if (!field.empty()) e["option"] = option_for(field);
    return report_error(result, json_output);
  }
  if (json_output) {
    std::cout << result.dump(2) << "\n";
  } else {
    print_text(result);
  }
  return kExitOk;
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
