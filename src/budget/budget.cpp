#include "budget/budget.h"

#include <cmath>

#include "util/format.h"
#include "util/input_error.h"

namespace llmcalc::budget {
namespace {

struct SectionInfo {
  const char* id;
  const char* label;
  const char* noun;  // in a sentence: "cut the retrieved context"
};

constexpr std::array<SectionInfo, kSections> kInfo = {{
    {"system", "System prompt", "the system prompt"},
    {"tools", "Tool definitions", "the tool definitions"},
    {"examples", "Few-shot examples", "the few-shot examples"},
    {"history", "Conversation history", "the conversation history"},
    {"context", "Retrieved context", "the retrieved context"},
    {"user", "User message", "the user message"},
    {"output", "Output reserve", "the output reserve"},
}};

// The order in which a prompt is usually trimmed; see budget.h.
constexpr std::array<Section, 6> kCutOrder = {Section::kContext,  Section::kHistory,
                                              Section::kExamples, Section::kTools,
                                              Section::kSystem,   Section::kUser};

const SectionInfo& info(Section s) { return kInfo[static_cast<std::size_t>(s)]; }

std::optional<Cut> choose_cut(const SectionTokens& tokens, double overflow) {
  for (Section s : kCutOrder) {
    double t = tokens[static_cast<std::size_t>(s)];
    if (t >= overflow) return Cut{s, t, true};
  }
  std::optional<Cut> largest;
  for (Section s : kCutOrder) {
    double t = tokens[static_cast<std::size_t>(s)];
    if (t > 0 && (!largest || t > largest->tokens)) largest = Cut{s, t, false};
  }
  return largest;
}

}  // namespace

const char* section_id(Section s) { return info(s).id; }
const char* section_label(Section s) { return info(s).label; }

const std::array<Section, kSections>& all_sections() {
  static const std::array<Section, kSections> all = {
      Section::kSystem,  Section::kTools, Section::kExamples, Section::kHistory,
      Section::kContext, Section::kUser,  Section::kOutput};
  return all;
}

double section_tokens(Section s, double tokens) {
  const std::string label = info(s).label;
  if (!std::isfinite(tokens)) throw InputError(info(s).id, label + " must be a number of tokens.");
  if (tokens < 0) throw InputError(info(s).id, label + " cannot be negative.");
  if (tokens != std::floor(tokens)) {
    throw InputError(info(s).id, label + " must be a whole number of tokens.");
  }
  if (tokens > kMaxSectionTokens) {
    throw InputError(info(s).id,
                     label + " must be at most " + format_count(kMaxSectionTokens) + " tokens.");
  }
  return tokens;
}

Budget plan_budget(const SectionTokens& tokens, const Window& window) {
  Budget b;
  b.tokens = tokens;
  for (Section s : all_sections()) {
    double t = tokens[static_cast<std::size_t>(s)];
    (s == Section::kOutput ? b.output_reserve : b.input_tokens) += t;
  }
  b.total_tokens = b.input_tokens + b.output_reserve;
  b.window = window;
  if (window.context_window) {
    double w = *window.context_window;
    b.share = b.total_tokens / w;
    b.tokens_left = w - b.total_tokens;
    b.overflow_tokens = b.total_tokens > w ? b.total_tokens - w : 0;
    if (b.overflow_tokens > 0) b.cut = choose_cut(tokens, b.overflow_tokens);
  }
  b.output_over_limit = window.max_output_tokens && b.output_reserve > *window.max_output_tokens;
  return b;
}

std::vector<std::string> budget_warnings(const Budget& b, const std::string& name) {
  std::vector<std::string> out;
  if (b.overflow_tokens > 0) {
    std::string over = "Over " + name + "'s " + format_count(*b.window.context_window) +
                       "-token window by " + format_count(b.overflow_tokens) + " tokens";
    if (!b.cut) {
      out.push_back(over + ": the output reserve alone does not fit.");
    } else if (b.cut->enough) {
      out.push_back(over + ": cut " + info(b.cut->section).noun + " (" +
                    format_count(b.cut->tokens) + " tokens) by at least " +
                    format_count(b.overflow_tokens) + ".");
    } else {
      out.push_back(over + ": no single section is that large; even without " +
                    info(b.cut->section).noun + " (" + format_count(b.cut->tokens) +
                    " tokens) it would not fit.");
    }
  }
  if (b.output_over_limit) {
    out.push_back("The output reserve (" + format_count(b.output_reserve) +
                  " tokens) is more than " + name + " can write in one reply (" +
                  format_count(*b.window.max_output_tokens) + " tokens).");
  }
  return out;
}

}  // namespace llmcalc::budget
