// What the catalog commands (price, models) share: flag parsing with
// --help/-h/--json, running a core JSON API on the built-in catalog and
// printing its reply, and reporting a broken built-in catalog.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "args.h"
#include "util/json_call.h"

namespace llmcalc::cli {

// Parses `argv` with `spec` (to which --json, --help and -h are added);
// prints `usage` and returns nullopt for --help. Positional arguments are a
// UsageError.
std::optional<Args> parse_catalog_args(const std::vector<std::string>& argv, OptionSpec spec,
                                       const char* usage);

// CLI flag -> JSON input key, e.g. {"--input", "input"}.
using FlagKeys = std::vector<std::pair<const char*, const char*>>;

// The JSON input of a catalog command: each given flag's value as typed
// under its key, "date" defaulting to now and "batch" set by --batch. An
// empty value ("--input ''") is an InputError naming the key, not "not
// given".
nlohmann::json catalog_input(const Args& args, const FlagKeys& flags);

// Loads the built-in catalog, runs `api` on `input` and prints the reply:
// JSON with `json_output`, else through `print_text`. An error reply gets
// the CLI option at fault (`option_for(field)`) and exits 1.
int run_catalog_api(const nlohmann::json& input, JsonFunction api, bool json_output,
                    std::string (*option_for)(const std::string&),
                    void (*print_text)(const nlohmann::json&));

// guarded(), plus exit 1 with a message when the built-in catalog is broken.
int guarded_catalog_command(const char* usage, int (*body)(const std::vector<std::string>&),
                            const std::vector<std::string>& args);

}  // namespace llmcalc::cli
