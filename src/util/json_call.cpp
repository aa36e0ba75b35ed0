#include "util/json_call.h"

#include <new>

#include "util/input_error.h"

namespace llmcalc {

nlohmann::json error_json(const std::string& field, const std::string& message) {
  return {{"error", {{"field", field}, {"message", message}}}};
}

nlohmann::json json_call_value(const nlohmann::json& input, JsonFunction fn) {
  try {
    return fn(input);
  } catch (const InputError& e) {
    return error_json(e.field(), e.what());
  } catch (const nlohmann::json::exception& e) {
    return error_json("", std::string("The input has the wrong shape: ") + e.what());
  } catch (const std::bad_alloc&) {
    return error_json("", "Out of memory: the input is too large to process here.");
  } catch (const std::exception& e) {
    return error_json("", e.what());
  }
}

std::string json_call(std::string_view input, JsonFunction fn) {
  nlohmann::json parsed = nlohmann::json::parse(input.begin(), input.end(), nullptr, false);
  if (parsed.is_discarded()) {
    return error_json("", "The input is not valid JSON.").dump();
  }
  // Replace invalid UTF-8 in messages rather than throwing while dumping.
  return json_call_value(parsed, fn).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace llmcalc
