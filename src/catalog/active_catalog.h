// The catalog the JSON API functions (price_api, models_api, …) work on.
// json_call() takes plain functions of one JSON argument, so the loaded
// catalog lives here: the CLI installs its embedded copy at start-up, the
// wasm module the copy JavaScript fetched (loadCatalog()).
#pragma once

#include <memory>

#include "catalog/catalog.h"

namespace llmcalc {

void set_active_catalog(std::shared_ptr<const Catalog> catalog);

// Throws InputError("catalog", …) when none is loaded yet.
const Catalog& active_catalog();

}  // namespace llmcalc
