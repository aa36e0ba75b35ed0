// llmcalc json: the JSON / JSONL formatter and validator (issue #7) on the
// command line, over the same core as the page (src/json/).
#include <algorithm>
#include <iostream>
#include <limits>

#include "args.h"
#include "command.h"
#include "command_args.h"
#include "json/json_format.h"
#include "read_input.h"

namespace llmcalc::cli {
namespace {

const char* const kUsage =
    "usage: llmcalc json [--indent N | --minify] [--sort-keys] [--jsonl] FILE\n"
    "\n"
    "Validates JSON and prints it formatted. FILE may be '-' for stdin.\n"
    "Numbers and string escapes are kept exactly as written.\n"
    "\n"
    "options:\n"
    "  --indent N     spaces per level, 0 to 8 (default 2; 0 breaks lines without\n"
    "                 indenting), or 'tab'\n"
    "  --minify       no whitespace at all\n"
    "  --sort-keys    order object keys (by code point), recursively\n"
    "  --jsonl        one JSON value per line (blank lines allowed); each line is\n"
    "                 checked on its own and printed minified unless --indent is given\n"
    "  -h, --help     show this help\n"
    "\n"
    "Invalid input prints 'file:line:column: message' on stderr for every error\n"
    "(columns count UTF-16 code units, as editors do), prints nothing on stdout\n"
    "and exits 1. A UTF-8 byte order mark is accepted and dropped; CRLF is fine.\n"
    "Nesting deeper than 1,000 levels is refused. Exit codes: 0 valid, 1 invalid\n"
    "input, 2 usage error.\n";

JsonLayout layout_from(const Args& args) {
  JsonLayout layout;
  auto indent = args.value("--indent");
  if (args.flag("--minify")) {
    if (indent) throw UsageError("--indent and --minify exclude each other");
    layout.minify = true;
  } else if (indent) {
    if (*indent == "tab") {
      layout.tab = true;
    } else if (indent->size() == 1 && (*indent)[0] >= '0' && (*indent)[0] <= '8') {
      layout.indent = (*indent)[0] - '0';
    } else {
      throw UsageError("--indent takes 0 to 8, or 'tab'");
    }
  } else if (args.flag("--jsonl")) {
    layout.minify = true;  // keeps JSONL output one record per line
  }
  return layout;
}

int body(const std::vector<std::string>& argv) {
  OptionSpec spec;
  spec.with_value = {"--indent"};
  spec.switches = {"--minify", "--sort-keys", "--jsonl"};
  auto parsed = parse_or_help(argv, spec, kUsage);
  if (!parsed) return kExitOk;
  const Args& args = *parsed;
  const std::string& path = single_file(args);

  JsonFormatOptions options;
  options.layout = layout_from(args);
  options.sort_keys = args.flag("--sort-keys");
  options.jsonl = args.flag("--jsonl");
  options.max_errors = std::numeric_limits<std::size_t>::max();
  JsonFormatResult result = format_json(read_all(path), options);

  const std::string name = display_name(path);
  if (result.bom) std::cerr << name << ": note: a UTF-8 byte order mark was removed\n";
  for (const auto& e : result.errors) {
    std::cerr << name << ":" << e.line << ":" << e.column << ": " << e.message << "\n";
  }
  if (result.error_count > 0) {
    if (options.jsonl) {
      std::cerr << name << ": " << result.error_count << " of " << result.records
                << " lines are invalid\n";
    }
    return kExitInvalidInput;
  }
  std::cout.write(result.output.data(), static_cast<std::streamsize>(result.output.size()));
  if (!result.output.empty()) std::cout << "\n";
  std::cout.flush();
  return kExitOk;
}

}  // namespace

int run_json(const std::vector<std::string>& args) { return guarded(kUsage, false, body, args); }

}  // namespace llmcalc::cli
