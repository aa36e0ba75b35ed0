#include "util/number_input.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "util/format.h"
#include "util/input_error.h"

namespace llmcalc {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Shown in messages; long pastes into a number field are cut.
std::string quoted(std::string_view text) {
  constexpr std::size_t kMax = 40;
  std::string out = "\"";
  out += text.substr(0, kMax);
  if (text.size() > kMax) out += "...";
  out += "\"";
  return out;
}

}  // namespace

double parse_number(std::string_view text, const std::string& field, const std::string& label) {
  std::string_view t = trim(text);
  if (t.empty()) throw InputError(field, label + " is empty: enter a number.");
  // Only digits, one sign, one point, an exponent and separators may appear;
  // this rejects "nan", "inf", hex floats and the like before strtod sees them.
  std::string cleaned;
  cleaned.reserve(t.size());
  bool seen_digit = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      cleaned += c;
    } else if (c == ',' || c == '_') {
      // A separator must sit between digits: "1,000" yes, ",5" or "1,,0" no.
      bool digit_before = i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9';
      bool digit_after = i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9';
      if (!digit_before || !digit_after) {
        throw InputError(field, label + " " + quoted(text) + " is not a number.");
      }
    } else if (c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
      cleaned += c;
    } else {
      throw InputError(field, label + " " + quoted(text) + " is not a number.");
    }
  }
  if (!seen_digit) throw InputError(field, label + " " + quoted(text) + " is not a number.");
  errno = 0;
  char* end = nullptr;
  double value = std::strtod(cleaned.c_str(), &end);
  if (end != cleaned.c_str() + cleaned.size()) {
    throw InputError(field, label + " " + quoted(text) + " is not a number.");
  }
  if (errno == ERANGE && std::isinf(value)) {
    throw InputError(field, label + " " + quoted(text) + " is too large to be a useful number.");
  }
  if (!std::isfinite(value)) {
    throw InputError(field, label + " " + quoted(text) + " is not a finite number.");
  }
  if (value == 0.0) value = 0.0;  // "-0" is zero, never shown as "-0"
  return value;
}

double check_range(double value, const NumberRange& range, const std::string& field,
                   const std::string& label) {
  if (!std::isfinite(value)) throw InputError(field, label + " must be a finite number.");
  bool below = range.min_inclusive ? value < range.min : value <= range.min;
  if (below) {
    if (range.min == 0 && range.min_inclusive) {
      throw InputError(field, label + " cannot be negative.");
    }
    if (range.min == 0) throw InputError(field, label + " must be greater than 0.");
    throw InputError(field,
                     label + " must be at least " + format_number(range.min) + range.unit + ".");
  }
  if (value > range.max) {
    throw InputError(field, label + " " + format_number(value) + " is out of range: at most " +
                                format_number(range.max) + range.unit + ".");
  }
  return value;
}

std::optional<double> optional_number(const nlohmann::json& object, const std::string& key,
                                      const std::string& label, const NumberRange& range) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  double value;
  if (it->is_number()) {
    value = it->get<double>();
  } else if (it->is_string()) {
    const auto& s = it->get_ref<const std::string&>();
    if (trim(s).empty()) return std::nullopt;
    value = parse_number(s, key, label);
  } else {
    throw InputError(key, label + " must be a number.");
  }
  return check_range(value, range, key, label);
}

double required_number(const nlohmann::json& object, const std::string& key,
                       const std::string& label, const NumberRange& range) {
  auto value = optional_number(object, key, label, range);
  if (!value) throw InputError(key, label + " is missing: enter a number.");
  return *value;
}

}  // namespace llmcalc
