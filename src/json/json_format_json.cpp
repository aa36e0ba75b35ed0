#include "json/json_format_json.h"

#include <string>

#include "util/input_error.h"

namespace llmcalc {
namespace {

bool flag(const nlohmann::json& in, const char* key) {
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) return false;
  if (!it->is_boolean())
    throw InputError(key, std::string("The option ") + key + " must be true or false.");
  return it->get<bool>();
}

}  // namespace

JsonFormatOptions json_format_options(const nlohmann::json& in) {
  if (!in.is_object()) throw InputError("", "The formatter input must be a JSON object.");
  JsonFormatOptions o;
  o.layout.minify = flag(in, "minify");
  o.sort_keys = flag(in, "sort_keys");
  o.jsonl = flag(in, "jsonl");
  auto indent = in.find("indent");
  bool indent_given = indent != in.end() && !indent->is_null();
  // JSONL stays one record per line unless an indent asks for reading form.
  if (o.jsonl && !indent_given) o.layout.minify = true;
  if (indent_given) {
    if (indent->is_string() && (*indent == "tab" || *indent == "\t")) {
      o.layout.tab = true;
    } else if (indent->is_number_integer() && *indent >= 0 && *indent <= 8) {
      o.layout.indent = indent->get<int>();
    } else {
      throw InputError("indent", "The indent must be 0 to 8 spaces, or \"tab\".");
    }
  }
  if (auto it = in.find("max_depth"); it != in.end() && !it->is_null()) {
    if (!it->is_number_integer() || *it < 1 || *it > 100000) {
      throw InputError("max_depth", "The depth limit must be a whole number from 1 to 100,000.");
    }
    o.max_depth = it->get<std::size_t>();
  }
  return o;
}

nlohmann::json json_format_report(const JsonFormatResult& result) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : result.errors) {
    errors.push_back(
        {{"line", e.line}, {"column", e.column}, {"offset", e.offset}, {"message", e.message}});
  }
  return {{"valid", result.error_count == 0},
          {"errors", errors},
          {"error_count", result.error_count},
          {"bom", result.bom},
          {"crlf", result.crlf},
          {"records", result.records},
          {"valid_records", result.valid_records},
          {"blank_lines", result.blank_lines}};
}

nlohmann::json json_format_api(const nlohmann::json& in) {
  JsonFormatOptions options = json_format_options(in);
  auto text = in.find("text");
  if (text == in.end() || !text->is_string()) {
    throw InputError("text", "The text to format is missing.");
  }
  JsonFormatResult result = format_json(text->get_ref<const std::string&>(), options);
  nlohmann::json out = json_format_report(result);
  out["output"] = std::move(result.output);
  return out;
}

}  // namespace llmcalc
