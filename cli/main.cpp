// llmcalc: the command-line face of the same core the site runs as wasm.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "args.h"
#include "command.h"
#include "util/input_error.h"

namespace llmcalc::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"break-even", "when fine-tuning pays for itself, with a verdict", run_break_even},
      {"count", "exact OpenAI token counts of files, stdin or a chat request", run_count},
      {"price", "cost of one request on a catalog model, itemized", run_price},
      {"models", "the built-in model and price catalog", run_models},
      {"json", "format, minify, sort and validate JSON or JSONL", run_json},
      {"dataset", "check a chat fine-tuning dataset (JSONL) for format errors", run_dataset},
      {"chunk", "token-exact RAG chunks of a file: count, ranges, overlap cost", run_chunk},
      {"training", "fine-tuning cost: hosted providers, tuned price sheets, rented GPUs",
       run_training},
      {"budget", "a prompt's sections against each model's context window, with cost", run_budget},
      {"embedding", "embedding cost of a corpus: one-time, monthly, first year; vector storage",
       run_embedding},
  };
  return table;
}

int report_error(const nlohmann::json& error, bool json_output) {
  const auto& e = error.at("error");
  std::cerr << "llmcalc: " << e.value("message", std::string("invalid input")) << "\n";
  if (json_output) {
    std::cout << error.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return kExitInvalidInput;
}

namespace {

void print_help(std::ostream& out) {
  out << "llmcalc - LLM token and cost calculators (offline; nothing leaves this machine)\n\n"
         "usage: llmcalc <command> [options]\n\ncommands:\n";
  for (const auto& c : commands()) {
    std::string name = c.name;
    out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << c.summary
        << "\n";
  }
  out << "\nRun 'llmcalc <command> --help' for a command's options.\n"
         "Exit codes: 0 success, 1 invalid input (reason on stderr), 2 usage error.\n";
}

}  // namespace
}  // namespace llmcalc::cli

int main(int argc, char** argv) {
  using namespace llmcalc::cli;
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    print_help(std::cerr);
    return kExitUsage;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_help(std::cout);
    return kExitOk;
  }
  if (name == "--version") {
    std::cout << "llmcalc 0.1.0\n";
    return kExitOk;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& c : commands()) {
    if (name == c.name) return c.run(args);
  }
  std::cerr << "llmcalc: unknown command '" << name << "'\n\n";
  print_help(std::cerr);
  return kExitUsage;
}
