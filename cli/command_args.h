// The argument prelude every FILE-taking subcommand shares: parse with its
// spec plus -h/--help, print the usage for help.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "args.h"

namespace llmcalc::cli {

// Returns nullopt when --help (or -h) was given and the usage was printed.
std::optional<Args> parse_or_help(const std::vector<std::string>& argv, OptionSpec spec,
                                  const char* usage);

// The single FILE argument ("-" for stdin); a usage error otherwise.
const std::string& single_file(const Args& args);

}  // namespace llmcalc::cli
