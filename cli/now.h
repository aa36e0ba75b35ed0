// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ": the default `date` of
// the price commands (the core itself reads no clock).
#pragma once

#include <string>

namespace llmcalc::cli {

std::string now_utc_iso();

}  // namespace llmcalc::cli
