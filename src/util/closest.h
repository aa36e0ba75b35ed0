// "Did you mean …?" for names people type: model ids, encodings, providers.
// Ranks candidates by case-insensitive edit distance (Levenshtein), so a
// typo, a missing dash or a wrong version digit still finds the intended
// name; ties keep the candidates' order.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace llmcalc {

// Edit distance between `a` and `b`, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The `count` candidates closest to `query`, nearest first, duplicates
// (ignoring case) dropped.
std::vector<std::string> closest_names(std::string_view query,
                                       const std::vector<std::string>& candidates,
                                       std::size_t count = 3);

// "a", "a or b", "a, b or c": for messages that list suggestions.
std::string join_or(const std::vector<std::string>& names);

}  // namespace llmcalc
