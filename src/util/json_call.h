// Runs a JSON-in, JSON-out core function and turns every failure into an
// error object, so callers across a boundary (the wasm module, the CLI)
// never see a raw exception:
//   {"error": {"field": "training_cost", "message": "…"}}
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace llmcalc {

using JsonFunction = nlohmann::json (*)(const nlohmann::json&);

nlohmann::json error_json(const std::string& field, const std::string& message);

// Parses `input`, calls `fn`, and serializes the result or the error.
std::string json_call(std::string_view input, JsonFunction fn);

// The same for a value already parsed.
nlohmann::json json_call_value(const nlohmann::json& input, JsonFunction fn);

}  // namespace llmcalc
