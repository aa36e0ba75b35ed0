#include "json/json_sorted.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace llmcalc {
namespace {

struct Node {
  std::uint32_t key_off = 0;  // the member's key token (objects' members only)
  std::uint32_t key_len = 0;
  std::uint32_t tok_off = 0;  // the scalar token
  std::uint32_t tok_len = 0;
  std::uint32_t end = 0;  // one past the last node of this subtree (pre-order)
  char kind = 's';        // '{', '[' or 's' (scalar)
};

using Span = std::pair<std::uint32_t, std::uint32_t>;

Span span_of(std::string_view text, std::string_view token) {
  return {static_cast<std::uint32_t>(token.data() - text.data()),
          static_cast<std::uint32_t>(token.size())};
}

bool build(std::string_view text, JsonReader& reader, std::vector<Node>& nodes) {
  std::vector<std::uint32_t> open;
  Span key{0, 0};
  for (;;) {
    JsonEvent ev = reader.next();
    switch (ev) {
      case JsonEvent::kError:
        return false;
      case JsonEvent::kEnd:
        return true;
      case JsonEvent::kKey:
        key = span_of(text, reader.token());
        continue;
      case JsonEvent::kEndObject:
      case JsonEvent::kEndArray:
        nodes[open.back()].end = static_cast<std::uint32_t>(nodes.size());
        open.pop_back();
        continue;
      default:
        break;
    }
    Node node;
    node.key_off = key.first;
    node.key_len = key.second;
    key = {0, 0};
    if (ev == JsonEvent::kScalar) {
      std::tie(node.tok_off, node.tok_len) = span_of(text, reader.token());
      node.end = static_cast<std::uint32_t>(nodes.size() + 1);
    } else {
      node.kind = ev == JsonEvent::kBeginObject ? '{' : '[';
      open.push_back(static_cast<std::uint32_t>(nodes.size()));
    }
    nodes.push_back(node);
  }
}

struct Frame {
  char kind;
  std::vector<std::uint32_t> children;
  std::size_t next = 0;
};

std::vector<std::uint32_t> members(std::string_view text, const std::vector<Node>& nodes,
                                   std::uint32_t parent) {
  std::vector<std::uint32_t> children;
  for (std::uint32_t c = parent + 1; c < nodes[parent].end; c = nodes[c].end) {
    children.push_back(c);
  }
  if (nodes[parent].kind != '{') return children;
  // Keys without escapes are their own decoded form; only the rest are
  // decoded, into storage that outlives the sort.
  std::deque<std::string> decoded;
  std::vector<std::pair<std::string_view, std::uint32_t>> keyed;
  keyed.reserve(children.size());
  for (auto c : children) {
    std::string_view token = text.substr(nodes[c].key_off, nodes[c].key_len);
    std::string_view key = token.substr(1, token.size() - 2);
    if (key.find('\\') != std::string_view::npos) {
      decoded.push_back(decode_json_string(token));
      key = decoded.back();
    }
    keyed.emplace_back(key, c);
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < keyed.size(); ++i) children[i] = keyed[i].second;
  return children;
}

}  // namespace

bool write_sorted(std::string_view text, JsonReader& reader, JsonWriter& writer) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("Sorting keys works on inputs below 4 GB.");
  }
  std::vector<Node> nodes;
  if (!build(text, reader, nodes)) return false;

  std::vector<Frame> stack;
  auto emit = [&](std::uint32_t i, bool with_key) {
    const Node& node = nodes[i];
    if (with_key) writer.key(text.substr(node.key_off, node.key_len));
    if (node.kind == 's') {
      writer.scalar(text.substr(node.tok_off, node.tok_len));
      return;
    }
    writer.begin(node.kind);
    stack.push_back(Frame{node.kind, members(text, nodes, i)});
  };
  emit(0, false);
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next < top.children.size()) {
      std::uint32_t child = top.children[top.next++];
      emit(child, top.kind == '{');  // may grow the stack: `top` is not used after this
    } else {
      writer.end(top.kind == '{' ? '}' : ']');
      stack.pop_back();
    }
  }
  return true;
}

}  // namespace llmcalc
