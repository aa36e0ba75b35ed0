#include "catalog/active_catalog.h"

#include "util/input_error.h"

namespace llmcalc {
namespace {

std::shared_ptr<const Catalog>& slot() {
  static std::shared_ptr<const Catalog> catalog;
  return catalog;
}

}  // namespace

void set_active_catalog(std::shared_ptr<const Catalog> catalog) { slot() = std::move(catalog); }

const Catalog& active_catalog() {
  if (!slot()) {
    throw InputError("catalog", "No model catalog is loaded yet: load the catalog first.");
  }
  return *slot();
}

}  // namespace llmcalc
