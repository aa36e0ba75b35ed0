// Key sorting needs the whole document at hand, so this path builds a
// compact tree (24 bytes a value, tokens left in the input) and writes it
// back with each object's members ordered. Both passes use explicit stacks:
// depth is bounded by the reader's limit, never by the C++ stack.
#pragma once

#include <string_view>

#include "json/json_reader.h"
#include "json/json_writer.h"

namespace llmcalc {

// Reads one JSON text from `reader` (over `text`) and writes it with keys
// sorted recursively by their decoded value, compared as UTF-8 bytes (that
// is, by code point, like Python's sort_keys). The sort is stable, so
// duplicate keys keep their order. Returns false when the reader reports an
// error; the output is then incomplete.
bool write_sorted(std::string_view text, JsonReader& reader, JsonWriter& writer);

}  // namespace llmcalc
