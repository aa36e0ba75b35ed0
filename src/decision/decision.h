// "Prompt or fine-tune?": the decision helper's rules, one question at a
// time, ending in a recommendation. Issue #6. The order is the order the
// questions are asked, and the first that settles it wins:
//   1. Is the task still changing?      yes → prompt (tuning freezes a moving target)
//   2. How many good examples exist?    under 100 → few-shot prompting first
//   3. What should improve?             facts → retrieval (RAG), not tuning;
//                                       new reasoning → a stronger or reasoning
//                                       model first; style/format → tuning fits
//   4. Is there an evaluation set?      no → build one before tuning
//   5. Volume against the break-even:   below 3× → prompt; 10× or more →
//                                       fine-tune; between → it depends
// Without a break-even volume the last step asks for one.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace llmcalc::decision {

enum class Goal { kStyle, kKnowledge, kReasoning };

struct Answers {
  bool task_changing = false;
  double good_examples = 0;
  Goal goal = Goal::kStyle;
  bool has_eval_set = false;
  std::optional<double> requests;             // expected requests over the horizon
  std::optional<double> break_even_requests;  // from the break-even calculator
};

struct Step {
  std::string question;
  std::string answer;
  std::string outcome;  // "continue" or the recommendation it settles on
  std::string reason;
};

struct Decision {
  // prompt, few-shot, rag, stronger-model, build-eval, fine-tune, depends, need-volume
  std::string recommendation;
  std::string headline;
  std::vector<Step> steps;
  std::optional<double> ratio;  // requests ÷ break-even, when both are known
};

Decision decide(const Answers& answers);

}  // namespace llmcalc::decision
