#include "util/closest.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace llmcalc {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Two rows of the classic dynamic programme: O(|a|·|b|) time, O(|b|) space.
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  std::iota(prev.begin(), prev.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitute = prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::vector<std::string> closest_names(std::string_view query,
                                       const std::vector<std::string>& candidates,
                                       std::size_t count) {
  struct Scored {
    std::size_t distance;
    std::size_t order;
  };
  std::vector<Scored> scored;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!seen.insert(lowered(candidates[i])).second) continue;
    scored.push_back({edit_distance(query, candidates[i]), i});
  }
  std::size_t n = std::min(count, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                    [](const Scored& x, const Scored& y) {
                      return x.distance != y.distance ? x.distance < y.distance : x.order < y.order;
                    });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(candidates[scored[i].order]);
  return out;
}

std::string join_or(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace llmcalc
