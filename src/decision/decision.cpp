#include "decision/decision.h"

#include "util/format.h"

namespace llmcalc::decision {
namespace {

constexpr double kFewShotBelow = 100;
constexpr double kPromptBelowRatio = 3;
constexpr double kTuneFromRatio = 10;

}  // namespace

Decision decide(const Answers& a) {
  Decision d;
  auto settle = [&](Step step, const std::string& recommendation, const std::string& headline) {
    step.outcome = recommendation;
    d.steps.push_back(std::move(step));
    d.recommendation = recommendation;
    d.headline = headline;
    return d;
  };
  auto pass = [&](Step step) {
    step.outcome = "continue";
    d.steps.push_back(std::move(step));
  };

  Step changing{"Is the task still changing?", a.task_changing ? "yes" : "no", "", ""};
  if (a.task_changing) {
    changing.reason =
        "A tuned model freezes the task as it was when trained; while the task moves, each "
        "change means new data and a new run. Prompts change in minutes.";
    return settle(changing, "prompt", "Stay with prompts until the task settles.");
  }
  changing.reason = "A settled task can be learned once.";
  pass(changing);

  Step examples{"How many good examples do you have?", format_count(a.good_examples), "", ""};
  if (a.good_examples < kFewShotBelow) {
    examples.reason =
        "Under 100 good examples, put the best of them in the prompt as few-shot "
        "examples and collect more; too few examples tune poorly.";
    return settle(examples, "few-shot", "Use few-shot prompting first, and collect examples.");
  }
  examples.reason = "Enough examples to tune on; more well-chosen ones tune better.";
  pass(examples);

  const char* goals[] = {"style or format", "new knowledge", "new reasoning"};
  Step goal{"What should improve?", goals[static_cast<int>(a.goal)], "", ""};
  if (a.goal == Goal::kKnowledge) {
    goal.reason =
        "Fine-tuning teaches behaviour, not facts it can be relied on to recall; "
        "retrieval puts the facts in the prompt, where they can be updated and cited.";
    return settle(goal, "rag", "Use retrieval (RAG) rather than fine-tuning for knowledge.");
  }
  if (a.goal == Goal::kReasoning) {
    goal.reason =
        "Supervised tuning rarely adds reasoning a model lacks; try a stronger or "
        "reasoning model (and compare its price) before tuning.";
    return settle(goal, "stronger-model", "Try a stronger or reasoning model first.");
  }
  goal.reason = "Tone, format and consistent structure are what fine-tuning does best.";
  pass(goal);

  Step eval{"Do you have an evaluation set?", a.has_eval_set ? "yes" : "no", "", ""};
  if (!a.has_eval_set) {
    eval.reason =
        "Without held-out examples and a measure, nobody can tell whether the tuned "
        "model is better than the prompt it replaces.";
    return settle(eval, "build-eval", "Build an evaluation set before you tune.");
  }
  eval.reason = "The tuned model can be compared with the prompt it replaces.";
  pass(eval);

  Step volume{"How does your volume compare with the break-even?", "", "", ""};
  if (!a.requests || !a.break_even_requests) {
    volume.answer = "not known yet";
    volume.reason =
        "Work out the break-even volume from your training cost and the cost per "
        "request of both paths.";
    return settle(volume, "need-volume", "Fine-tuning fits; check that it pays for itself.");
  }
  d.ratio = *a.requests / *a.break_even_requests;
  volume.answer = format_count(*a.requests) + " requests, " + format_ratio(*d.ratio) +
                  "× the break-even of " + format_count(*a.break_even_requests);
  if (*d.ratio < kPromptBelowRatio) {
    volume.reason =
        "Within 3× of the break-even, the savings are too thin to carry the "
        "risk and upkeep of a tuned model.";
    return settle(volume, "prompt", "Stay with prompts: the volume is too close to break-even.");
  }
  if (*d.ratio >= kTuneFromRatio) {
    volume.reason = "At 10× the break-even or more, the savings pay for training many times.";
    return settle(volume, "fine-tune", "Fine-tune: the task, the data and the volume all fit.");
  }
  volume.reason =
      "Between 3× and 10× the break-even it depends on latency and quality: tune "
      "if the tuned model is also faster or better.";
  return settle(volume, "depends", "It depends: weigh latency and quality.");
}

}  // namespace llmcalc::decision
