#include "training/training_cost.h"

#include <cmath>

#include "dataset/token_stats.h"
#include "util/format.h"
#include "util/input_error.h"

namespace llmcalc::training {
namespace {

using nlohmann::json;

double whole(double v, const char* field, const std::string& label, double min, double max) {
  if (!std::isfinite(v)) throw InputError(field, label + " must be a number.");
  if (v != std::floor(v)) throw InputError(field, label + " must be a whole number.");
  if (v < min || v > max) {
    throw InputError(
        field, label + " must be between " + format_count(min) + " and " + format_count(max) + ".");
  }
  return v;
}

double positive(double v, const char* field, const std::string& label, double max) {
  if (!std::isfinite(v) || v <= 0) throw InputError(field, label + " must be more than 0.");
  if (v > max) throw InputError(field, label + " must be at most " + format_number(max) + ".");
  return v;
}

std::optional<double> number_at(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) {
    throw InputError("catalog",
                     std::string("The catalog's fine-tuning entry has a non-numeric ") + key + ".");
  }
  return it->get<double>();
}

std::optional<std::string> text_at(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

Prices base_prices(const Model& m, const Instant& at) {
  const PriceSet& set = m.prices_at(at);
  auto base = [&](PriceKind k) -> std::optional<double> {
    const auto& p = set.price(k);
    return p ? std::optional<double>(p->base) : std::nullopt;
  };
  return {base(PriceKind::kInput), base(PriceKind::kCacheRead), base(PriceKind::kOutput)};
}

HostedQuote model_quote(const Model& m, const json& ft, const Dataset& d,
                        std::optional<double> rft_hours, const Instant& at) {
  HostedQuote q;
  q.provider = m.provider;
  q.model = m.id;
  q.label = text_at(ft, "snapshot").value_or(m.id);
  q.method = text_at(ft, "method").value_or("supervised");
  q.price_per_million = number_at(ft, "training_per_1m");
  q.price_per_hour = number_at(ft, "training_per_hour");
  q.billed_tokens = d.training_tokens();
  if (q.price_per_million) {
    q.cost = q.billed_tokens * *q.price_per_million / 1e6;
  } else if (q.price_per_hour && rft_hours) {
    q.cost = *rft_hours * *q.price_per_hour;
  }
  q.base = base_prices(m, at);
  if (auto tuned = ft.find("tuned"); tuned != ft.end() && tuned->is_object()) {
    q.tuned = Prices{number_at(*tuned, "input"), number_at(*tuned, "cache_read"),
                     number_at(*tuned, "output")};
  }
  q.new_jobs_until = text_at(ft, "new_jobs_until");
  q.source = text_at(ft, "source").value_or(m.source);
  q.as_of = text_at(ft, "as_of").value_or(m.as_of);
  q.confirmed = ft.value("confirmed", true);
  return q;
}

// Together's size brackets: the first whose upper bound holds the model.
void together_quotes(const Provider& p, const Dataset& d, double params_billions,
                     std::vector<HostedQuote>& out) {
  const json& ft = p.fine_tuning;
  auto tiers = ft.find("size_tiers");
  if (tiers == ft.end() || !tiers->is_array()) return;
  double lower = 0;
  for (const json& tier : *tiers) {
    auto max = number_at(tier, "max_params_b");
    if (!max) continue;
    if (params_billions <= *max) {
      for (const char* method : {"lora", "full"}) {
        HostedQuote q;
        q.provider = p.id;
        std::string bracket =
            lower == 0 ? "up to " + format_number(*max, 0) + "B"
                       : format_number(lower + 1, 0) + "–" + format_number(*max, 0) + "B";
        q.label =
            p.name + ", " + (std::string(method) == "lora" ? "LoRA" : "full") + ", " + bracket;
        q.method = method;
        q.price_per_million =
            number_at(tier, std::string(method) == "lora" ? "lora_sft_per_1m" : "full_sft_per_1m");
        q.billed_tokens = d.training_tokens() + d.evaluations * d.validation_tokens;
        if (q.price_per_million) q.cost = q.billed_tokens * *q.price_per_million / 1e6;
        q.source = text_at(ft, "source").value_or(p.source);
        q.as_of = text_at(ft, "as_of").value_or(p.as_of);
        q.confirmed = ft.value("confirmed", true);
        out.push_back(std::move(q));
      }
      return;
    }
    lower = *max;
  }
}

}  // namespace

Dataset make_dataset(double examples, double tokens_per_epoch, std::optional<double> epochs,
                     double validation_tokens, double evaluations) {
  Dataset d;
  d.examples = whole(examples, "examples", "The number of examples", 1, 1e9);
  d.tokens_per_epoch =
      whole(tokens_per_epoch, "tokens_per_epoch", "The dataset's tokens", 1, kMaxTokens);
  if (epochs) {
    d.epochs = static_cast<int>(whole(*epochs, "epochs", "The epochs", 1, kMaxEpochs));
  } else {
    d.epochs = *default_epochs(static_cast<std::size_t>(d.examples));
    d.default_epochs = true;
  }
  d.validation_tokens =
      whole(validation_tokens, "validation_tokens", "The validation tokens", 0, kMaxTokens);
  d.evaluations = whole(evaluations, "evaluations", "The evaluations", 0, 1000);
  return d;
}

std::vector<HostedQuote> hosted_quotes(const Catalog& catalog, const Dataset& dataset,
                                       std::optional<double> params_billions,
                                       std::optional<double> rft_hours, const Instant& at) {
  if (params_billions) {
    positive(*params_billions, "params_billions", "The model size (billions of parameters)",
             kMaxParamsBillions);
  }
  if (rft_hours) positive(*rft_hours, "rft_hours", "The training hours", 1e5);
  std::vector<HostedQuote> out;
  for (const Model& m : catalog.models) {
    auto ft = m.raw.find("fine_tuning");
    if (ft == m.raw.end() || !ft->is_object()) continue;
    out.push_back(model_quote(m, *ft, dataset, rft_hours, at));
  }
  if (params_billions) {
    for (const Provider& p : catalog.providers) {
      if (p.fine_tuning.is_object()) together_quotes(p, dataset, *params_billions, out);
    }
  }
  return out;
}

std::optional<TokenTrainingPrice> token_training_price(const Model& m) {
  auto ft = m.raw.find("fine_tuning");
  if (ft == m.raw.end() || !ft->is_object()) return std::nullopt;
  auto price = number_at(*ft, "training_per_1m");
  if (!price) return std::nullopt;
  return TokenTrainingPrice{*price, text_at(*ft, "source").value_or(m.source),
                            text_at(*ft, "as_of").value_or(m.as_of)};
}

Gpu make_gpu(std::string name, double peak_tflops, double utilization, double hourly_usd,
             double memory_gb) {
  Gpu g;
  g.name = std::move(name);
  g.peak_tflops = positive(peak_tflops, "gpu_tflops", "The GPU's peak TFLOPS", 1e5);
  g.utilization = positive(utilization, "utilization", "The utilisation", 1);
  g.hourly_usd = positive(hourly_usd, "gpu_hourly_usd", "The price per GPU-hour", 1e4);
  g.memory_gb = positive(memory_gb, "gpu_memory_gb", "The GPU's memory", 1e4);
  return g;
}

std::vector<SelfHostedMethod> self_hosted(double params_billions, double trainable_fraction,
                                          const Dataset& d, const Gpu& gpu) {
  positive(params_billions, "params_billions", "The model size (billions of parameters)",
           kMaxParamsBillions);
  positive(trainable_fraction, "trainable_fraction", "The trainable fraction", 1);
  const double n = params_billions * 1e9;
  const double t = d.training_tokens();
  const double f = trainable_fraction;
  const double flops_per_second = gpu.peak_tflops * 1e12 * gpu.utilization;
  const std::string nt =
      format_number(params_billions) + "B params × " + format_count(t) + " tokens";
  struct Spec {
    const char* method;
    double flops_factor;
    double bytes_per_param;
    std::string flops_text, memory_text;
  };
  const Spec specs[] = {
      {"full", 6, 16, "6 × " + nt, "16 bytes × params"},
      {"lora", 4 + 6 * f, 2 + 16 * f, "(4 + 6 × " + format_number(f, 4) + ") × " + nt,
       "2 bytes × params + 16 bytes × " + format_number(f, 4) + " × params"},
      {"qlora", 4 + 6 * f, 0.5 + 16 * f, "(4 + 6 × " + format_number(f, 4) + ") × " + nt,
       "0.5 bytes × params + 16 bytes × " + format_number(f, 4) + " × params"},
  };
  std::vector<SelfHostedMethod> out;
  for (const Spec& s : specs) {
    SelfHostedMethod r;
    r.method = s.method;
    r.flops = s.flops_factor * n * t;
    r.gpu_hours = r.flops / flops_per_second / 3600;
    r.cost = r.gpu_hours * gpu.hourly_usd;
    r.memory_gb = s.bytes_per_param * n / 1e9;
    r.gpus = static_cast<int>(std::max(1.0, std::ceil(r.memory_gb / gpu.memory_gb)));
    r.formula =
        "FLOPs = " + s.flops_text + "; memory = " + s.memory_text + " (activations not included)";
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace llmcalc::training
