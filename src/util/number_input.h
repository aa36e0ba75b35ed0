// Reading numbers that people typed. One strict rule everywhere (CLI, page,
// JSON API): the whole text must be a finite decimal number, thousands
// separators ("1,000,000") and "_" are allowed, surrounding spaces are
// ignored; "", "abc", "nan", "inf", "1e999" and "12abc" are errors.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace llmcalc {

struct NumberRange {
  double min;
  double max;
  bool min_inclusive = true;
  const char* unit = "";  // printed after the limit in error messages
};

// Parses `text` as described above; throws InputError naming `field`.
double parse_number(std::string_view text, const std::string& field, const std::string& label);

// Checks `value` against `range`; throws InputError with a sentence that
// names `label` and the allowed range.
double check_range(double value, const NumberRange& range, const std::string& field,
                   const std::string& label);

// Reads an optional number from a JSON object: a missing key, null or an
// empty/whitespace string is "not given"; a number or numeric string is
// parsed and range-checked; anything else is an InputError.
std::optional<double> optional_number(const nlohmann::json& object, const std::string& key,
                                      const std::string& label, const NumberRange& range);

double required_number(const nlohmann::json& object, const std::string& key,
                       const std::string& label, const NumberRange& range);

}  // namespace llmcalc
