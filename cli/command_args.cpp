#include "command_args.h"

#include <algorithm>
#include <iostream>

namespace llmcalc::cli {

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

const std::string& single_file(const Args& args) {
  if (args.positional().size() != 1) throw UsageError("give exactly one FILE (or '-' for stdin)");
  return args.positional().front();
}

}  // namespace llmcalc::cli
