// The argument prelude every subcommand shares: parse with its spec plus
// -h/--help, print the usage for help; and printing a core API's reply.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "args.h"
#include "util/json_call.h"

namespace llmcalc::cli {

// Returns nullopt when --help (or -h) was given and the usage was printed.
std::optional<Args> parse_or_help(const std::vector<std::string>& argv, OptionSpec spec,
                                  const char* usage);

// parse_or_help() for commands that take options only: any positional
// argument is a UsageError.
std::optional<Args> parse_options_or_help(const std::vector<std::string>& argv, OptionSpec spec,
                                          const char* usage);

// An option given with a blank value ("--epochs ''", often an unset shell
// variable) is an InputError naming `key` (the core's field), never "not
// given": the same rule for every command's number options.
void reject_blank_value(const std::string& flag, const std::string& value, const std::string& key);

// The single FILE argument ("-" for stdin); a usage error otherwise.
const std::string& single_file(const Args& args);

// Runs a core JSON API on `input` and prints the reply: JSON with
// `json_output`, else through `print_text`. An error reply gets the CLI
// option at fault (`option_for(field)`) and exits 1.
int run_json_api(const nlohmann::json& input, JsonFunction api, bool json_output,
                 std::string (*option_for)(const std::string&),
                 void (*print_text)(const nlohmann::json&));

}  // namespace llmcalc::cli
