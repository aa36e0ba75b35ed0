#include "util/format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace llmcalc {
namespace {

// Rounds half away from zero, as people do (1.25 -> 1.3, 1.005 -> 1.01),
// after cutting binary noise at 15 significant digits; printf alone rounds
// the binary value, which gives 1.2 and 1.00 for those two.
std::string fixed(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.15g", value * scale);
  double rounded = std::round(std::strtod(buf, nullptr));
  std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded / scale);
  std::string s = buf;
  // A value that rounds to zero keeps its sign in printf ("-0.00").
  bool all_zero = s.find_first_not_of("-0.") == std::string::npos;
  if (all_zero && !s.empty() && s[0] == '-') s.erase(0, 1);
  return s;
}

std::string strip_zeros(std::string s, std::size_t min_decimals) {
  auto point = s.find('.');
  if (point == std::string::npos) return s;
  std::size_t keep = point + 1 + min_decimals;
  while (s.size() > keep && s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string scientific(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g", value);
  std::string s = buf;
  // "1.5e+300" -> "1.5e300", "2e-07" stays readable as "2e-7".
  auto e = s.find('e');
  if (e != std::string::npos) {
    std::string mantissa = s.substr(0, e);
    std::string exponent = s.substr(e + 1);
    bool negative = exponent[0] == '-';
    exponent.erase(0, 1);
    exponent.erase(0, exponent.find_first_not_of('0'));
    s = mantissa + "e" + (negative ? "-" : "") + exponent;
  }
  return s;
}

}  // namespace

std::string group_thousands(const std::string& plain) {
  std::size_t start = (!plain.empty() && (plain[0] == '-' || plain[0] == '+')) ? 1 : 0;
  std::size_t end = plain.find('.');
  if (end == std::string::npos) end = plain.size();
  std::string out = plain.substr(0, start);
  std::size_t digits = end - start;
  for (std::size_t i = 0; i < digits; ++i) {
    if (i > 0 && (digits - i) % 3 == 0) out += ',';
    out += plain[start + i];
  }
  out += plain.substr(end);
  return out;
}

std::string format_count(double value) {
  if (!std::isfinite(value)) return "—";
  if (std::fabs(value) >= 1e15) return scientific(value);
  return group_thousands(fixed(std::round(value), 0));
}

std::string format_number(double value, int max_decimals) {
  if (!std::isfinite(value)) return "—";
  if (std::fabs(value) >= 1e15) return scientific(value);
  return group_thousands(strip_zeros(fixed(value, max_decimals), 0));
}

std::string format_usd(double value) {
  if (!std::isfinite(value)) return "—";
  std::string sign = value < 0 ? "-" : "";
  double a = std::fabs(value);
  std::string digits;
  if (a >= 1e15) {
    digits = scientific(a);
  } else if (a >= 1 || a == 0) {
    digits = group_thousands(fixed(a, 2));
  } else {
    // Three significant digits: 0.000375 needs 6 decimals.
    int decimals = 2 - static_cast<int>(std::floor(std::log10(a)));
    if (decimals > 12) decimals = 12;
    digits = strip_zeros(fixed(a, decimals), 2);
  }
  if (digits.find_first_not_of("0.,") == std::string::npos) sign.clear();
  return sign + "$" + digits;
}

std::string format_ratio(double value) {
  if (!std::isfinite(value)) return "—";
  if (std::fabs(value) < 100) return fixed(value, 1);
  return format_count(value);
}

std::string format_percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "—";
  double percent = fraction * 100;
  if (std::fabs(percent) >= 1e15) {
    // Scientific, as for numbers; built from the fraction's own exponent,
    // since fraction × 100 may overflow to infinity (1e307 → 1e309%).
    int exponent = static_cast<int>(std::floor(std::log10(std::fabs(fraction))));
    return scientific(fraction / std::pow(10.0, exponent)) + "e" + std::to_string(exponent + 2) +
           "%";
  }
  return group_thousands(fixed(percent, decimals)) + "%";
}

std::string format_bytes(double value) {
  if (!std::isfinite(value)) return "—";
  std::string sign = value < 0 ? "-" : "";
  double a = std::fabs(value);
  if (std::round(a) < 1000) {
    std::string n = format_count(a);
    if (n == "0") sign.clear();
    return sign + n + (n == "1" ? " byte" : " bytes");
  }
  static const char* const kUnits[] = {"KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  constexpr std::size_t kLast = sizeof kUnits / sizeof kUnits[0] - 1;
  double scaled = a / 1000;
  for (std::size_t unit = 0;; ++unit, scaled /= 1000) {
    // Three significant digits; 999.96 KB rounds to 1,000 and reads 1 MB.
    int decimals = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
    std::string digits = strip_zeros(fixed(scaled, decimals), 0);
    if (std::strtod(digits.c_str(), nullptr) < 1000) {
      return sign + group_thousands(digits) + " " + kUnits[unit];
    }
    // Past the last unit, a count of it: 3,000 YB, and 1e284 YB rather
    // than 285 digits.
    if (unit == kLast) return sign + format_count(scaled) + " " + kUnits[unit];
  }
}

}  // namespace llmcalc
