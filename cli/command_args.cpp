#include "command_args.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>

#include "command.h"
#include "util/input_error.h"

namespace llmcalc::cli {
namespace {

// Whole numbers print as integers ("tokens": 1000, not 1000.0): the core
// computes in doubles, but scripts reading token counts expect integers.
void whole_numbers_as_integers(nlohmann::json& j) {
  if (j.is_number_float()) {
    double v = j.get<double>();
    if (v == std::floor(v) && std::fabs(v) <= 9007199254740992.0) {
      j = static_cast<std::int64_t>(v);
    }
  } else if (j.is_structured()) {
    for (auto& child : j) whole_numbers_as_integers(child);
  }
}

}  // namespace

void reject_blank_value(const std::string& flag, const std::string& value, const std::string& key) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError(key, "The value of " + flag + " is empty.");
  }
}

std::optional<Args> parse_or_help(const std::vector<std::string>& argv, OptionSpec spec,
                                  const char* usage) {
  spec.switches.insert("--help");
  std::vector<std::string> rewritten = argv;
  std::replace(rewritten.begin(), rewritten.end(), std::string("-h"), std::string("--help"));
  Args args(rewritten, spec);
  if (args.flag("--help")) {
    std::cout << usage;
    return std::nullopt;
  }
  return args;
}

std::optional<Args> parse_options_or_help(const std::vector<std::string>& argv, OptionSpec spec,
                                          const char* usage) {
  auto args = parse_or_help(argv, std::move(spec), usage);
  if (args && !args->positional().empty()) {
    throw UsageError("unexpected argument '" + args->positional().front() + "'");
  }
  return args;
}

int run_json_api(const nlohmann::json& input, JsonFunction api, bool json_output,
                 std::string (*option_for)(const std::string&),
                 void (*print_text)(const nlohmann::json&)) {
  nlohmann::json result = json_call_value(input, api);
  if (result.contains("error")) {
    auto& e = result["error"];
    std::string field = e.value("field", std::string());
    if (!field.empty()) e["option"] = option_for(field);
    return report_error(result, json_output);
  }
  if (json_output) {
    whole_numbers_as_integers(result);
    std::cout << result.dump(2) << "\n";
  } else {
    print_text(result);
  }
  return kExitOk;
}

const std::string& single_file(const Args& args) {
  if (args.positional().size() != 1) throw UsageError("give exactly one FILE (or '-' for stdin)");
  return args.positional().front();
}

}  // namespace llmcalc::cli
