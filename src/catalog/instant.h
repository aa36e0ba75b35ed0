// A moment in UTC, precise to the second: enough to pick the price in force
// (dated price changes start at midnight UTC, off-peak windows are given in
// UTC times of day). Parsed from what people and JavaScript write:
//   2026-03-13, 2026-03-13T16:30, 2026-03-13T16:30:00Z,
//   2026-03-13T16:30:00.123Z (Date.toISOString()), 2026-03-13T18:30:00+02:00
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace llmcalc {

struct Instant {
  std::int64_t day = 0;  // days since 1970-01-01
  int second = 0;        // seconds since midnight UTC, 0..86399

  bool operator<(const Instant& o) const { return day != o.day ? day < o.day : second < o.second; }
  bool operator>=(const Instant& o) const { return !(*this < o); }
};

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int64_t days_from_civil(int year, int month, int day);

// "YYYY-MM-DD" only; std::nullopt when malformed or not a real date.
std::optional<std::int64_t> parse_day(std::string_view text);

// "HH:MM:SS" only, as seconds since midnight; std::nullopt when malformed.
std::optional<int> parse_time_of_day(std::string_view text);

// Any of the forms above; throws InputError naming `field` when malformed.
Instant parse_instant(std::string_view text, const std::string& field);

// "2026-03-13" / "2026-03-13T16:30:00Z".
std::string format_day(std::int64_t day);
std::string format_instant(const Instant& instant);

}  // namespace llmcalc
