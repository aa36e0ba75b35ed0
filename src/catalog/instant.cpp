#include "catalog/instant.h"

#include <cstdio>

#include "util/input_error.h"

namespace llmcalc {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::int64_t days_from_civil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil (public domain algorithm).
  std::int64_t y = year - (month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<std::int64_t> parse_day(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, m) ||
      !digits(s, 8, 2, d)) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return days_from_civil(y, m, d);
}

std::optional<int> parse_time_of_day(std::string_view s) {
  int h, mi, se;
  if (s.size() != 8 || s[2] != ':' || s[5] != ':' || !digits(s, 0, 2, h) || !digits(s, 3, 2, mi) ||
      !digits(s, 6, 2, se) || h > 23 || mi > 59 || se > 59) {
    return std::nullopt;
  }
  return h * 3600 + mi * 60 + se;
}

Instant parse_instant(std::string_view text, const std::string& field) {
  auto fail = [&]() -> InputError {
    return InputError(field, "The date \"" + std::string(text.substr(0, 40)) +
                                 "\" is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ.");
  };
  auto day = parse_day(text.substr(0, 10));
  if (!day) throw fail();
  Instant at{*day, 0};
  std::string_view rest = text.substr(10);
  if (rest.empty()) return at;
  int h, mi, se = 0;
  if ((rest[0] != 'T' && rest[0] != ' ') || !digits(rest, 1, 2, h) || rest.size() < 6 ||
      rest[3] != ':' || !digits(rest, 4, 2, mi) || h > 23 || mi > 59) {
    throw fail();
  }
  std::size_t pos = 6;
  if (pos < rest.size() && rest[pos] == ':') {
    if (!digits(rest, pos + 1, 2, se) || se > 59) throw fail();
    pos += 3;
    if (pos < rest.size() && rest[pos] == '.') {  // fractions of a second do not matter
      ++pos;
      while (pos < rest.size() && rest[pos] >= '0' && rest[pos] <= '9') ++pos;
    }
  }
  int offset = 0;
  if (pos < rest.size() && rest[pos] == 'Z') {
    ++pos;
  } else if (pos < rest.size() && (rest[pos] == '+' || rest[pos] == '-')) {
    int oh, om;
    if (!digits(rest, pos + 1, 2, oh) || rest.size() < pos + 6 || rest[pos + 3] != ':' ||
        !digits(rest, pos + 4, 2, om) || oh > 23 || om > 59) {
      throw fail();
    }
    offset = (rest[pos] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    pos += 6;
  }
  if (pos != rest.size()) throw fail();
  std::int64_t total = at.day * 86400 + h * 3600 + mi * 60 + se - offset;
  std::int64_t d = total >= 0 ? total / 86400 : (total - 86399) / 86400;
  return Instant{d, static_cast<int>(total - d * 86400)};
}

std::string format_day(std::int64_t day) {
  // Inverse of days_from_civil (Hinnant's civil_from_days).
  std::int64_t z = day + 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d));
  return buf;
}

std::string format_instant(const Instant& at) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", at.second / 3600, at.second / 60 % 60,
                at.second % 60);
  return format_day(at.day) + buf;
}

}  // namespace llmcalc
