#include "args.h"

namespace llmcalc::cli {

Args::Args(const std::vector<std::string>& argv, const OptionSpec& spec) {
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a == "-" || a.rfind("--", 0) != 0) {
      if (!only_positional && a.size() > 1 && a[0] == '-' && a != "-") {
        throw UsageError("unknown option '" + a + "'");
      }
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a;
    std::optional<std::string> inline_value;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
    }
    if (spec.switches.count(name)) {
      if (inline_value) throw UsageError("option '" + name + "' takes no value");
      if (switches_.count(name)) throw UsageError("option '" + name + "' given twice");
      switches_.insert(name);
    } else if (spec.with_value.count(name)) {
      if (values_.count(name)) throw UsageError("option '" + name + "' given twice");
      if (inline_value) {
        values_[name] = *inline_value;
      } else {
        if (i + 1 >= argv.size()) throw UsageError("option '" + name + "' needs a value");
        values_[name] = argv[++i];
      }
    } else {
      throw UsageError("unknown option '" + name + "'");
    }
  }
}

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

}  // namespace llmcalc::cli
