// The formatter's JSON form, shared by the wasm module and tests:
//   in:  {"text": "...", "indent": 0-8 | "tab", "minify": bool,
//         "sort_keys": bool, "jsonl": bool, "max_depth": n}
//        (jsonl without an indent is minified: one record per line)
//   out: {"output": "...", "valid": bool, "errors": [{line, column,
//         offset, message}], "error_count", "bom", "crlf", "records",
//         "valid_records", "blank_lines"}
// Large texts skip the JSON wrapping: callers read the options with
// json_format_options() and return the output next to json_format_report().
#pragma once

#include <nlohmann/json.hpp>

#include "json/json_format.h"

namespace llmcalc {

// Reads the options above (not "text"); throws InputError for bad ones.
JsonFormatOptions json_format_options(const nlohmann::json& in);

// Everything in the result except the output text.
nlohmann::json json_format_report(const JsonFormatResult& result);

nlohmann::json json_format_api(const nlohmann::json& in);

}  // namespace llmcalc
