// The price catalog compiled into the binary (cli/CMakeLists.txt embeds
// data/catalog/catalog.json at build time).
#pragma once

#include <cstddef>

namespace llmcalc::cli {

extern const char kEmbeddedCatalog[];
extern const std::size_t kEmbeddedCatalogSize;

// Loads the embedded catalog as the core's active catalog, once. A broken
// catalog is a build error, reported as std::runtime_error.
void load_embedded_catalog();

}  // namespace llmcalc::cli
