// Numbers for people. One rule for the CLI, the page and error messages, so
// a value reads the same everywhere (docs/bad-input.md, "Numbers shown to people"):
//   counts  – rounded to a whole number, thousands separated: 1,234,567
//   money   – USD; 2 decimals from $1 up ($1,234.50); below $1, three
//             significant digits, never fewer than 2 decimals ($0.50,
//             $0.000375); "-" before "$" when negative
//   numbers – at most `max_decimals` decimals, trailing zeros dropped
//             (8, 8.25, 0.3 – never 0.30000000000000004); from 1e15 up in
//             scientific form (1.5e300)
//   ratios  – one decimal below 100 (8.0×), whole above (125×)
//   bytes   – decimal units, as storage is sold (1 KB = 1,000 bytes):
//             whole bytes below 1 KB ("1 byte", "512 bytes"), then three
//             significant digits, trailing zeros dropped: 6.14 KB, 61.4 MB,
//             1.5 GB, 2 TB, 120 PB, 2.62 EB
// Rounding is half away from zero on the decimal value (1.25 → 1.3,
// 1.005 → 1.01), and -0 is 0.
#pragma once

#include <string>

namespace llmcalc {

std::string format_count(double value);
std::string format_usd(double value);
std::string format_number(double value, int max_decimals = 2);
std::string format_ratio(double value);
std::string format_percent(double fraction, int decimals = 1);
std::string format_bytes(double bytes);

// Inserts thousands separators into a plain decimal string like "-1234.5".
std::string group_thousands(const std::string& plain);

}  // namespace llmcalc
