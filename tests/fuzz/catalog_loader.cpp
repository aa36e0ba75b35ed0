// Fuzz target: the catalog loader and the catalog's JSON APIs.
// Byte 0 picks what the rest of the input is (digits '0'-'5' in the seeds):
//   0  a catalog: load_catalog() may only fail with InputError (or the text
//      may not be JSON at all); a catalog it accepts must then answer
//      lookups and list every model without throwing;
//   1-5  the input object of price_api, models_api, find_model_api,
//      budget_api or embedding_api, run through json_call() on the real
//      catalog (data/catalog/catalog.json): json_call must never throw and
//      always answers with a JSON object.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "budget/budget_json.h"
#include "catalog/active_catalog.h"
#include "catalog/catalog_json.h"
#include "cost/price_json.h"
#include "embedding/embedding_json.h"
#include "fuzz_check.h"
#include "util/input_error.h"
#include "util/json_call.h"

namespace {

using llmcalc::fuzz::check;

void load_fuzzed_catalog(std::string_view text) {
  auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (json.is_discarded()) return;
  llmcalc::Catalog catalog;
  try {
    catalog = llmcalc::load_catalog(json);
  } catch (const llmcalc::InputError&) {
    return;  // the documented failure; anything else escapes and is a finding
  }
  // What the listing does with every model, at the catalog's own date.
  // (Which model a name finds is not checked: ids differing only in case,
  // or one model's alias being another's id, make lookups ambiguous.)
  llmcalc::Instant at{*llmcalc::parse_day(catalog.generated), 0};
  for (const llmcalc::Model& model : catalog.models) {
    llmcalc::model_summary(catalog, model, at)
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    check(catalog.find(model.id) != nullptr, "a loaded model is not found by its id");
    check(catalog.find(model.qualified_id()) != nullptr, "a loaded model is not found by p:id");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string text = llmcalc::fuzz::source_file("data/catalog/catalog.json");
  llmcalc::set_active_catalog(
      std::make_shared<const llmcalc::Catalog>(llmcalc::load_catalog(nlohmann::json::parse(text))));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  static constexpr llmcalc::JsonFunction kApis[] = {
      llmcalc::price_api, llmcalc::models_api, llmcalc::find_model_api, llmcalc::budget::budget_api,
      llmcalc::embedding_api};
  std::size_t pick = data[0] % 6;
  if (pick == 0) {
    load_fuzzed_catalog(rest);
    return 0;
  }
  std::string reply = llmcalc::json_call(rest, kApis[pick - 1]);
  auto parsed = nlohmann::json::parse(reply, nullptr, false);
  check(!parsed.is_discarded() && parsed.is_object(), "json_call's reply is not a JSON object");
  return 0;
}
