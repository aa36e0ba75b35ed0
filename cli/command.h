// Every subcommand is a function from its arguments to an exit code:
//   0 success, 1 invalid input (reason on stderr), 2 usage error.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace llmcalc::cli {

constexpr int kExitOk = 0;
constexpr int kExitInvalidInput = 1;
constexpr int kExitUsage = 2;

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

// The table in main.cpp; `llmcalc --help` lists it.
const std::vector<Command>& commands();

// Prints a core error object ({"error": {...}}) to stderr, and to stdout
// as well when the caller asked for JSON; returns kExitInvalidInput.
int report_error(const nlohmann::json& error, bool json_output);

// Runs `body`, mapping UsageError to exit 2 (with the command's usage on
// stderr) and InputError to exit 1.
int guarded(const std::string& usage, bool json_output,
            int (*body)(const std::vector<std::string>&), const std::vector<std::string>& args);

int run_break_even(const std::vector<std::string>& args);
int run_count(const std::vector<std::string>& args);
int run_price(const std::vector<std::string>& args);
int run_models(const std::vector<std::string>& args);
int run_json(const std::vector<std::string>& args);
int run_dataset(const std::vector<std::string>& args);
int run_chunk(const std::vector<std::string>& args);
int run_budget(const std::vector<std::string>& args);
int run_training(const std::vector<std::string>& args);
int run_embedding(const std::vector<std::string>& args);

}  // namespace llmcalc::cli
