// Model catalog and cost engine: JSON strings in, JSON strings out (see
// src/catalog/catalog_json.h and src/cost/price_json.h). The catalog text
// comes from JavaScript (js/data/catalog.json, fetched on first use); the
// core keeps it as the active catalog. Errors come back as {"error": …}.
#include <emscripten/bind.h>

#include <string>

#include "catalog/catalog_json.h"
#include "cost/price_json.h"
#include "util/json_call.h"

namespace {

std::string load_catalog(const std::string& catalog_text) {
  return llmcalc::json_call(catalog_text, llmcalc::catalog_load_api);
}

std::string list_models(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::models_api);
}

std::string find_model(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::find_model_api);
}

std::string price(const std::string& input) {
  return llmcalc::json_call(input, llmcalc::price_api);
}

}  // namespace

EMSCRIPTEN_BINDINGS(catalog) {
  emscripten::function("loadCatalog", &load_catalog);
  emscripten::function("listModels", &list_models);
  emscripten::function("findModel", &find_model);
  emscripten::function("price", &price);
}
