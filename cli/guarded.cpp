#include <iostream>
#include <new>

#include "args.h"
#include "command.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace llmcalc::cli {

int guarded(const std::string& usage, bool json_output,
            int (*body)(const std::vector<std::string>&), const std::vector<std::string>& args) {
  try {
    return body(args);
  } catch (const UsageError& e) {
    std::cerr << "llmcalc: " << e.what() << "\n\n" << usage;
    return kExitUsage;
  } catch (const InputError& e) {
    return report_error(error_json(e.field(), e.what()), json_output);
  } catch (const std::bad_alloc&) {
    return report_error(error_json("", "out of memory: the input is too large"), json_output);
  }
}

}  // namespace llmcalc::cli
