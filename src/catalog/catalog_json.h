// The catalog's JSON API, shared by the CLI (`llmcalc models`), the wasm
// module (loadCatalog, findModel) and the page. All run behind json_call().
//
//   catalog_load_api(<catalog.json>)        validates, installs it as the
//       active catalog, returns {generated, as_of, model_count} (a page
//       lists the models next, at its own date: a listing here was built
//       only to be thrown away, on the main thread of every page)
//   models_api({provider?, date?})          {generated, as_of, sources,
//       models: [summary…]} — prices in force at `date` (default: the
//       catalog's generation date)
//   find_model_api({model})                 the full catalog entry plus
//       {resolved_from, batch_multiplier, batch_confirmed (null: no batch),
//        counting: {encoding, exact, note}}
//       (counting: which encoding llmcalc counts its text with; see
//       model_tokenizer.h)
#pragma once

#include <nlohmann/json.hpp>

#include "catalog/catalog.h"

namespace llmcalc {

nlohmann::json catalog_load_api(const nlohmann::json& catalog_json);
nlohmann::json models_api(const nlohmann::json& input);
nlohmann::json find_model_api(const nlohmann::json& input);

// One model as the listing shows it: prices in force at `at`.
nlohmann::json model_summary(const Catalog& catalog, const Model& model, const Instant& at);

// The `date` input (optional): parsed, or the catalog's generation date.
Instant date_input(const Catalog& catalog, const nlohmann::json& input);

}  // namespace llmcalc
