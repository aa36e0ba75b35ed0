#include "decision/decision.h"

#include <gtest/gtest.h>

#include "decision/decision_json.h"
#include "util/json_call.h"

namespace llmcalc::decision {
namespace {

using nlohmann::json;

Answers ready() {
  Answers a;
  a.good_examples = 500;
  a.goal = Goal::kStyle;
  a.has_eval_set = true;
  return a;
}

TEST(Decision, TheFirstQuestionThatSettlesItWins) {
  Answers a = ready();
  a.task_changing = true;
  a.good_examples = 10;  // would also settle it, but is never asked
  Decision d = decide(a);
  EXPECT_EQ(d.recommendation, "prompt");
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].outcome, "prompt");
}

TEST(Decision, FewExamplesMeanFewShotFirst) {
  Answers a = ready();
  a.good_examples = 99;
  EXPECT_EQ(decide(a).recommendation, "few-shot");
  a.good_examples = 100;
  EXPECT_NE(decide(a).recommendation, "few-shot");
}

TEST(Decision, KnowledgeGoesToRetrievalAndReasoningToAStrongerModel) {
  Answers a = ready();
  a.goal = Goal::kKnowledge;
  EXPECT_EQ(decide(a).recommendation, "rag");
  a.goal = Goal::kReasoning;
  EXPECT_EQ(decide(a).recommendation, "stronger-model");
}

TEST(Decision, NoEvalSetMeansBuildOneFirst) {
  Answers a = ready();
  a.has_eval_set = false;
  Decision d = decide(a);
  EXPECT_EQ(d.recommendation, "build-eval");
  EXPECT_EQ(d.steps.size(), 4u);
}

TEST(Decision, VolumeAgainstBreakEvenByThe3And10Rule) {
  Answers a = ready();
  EXPECT_EQ(decide(a).recommendation, "need-volume");
  a.break_even_requests = 100000;
  a.requests = 299999;
  EXPECT_EQ(decide(a).recommendation, "prompt");
  a.requests = 300000;
  EXPECT_EQ(decide(a).recommendation, "depends");
  a.requests = 999999;
  EXPECT_EQ(decide(a).recommendation, "depends");
  a.requests = 1000000;
  Decision d = decide(a);
  EXPECT_EQ(d.recommendation, "fine-tune");
  EXPECT_DOUBLE_EQ(*d.ratio, 10);
  EXPECT_EQ(d.steps.size(), 5u);
  EXPECT_EQ(d.steps[4].answer, "1,000,000 requests, 10.0× the break-even of 100,000");
}

TEST(DecisionJson, AnswersAndErrors) {
  json r = json_call_value({{"task_changing", false},
                            {"good_examples", "1,000"},
                            {"goal", "style"},
                            {"has_eval_set", true},
                            {"requests", "2,000,000"},
                            {"break_even_requests", 125000}},
                           decision_api);
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["recommendation"], "fine-tune");
  EXPECT_EQ(r["steps"].size(), 5u);
  auto field = [](json in) { return json_call_value(in, decision_api)["error"]["field"]; };
  json base = {
      {"task_changing", false}, {"good_examples", 10}, {"goal", "style"}, {"has_eval_set", true}};
  auto with = [&](const char* k, json v) {
    json in = base;
    in[k] = std::move(v);
    return in;
  };
  EXPECT_EQ(field(with("task_changing", "maybe")), "task_changing");
  EXPECT_EQ(field(with("good_examples", -1)), "good_examples");
  EXPECT_EQ(field(with("good_examples", 2.5)), "good_examples");
  EXPECT_EQ(field(with("good_examples", "NaN")), "good_examples");
  EXPECT_EQ(field(with("goal", "speed")), "goal");
  EXPECT_EQ(field(with("has_eval_set", nullptr)), "has_eval_set");
  EXPECT_EQ(field(with("requests", "1e308")), "requests");
  EXPECT_EQ(field(with("break_even_requests", 0)), "break_even_requests");
}

}  // namespace
}  // namespace llmcalc::decision
