// The core's number formatting rule (src/util/format.h), so the page shows
// numbers exactly as the CLI prints them.
#include <emscripten/bind.h>

#include "util/format.h"

namespace {

std::string format_number_2(double v, int decimals) { return llmcalc::format_number(v, decimals); }
std::string format_percent_2(double v, int decimals) {
  return llmcalc::format_percent(v, decimals);
}

}  // namespace

EMSCRIPTEN_BINDINGS(format) {
  emscripten::function("formatCount", &llmcalc::format_count);
  emscripten::function("formatUsd", &llmcalc::format_usd);
  emscripten::function("formatNumber", &format_number_2);
  emscripten::function("formatRatio", &llmcalc::format_ratio);
  emscripten::function("formatPercent", &format_percent_2);
  emscripten::function("formatBytes", &llmcalc::format_bytes);
}
