// What the fuzz targets share: a check that stops the run with a message
// (libFuzzer then saves the input as a crash file), and reading a file of
// this source tree once at start-up.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace llmcalc::fuzz {

// abort() rather than assert(): the fuzz preset builds with NDEBUG.
inline void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

// A file below the source tree (the vocabularies in js/vocab/, the
// catalog); a missing one ends the run at once with the reason, since a
// target without its data would fuzz nothing.
inline std::string source_file(const std::string& relative) {
  std::string path = std::string(LLMCALC_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz: cannot read %s (build the preset first)\n", path.c_str());
    std::exit(1);
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace llmcalc::fuzz
