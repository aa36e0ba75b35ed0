#include "decision/decision_json.h"

#include <cmath>
#include <string>

#include "decision/decision.h"
#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc::decision {
namespace {

using nlohmann::json;

bool yes_no(const json& in, const char* key, const std::string& label) {
  auto it = in.find(key);
  if (it == in.end() || !it->is_boolean()) {
    throw InputError(key, label + ": answer yes or no.");
  }
  return it->get<bool>();
}

double whole(double v, const char* key, const std::string& label) {
  if (v != std::floor(v)) throw InputError(key, label + " must be a whole number.");
  return v;
}

}  // namespace

json decision_api(const json& in) {
  if (!in.is_object()) throw InputError("", "The input must be a JSON object.");
  Answers a;
  a.task_changing = yes_no(in, "task_changing", "Is the task still changing");
  a.good_examples = whole(
      required_number(in, "good_examples", "The number of good examples", {0, 1e12, true, ""}),
      "good_examples", "The number of good examples");
  auto goal = in.find("goal");
  std::string g = goal != in.end() && goal->is_string() ? goal->get<std::string>() : "";
  if (g == "style") {
    a.goal = Goal::kStyle;
  } else if (g == "knowledge") {
    a.goal = Goal::kKnowledge;
  } else if (g == "reasoning") {
    a.goal = Goal::kReasoning;
  } else {
    throw InputError("goal", "Choose what should improve: style, knowledge or reasoning.");
  }
  a.has_eval_set = yes_no(in, "has_eval_set", "Is there an evaluation set");
  a.requests = optional_number(in, "requests", "The expected requests", {0, 1e15, true, ""});
  a.break_even_requests =
      optional_number(in, "break_even_requests", "The break-even volume", {1, 1e15, true, ""});
  Decision d = decide(a);
  json steps = json::array();
  for (const Step& s : d.steps) {
    steps.push_back({{"question", s.question},
                     {"answer", s.answer},
                     {"outcome", s.outcome},
                     {"reason", s.reason}});
  }
  return {{"recommendation", d.recommendation},
          {"headline", d.headline},
          {"ratio", d.ratio ? json(*d.ratio) : json(nullptr)},
          {"steps", steps}};
}

}  // namespace llmcalc::decision
