// A small, strict command-line parser: `--name value`, `--name=value`,
// boolean switches, positional arguments. Unknown or repeated options are
// usage errors (exit 2), so a typo never silently changes a result.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace llmcalc::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::set<std::string> with_value;  // e.g. "--volume"
  std::set<std::string> switches;    // e.g. "--json"
};

class Args {
 public:
  Args(const std::vector<std::string>& argv, const OptionSpec& spec);
  bool has(const std::string& name) const { return values_.count(name) || switches_.count(name); }
  std::optional<std::string> value(const std::string& name) const;
  bool flag(const std::string& name) const { return switches_.count(name) > 0; }
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> switches_;
  std::vector<std::string> positional_;
};

}  // namespace llmcalc::cli
