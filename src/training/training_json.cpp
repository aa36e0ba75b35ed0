#include "training/training_json.h"

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "catalog/active_catalog.h"
#include "catalog/catalog_json.h"
#include "training/training_cost.h"
#include "util/input_error.h"
#include "util/number_input.h"

namespace llmcalc::training {
namespace {

using nlohmann::json;

// Parsing only; make_dataset(), make_gpu() and self_hosted() check ranges.
constexpr NumberRange kAny{-std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};

json optional_json(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json prices_json(const Prices& p) {
  return {{"input", optional_json(p.input)},
          {"cached", optional_json(p.cached)},
          {"output", optional_json(p.output)}};
}

// Cost of one request of `prompt` input and `output` output tokens, or null
// when a price it needs is not offered.
json per_request(const Prices& p, double prompt, double output) {
  if ((prompt > 0 && !p.input) || (output > 0 && !p.output)) return nullptr;
  return prompt * p.input.value_or(0) / 1e6 + output * p.output.value_or(0) / 1e6;
}

// The date of the request, "YYYY-MM-DD", from an Instant.
std::string day_of(const Instant& at) { return format_instant(at).substr(0, 10); }

}  // namespace

json training_api(const json& in) {
  if (!in.is_object()) throw InputError("", "The input must be a JSON object.");
  const Catalog& catalog = active_catalog();
  const Instant at = date_input(catalog, in);

  // Its own range first: 1e308 examples is named as such, not as a dataset
  // too large for its tokens per example.
  double examples = required_number(in, "examples", "The number of examples", {1, 1e9});
  auto per_example = optional_number(in, "tokens_per_example", "The tokens per example", kAny);
  auto total = optional_number(in, "dataset_tokens", "The dataset's tokens", kAny);
  if (per_example && total) {
    throw InputError("dataset_tokens",
                     "Give the tokens per example or the dataset's tokens, not both.");
  }
  if (!per_example && !total) {
    throw InputError("tokens_per_example",
                     "The tokens per example are missing: enter a number (or the dataset's "
                     "total tokens).");
  }
  if (per_example && (!std::isfinite(*per_example) || *per_example < 1)) {
    throw InputError("tokens_per_example", "The tokens per example must be at least 1.");
  }
  double tokens = total ? *total : std::round(examples * *per_example);
  if (per_example && !(tokens <= kMaxTokens)) {
    throw InputError("tokens_per_example",
                     "The dataset's tokens (examples × tokens per example) must be at most 10 "
                     "trillion.");
  }
  Dataset d = make_dataset(
      examples, tokens, optional_number(in, "epochs", "The epochs", kAny),
      optional_number(in, "validation_tokens", "The validation tokens", kAny).value_or(0),
      optional_number(in, "evaluations", "The evaluations", kAny).value_or(0));

  auto params = optional_number(in, "params_billions", "The model size", kAny);
  auto rft_hours = optional_number(in, "rft_hours", "The training hours", kAny);
  double prompt = optional_number(in, "prompt_tokens", "The prompt tokens", {0, 1e9}).value_or(0);
  double output = optional_number(in, "output_tokens", "The output tokens", {0, 1e9}).value_or(0);

  json hosted = json::array();
  const std::string today = day_of(at);
  for (const HostedQuote& q : hosted_quotes(catalog, d, params, rft_hours, at)) {
    json per = nullptr;
    if (!q.model.empty()) {
      per = {{"base", per_request(q.base, prompt, output)},
             {"tuned", q.tuned ? per_request(*q.tuned, prompt, output) : json(nullptr)}};
    }
    hosted.push_back({
        {"provider", q.provider},
        {"model", q.model.empty() ? json(nullptr) : json(q.model)},
        {"label", q.label},
        {"method", q.method},
        {"price_per_million", optional_json(q.price_per_million)},
        {"price_per_hour", optional_json(q.price_per_hour)},
        {"billed_tokens", q.billed_tokens},
        {"cost_usd", optional_json(q.cost)},
        {"base", q.model.empty() ? json(nullptr) : prices_json(q.base)},
        {"tuned", q.tuned ? prices_json(*q.tuned) : json(nullptr)},
        {"per_request", per},
        {"new_jobs_until", q.new_jobs_until ? json(*q.new_jobs_until) : json(nullptr)},
        {"available", !q.new_jobs_until || today <= *q.new_jobs_until},
        {"source", q.source},
        {"as_of", q.as_of},
        {"confirmed", q.confirmed},
    });
  }

  json self = nullptr;
  if (params) {
    Gpu gpu;
    if (auto g = in.find("gpu"); g != in.end() && !g->is_null()) {
      if (!g->is_object()) throw InputError("gpu", "The GPU must be an object.");
      // Errors name the page's fields (gpu_tflops, …), not the keys inside "gpu".
      json fields = json::object();
      for (const auto& [key, field] : {std::pair<const char*, const char*>{"tflops", "gpu_tflops"},
                                       {"utilization", "utilization"},
                                       {"hourly_usd", "gpu_hourly_usd"},
                                       {"memory_gb", "gpu_memory_gb"}}) {
        if (g->contains(key)) fields[field] = g->at(key);
      }
      auto name = g->find("name");
      gpu = make_gpu(
          name != g->end() && name->is_string() ? name->get<std::string>() : gpu.name,
          optional_number(fields, "gpu_tflops", "The GPU's peak TFLOPS", kAny)
              .value_or(gpu.peak_tflops),
          optional_number(fields, "utilization", "The utilisation", kAny).value_or(gpu.utilization),
          optional_number(fields, "gpu_hourly_usd", "The price per GPU-hour", kAny)
              .value_or(gpu.hourly_usd),
          optional_number(fields, "gpu_memory_gb", "The GPU's memory", kAny)
              .value_or(gpu.memory_gb));
    }
    double fraction =
        optional_number(in, "trainable_fraction", "The trainable fraction", kAny).value_or(0.01);
    json methods = json::array();
    for (const auto& m : self_hosted(*params, fraction, d, gpu)) {
      methods.push_back({{"method", m.method},
                         {"flops", m.flops},
                         {"gpu_hours", m.gpu_hours},
                         {"cost_usd", m.cost},
                         {"memory_gb", m.memory_gb},
                         {"gpus", m.gpus},
                         {"formula", m.formula}});
    }
    self = {{"params_billions", *params},
            {"trainable_fraction", fraction},
            {"gpu",
             {{"name", gpu.name},
              {"tflops", gpu.peak_tflops},
              {"utilization", gpu.utilization},
              {"hourly_usd", gpu.hourly_usd},
              {"memory_gb", gpu.memory_gb}}},
            {"methods", methods}};
  }

  json notes = json::array();
  if (d.default_epochs) {
    notes.push_back("Epochs follow OpenAI's default rule for " +
                    std::to_string(static_cast<long long>(d.examples)) +
                    " examples: " + std::to_string(d.epochs) + ".");
  }
  notes.push_back(
      "Training tokens = the dataset's tokens × epochs; providers bill what they count, so "
      "expect small differences.");
  if (self.is_null()) {
    notes.push_back(
        "Enter the model size (billions of parameters) for Together AI's prices and a "
        "self-hosted GPU estimate.");
  }
  return {{"dataset",
           {{"examples", d.examples},
            {"tokens_per_epoch", d.tokens_per_epoch},
            {"epochs", d.epochs},
            {"default_epochs", d.default_epochs},
            {"training_tokens", d.training_tokens()},
            {"validation_tokens", d.validation_tokens},
            {"evaluations", d.evaluations}}},
          {"hosted", hosted},
          {"self_hosted", self},
          {"date", format_instant(at)},
          {"notes", notes}};
}

}  // namespace llmcalc::training
