#include "embedded_catalog.h"

#include <memory>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>

#include "catalog/active_catalog.h"
#include "util/input_error.h"

namespace llmcalc::cli {

void load_embedded_catalog() {
  static bool loaded = false;
  if (loaded) return;
  std::string_view text(kEmbeddedCatalog, kEmbeddedCatalogSize);
  auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (json.is_discarded()) throw std::runtime_error("the built-in price catalog is not valid JSON");
  try {
    set_active_catalog(std::make_shared<const Catalog>(load_catalog(json)));
  } catch (const InputError& e) {
    throw std::runtime_error(std::string("the built-in price catalog is broken: ") + e.what());
  }
  loaded = true;
}

}  // namespace llmcalc::cli
