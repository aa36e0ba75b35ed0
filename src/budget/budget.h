// The prompt token budget: what one request puts in a model's context
// window, section by section, and whether it fits.
//
// A request is seven sections: six that are sent (system prompt, tool
// definitions, few-shot examples, conversation history, retrieved context,
// user message) and the output reserve, the room kept for the reply. The
// context window holds input and output together (as OpenAI, Anthropic and
// Google define it), so the request fits when input + reserve ≤ window.
//
// When it does not fit, the budget names one section to cut: the first
// section, in the order people usually trim a prompt (retrieved context,
// conversation history, few-shot examples, tool definitions, system
// prompt, user message), that is at least as large as the overflow; if
// none is, the largest one, flagged as not enough on its own. The reserve
// is never proposed: shrinking it only moves the failure to the reply.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace llmcalc::budget {

enum class Section { kSystem, kTools, kExamples, kHistory, kContext, kUser, kOutput };
constexpr std::size_t kSections = 7;

const char* section_id(Section s);     // "system", "tools", …, "output"
const char* section_label(Section s);  // "System prompt", …, "Output reserve"
const std::array<Section, kSections>& all_sections();

// Largest token count accepted per section: whole numbers up to 10^12 keep
// every sum exact in a double.
constexpr double kMaxSectionTokens = 1e12;

using SectionTokens = std::array<double, kSections>;

// Checks a section's count (whole, 0 … kMaxSectionTokens); throws
// InputError with field = the section id.
double section_tokens(Section s, double tokens);

struct Window {
  std::optional<double> context_window;     // none: unknown
  std::optional<double> max_output_tokens;  // none: unknown
};

struct Cut {
  Section section;
  double tokens = 0;    // the section's size
  bool enough = false;  // removing it entirely would make the request fit
};

struct Budget {
  SectionTokens tokens{};
  double input_tokens = 0;    // the six sent sections
  double output_reserve = 0;  // the output section
  double total_tokens = 0;
  Window window;
  // Only with a known context window:
  std::optional<double> share;        // total ÷ window (may exceed 1)
  std::optional<double> tokens_left;  // window − total (negative when over)
  double overflow_tokens = 0;         // max(0, total − window)
  std::optional<Cut> cut;             // with an overflow
  bool output_over_limit = false;     // reserve > the model's max output tokens
};

// `tokens` must hold checked counts (section_tokens); the window's values
// come from the catalog or the caller and must be positive.
Budget plan_budget(const SectionTokens& tokens, const Window& window);

// Sentences for people about a budget: the overflow and what to cut, the
// output limit. `name` names the model ("gpt-4o").
std::vector<std::string> budget_warnings(const Budget& budget, const std::string& name);

}  // namespace llmcalc::budget
