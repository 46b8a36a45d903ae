#pragma once
// relkit::rollout: parse_plan, the reader of the plan text. Included at the
// end of relkit/rollout/plan_text.hpp.

#include "relkit/detail/prologue.hpp"

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/error.hpp"
#include "relkit/rollout/plan.hpp"
#include "relkit/rollout/plan_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {
namespace detail {

// A word of a line and its byte position in the text.
struct plan_word {
  std::string_view text;
  std::size_t at = 0;
};

inline relkit::error plan_text_error(std::size_t at, const char* before, std::string_view token,
                                     const char* after) noexcept {
  return relkit::error{errc::bad_plan_format, at,
                       relkit::error_args{}.with_text(before).with_token(token).with_text2(after)};
}

// The words of the line [start, end) of `text`: split at spaces and tabs, a
// word starting with '#' ends the line.
inline void plan_line_words(std::string_view text, std::size_t start, std::size_t end,
                            std::vector<plan_word>& words) {
  words.clear();
  std::size_t i = start;
  while (i < end) {
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i == end || text[i] == '#') return;
    std::size_t j = i;
    while (j < end && text[j] != ' ' && text[j] != '\t') ++j;
    words.push_back({text.substr(i, j - i), i});
    i = j;
  }
}

// An integer of at most 9 digits, '-' allowed when `negative_ok`.
inline std::optional<std::int32_t> plan_integer(std::string_view w, bool negative_ok) noexcept {
  const bool negative = negative_ok && w.size() > 1 && w[0] == '-';
  if (negative) w.remove_prefix(1);
  if (w.empty() || w.size() > 9) return std::nullopt;
  const auto n = relkit::detail::parse_uint(w);
  if (!n) return std::nullopt;
  const auto v = static_cast<std::int32_t>(*n);
  return negative ? -v : v;
}

// A finite decimal number ("0.95", "-2", "1e3").
inline std::optional<double> plan_number(std::string_view w) noexcept {
  const auto parsed = relkit::detail::parse_decimal(w, 0, relkit::detail::decimal_grammar::js);
  if (parsed.status != relkit::detail::number_status::ok || parsed.end != w.size() ||
      !std::isfinite(parsed.value)) {
    return std::nullopt;
  }
  return parsed.value;
}

// "90" (seconds), "30s", "10m", "1h", "1h30m": groups of at most 9 digits and
// a unit s, m or h; a bare number is seconds.
inline std::optional<std::chrono::seconds> plan_duration(std::string_view w) noexcept {
  if (w.empty()) return std::nullopt;
  if (const auto bare = plan_integer(w, false)) return std::chrono::seconds(*bare);
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < w.size()) {
    std::size_t j = i;
    while (j < w.size() && w[j] >= '0' && w[j] <= '9') ++j;
    if (j == i || j - i > 9 || j == w.size()) return std::nullopt;
    const auto n = static_cast<std::int64_t>(*relkit::detail::parse_uint(w.substr(i, j - i)));
    const char unit = w[j];
    if (unit == 's') {
      total += n;
    } else if (unit == 'm') {
      total += n * 60;
    } else if (unit == 'h') {
      total += n * 3600;
    } else {
      return std::nullopt;
    }
    i = j + 1;
  }
  return std::chrono::seconds(total);
}

inline std::optional<bool> plan_bool(std::string_view w) noexcept {
  if (w == "true") return true;
  if (w == "false") return false;
  return std::nullopt;
}

// Which analysis the `metric` and `judge` lines below an opener belong to.
enum class plan_target : std::uint8_t { none, step, background, pre_promotion, post_promotion };

template <class Unused>
class plan_reader {
 public:
  plan_reader(std::string_view text, const parse_options& options)
      : text_(text), options_(options) {}

  result<plan_document> read() {
    if (text_.size() > options_.max_bytes) {
      return plan_text_error(options_.max_bytes, "the plan text is larger than its limit", {}, "");
    }
    std::vector<plan_word> words;
    for (std::size_t start = 0; start < text_.size();) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      const std::size_t next = end + 1;
      if (end > start && text_[end - 1] == '\r') --end;
      plan_line_words(text_, start, end, words);
      start = next;
      if (words.empty()) continue;
      if (auto e = directive(words)) return std::move(*e);
    }
    if (!strategy_) {
      return plan_text_error(text_.size(), "expected \"strategy canary\", \"strategy blue_green\"",
                             {}, " or \"strategy progressive\"");
    }
    return finish();
  }

 private:
  using error_or_none = std::optional<relkit::error>;

  // ---- the values of a line

  error_or_none arity(const std::vector<plan_word>& w, std::size_t count) const {
    if (w.size() < count) return plan_text_error(w.back().at, "'", w[0].text, "' needs a value");
    if (w.size() > count) return plan_text_error(w[count].at, "unexpected '", w[count].text, "'");
    return std::nullopt;
  }
  static relkit::error expected(const plan_word& w, const char* what) {
    return plan_text_error(w.at, what, w.text, "'");
  }
  error_or_none once(const plan_word& w) {
    for (const std::string_view s : seen_) {
      if (s == w.text) return plan_text_error(w.at, "'", w.text, "' given twice");
    }
    seen_.push_back(w.text);
    settings_at_.emplace_back(w.text, w.at);
    return std::nullopt;
  }
  template <class T>
  error_or_none integer(const plan_word& w, T& out, bool negative_ok = false) {
    const auto v = plan_integer(w.text, negative_ok);
    if (!v) return expected(w, "expected an integer, got '");
    if constexpr (std::is_same_v<T, std::int32_t>) {
      out = *v;
    } else {
      out = static_cast<T>(*v);
    }
    return std::nullopt;
  }
  error_or_none duration(const plan_word& w, std::chrono::seconds& out) {
    const auto v = plan_duration(w.text);
    if (!v) return expected(w, "expected a duration (30s, 10m, 1h30m or seconds), got '");
    out = *v;
    return std::nullopt;
  }
  error_or_none boolean(const plan_word& w, bool& out) {
    const auto v = plan_bool(w.text);
    if (!v) return expected(w, "expected true or false, got '");
    out = *v;
    return std::nullopt;
  }

  // ---- directives

  error_or_none directive(const std::vector<plan_word>& w) {
    const std::string_view d = w[0].text;
    if (!strategy_) {
      if (d != "strategy") {
        return plan_text_error(
            w[0].at, "expected \"strategy canary|blue_green|progressive\" before '", d, "'");
      }
      if (auto e = arity(w, 2)) return e;
      strategy_ = parse_strategy(w[1].text);
      if (!strategy_) {
        return plan_text_error(w[1].at, "unknown strategy '", w[1].text,
                               "' (canary, blue_green, progressive)");
      }
      strategy_at_ = w[0].at;
      return std::nullopt;
    }
    if (d == "strategy") return plan_text_error(w[0].at, "'", d, "' given twice");
    if (d == "progressDeadlineSeconds" || d == "scaleDownDelaySeconds" ||
        d == "abortScaleDownDelaySeconds") {
      if (auto e = arity(w, 2)) return e;
      if (auto e = once(w[0])) return e;
      std::int64_t seconds = 0;
      if (auto e = integer(w[1], seconds)) return e;
      (d == "progressDeadlineSeconds" ? options_set_.progress_deadline
       : d == "scaleDownDelaySeconds" ? options_set_.scale_down_delay
                                      : options_set_.abort_scale_down_delay) =
          std::chrono::seconds(seconds);
      return std::nullopt;
    }
    if (d == "progressDeadlineAbort") {
      if (auto e = arity(w, 2)) return e;
      if (auto e = once(w[0])) return e;
      return boolean(w[1], options_set_.progress_deadline_abort);
    }
    if (d == "metric") return metric(w);
    if (d == "judge") return judge(w);
    switch (*strategy_) {
      case strategy::canary:
        return canary_directive(w);
      case strategy::blue_green:
        return blue_green_directive(w);
      case strategy::progressive:
        return progressive_directive(w);
    }
    return std::nullopt;
  }

  relkit::error not_here(const plan_word& w) const {
    static constexpr std::string_view known[] = {"setWeight",
                                                 "pause",
                                                 "analysis",
                                                 "backgroundAnalysis",
                                                 "autoPromotionEnabled",
                                                 "autoPromotionSeconds",
                                                 "previewReplicaCount",
                                                 "prePromotionAnalysis",
                                                 "postPromotionAnalysis",
                                                 "interval",
                                                 "threshold",
                                                 "maxWeight",
                                                 "stepWeight",
                                                 "stepWeights",
                                                 "confirmPromotion"};
    for (const std::string_view k : known) {
      if (k == w.text) {
        return plan_text_error(w.at, "'", w.text, "' is not a directive of this strategy");
      }
    }
    return plan_text_error(w.at, "unknown directive '", w.text, "'");
  }

  // Opens an analysis named w[1] that `metric` / `judge` lines fill.
  void open(plan_target target, rollout::analysis_spec& a, const std::vector<plan_word>& w,
            analysis_slot slot, std::size_t step) {
    a.name = std::string(w[1].text);
    target_ = target;
    current_ = &a;
    conditions_.push_back({slot, step, {}});
    current_conditions_ = conditions_.size() - 1;
    judged_ = false;
  }

  error_or_none canary_directive(const std::vector<plan_word>& w) {
    const std::string_view d = w[0].text;
    auto& steps = canary_.steps;
    if (d == "setWeight" || d == "pause" || d == "analysis") {
      if (steps.size() == options_.max_steps) {
        return plan_text_error(w[0].at, "more steps than the limit, at '", d, "'");
      }
    }
    if (d == "setWeight") {
      if (auto e = arity(w, 2)) return e;
      std::int32_t weight = 0;
      if (auto e = integer(w[1], weight, true)) return e;
      steps.push_back(steps::set_weight(weight));
      step_at_.push_back(w[0].at);
      target_ = plan_target::none;
      return std::nullopt;
    }
    if (d == "pause") {
      if (w.size() > 2) return plan_text_error(w[2].at, "unexpected '", w[2].text, "'");
      if (w.size() == 1) {
        steps.push_back(steps::pause());
      } else {
        std::chrono::seconds length{0};
        if (auto e = duration(w[1], length)) return e;
        steps.push_back(steps::pause(length));
      }
      step_at_.push_back(w[0].at);
      target_ = plan_target::none;
      return std::nullopt;
    }
    if (d == "analysis") {
      if (auto e = arity(w, 2)) return e;
      steps.push_back(steps::analyze({}));
      step_at_.push_back(w[0].at);
      open(plan_target::step, steps.back().analysis, w, analysis_slot::step, steps.size() - 1);
      return std::nullopt;
    }
    if (d == "backgroundAnalysis") {
      if (auto e = once(w[0])) return e;
      if (w.size() < 2) return plan_text_error(w[0].at, "'", d, "' needs a value");
      background_analysis bg;
      for (std::size_t i = 2; i < w.size(); i += 2) {
        if (w[i].text != "startingStep" && w[i].text != "endStep") {
          return plan_text_error(w[i].at, "unexpected '", w[i].text,
                                 "' (startingStep N, endStep N)");
        }
        if (i + 1 == w.size()) return plan_text_error(w[i].at, "'", w[i].text, "' needs a value");
        std::size_t n = 0;
        if (auto e = integer(w[i + 1], n)) return e;
        if (w[i].text == "startingStep") {
          bg.first_step = n;
        } else {
          bg.end_step = n;
        }
      }
      canary_.background = std::move(bg);
      background_at_ = w[0].at;
      open(plan_target::background, canary_.background->analysis, w, analysis_slot::background,
           canary_.background->first_step);
      return std::nullopt;
    }
    return not_here(w[0]);
  }

  error_or_none blue_green_directive(const std::vector<plan_word>& w) {
    const std::string_view d = w[0].text;
    if (d == "autoPromotionEnabled") {
      if (auto e = arity(w, 2)) return e;
      if (auto e = once(w[0])) return e;
      return boolean(w[1], blue_green_.auto_promotion);
    }
    if (d == "autoPromotionSeconds") {
      if (auto e = arity(w, 2)) return e;
      if (auto e = once(w[0])) return e;
      std::int64_t seconds = 0;
      if (auto e = integer(w[1], seconds)) return e;
      blue_green_.auto_promotion_delay = std::chrono::seconds(seconds);
      return std::nullopt;
    }
    if (d == "previewReplicaCount") {
      if (auto e = arity(w, 2)) return e;
      if (auto e = once(w[0])) return e;
      return integer(w[1], blue_green_.preview_replicas);
    }
    if (d == "prePromotionAnalysis" || d == "postPromotionAnalysis") {
      if (auto e = arity(w, 2)) return e;
      if (auto e = once(w[0])) return e;
      const bool pre = d == "prePromotionAnalysis";
      auto& slot = pre ? blue_green_.pre_promotion : blue_green_.post_promotion;
      slot = rollout::analysis_spec{};
      (pre ? pre_at_ : post_at_) = w[0].at;
      open(pre ? plan_target::pre_promotion : plan_target::post_promotion, *slot, w,
           analysis_slot::step, pre ? 0 : 2);
      return std::nullopt;
    }
    return not_here(w[0]);
  }

  error_or_none progressive_directive(const std::vector<plan_word>& w) {
    const std::string_view d = w[0].text;
    auto& p = progressive_;
    if (d == "stepWeights") {
      if (auto e = once(w[0])) return e;
      if (w.size() < 2) return plan_text_error(w[0].at, "'", d, "' needs a value");
      for (std::size_t i = 1; i < w.size(); ++i) {
        std::string_view list = w[i].text;
        std::size_t at = w[i].at;
        while (!list.empty()) {
          const std::size_t comma = list.find(',');
          const plan_word item{list.substr(0, comma), at};
          std::int32_t weight = 0;
          if (auto e = integer(item, weight, true)) return e;
          if (p.step_weights.size() == options_.max_steps) {
            return plan_text_error(item.at, "more steps than the limit, at '", item.text, "'");
          }
          p.step_weights.push_back(weight);
          if (comma == std::string_view::npos) break;
          list.remove_prefix(comma + 1);
          at += comma + 1;
        }
      }
      return std::nullopt;
    }
    if (d != "interval" && d != "threshold" && d != "maxWeight" && d != "stepWeight" &&
        d != "confirmPromotion") {
      return not_here(w[0]);
    }
    if (auto e = arity(w, 2)) return e;
    if (d == "interval") {
      if (auto e = once(w[0])) return e;
      return duration(w[1], p.interval);
    }
    if (d == "threshold") {
      if (auto e = once(w[0])) return e;
      return integer(w[1], p.threshold);
    }
    if (d == "maxWeight") {
      if (auto e = once(w[0])) return e;
      return integer(w[1], p.max_weight, true);
    }
    if (d == "stepWeight") {
      if (auto e = once(w[0])) return e;
      return integer(w[1], p.step_weight, true);
    }
    if (d == "confirmPromotion") {
      if (auto e = once(w[0])) return e;
      return boolean(w[1], p.confirm_promotion);
    }
    return not_here(w[0]);
  }

  // metric NAME [KEY VALUE]...
  error_or_none metric(const std::vector<plan_word>& w) {
    const bool progressive = *strategy_ == strategy::progressive;
    if (!progressive && target_ == plan_target::none) {
      return plan_text_error(w[0].at, "'", w[0].text,
                             "' outside an analysis (write it below analysis, "
                             "backgroundAnalysis, prePromotionAnalysis or postPromotionAnalysis)");
    }
    if (w.size() < 2) return plan_text_error(w[0].at, "'", w[0].text, "' needs a value");
    if (progressive && conditions_.empty()) conditions_.push_back({analysis_slot::step, 0, {}});
    auto& checks = conditions_[progressive ? 0 : current_conditions_].metrics;
    for (const metric_conditions& c : checks) {
      if (c.metric == w[1].text) {
        return plan_text_error(w[1].at, "metric '", w[1].text, "' given twice in this analysis");
      }
    }
    if (!progressive && judged_) {
      return plan_text_error(w[0].at, "'", w[0].text,
                             "' in an analysis that has a judge (metrics or a judge, not both)");
    }
    rollout::metric m;
    m.name = std::string(w[1].text);
    metric_conditions c;
    c.metric = m.name;
    for (std::size_t i = 2; i < w.size(); i += 2) {
      const std::string_view key = w[i].text;
      const bool condition_key = key == "successCondition" || key == "failureCondition";
      const std::size_t values = condition_key ? 2 : 1;
      if (i + values >= w.size()) {
        return plan_text_error(w[i].at, "'", key, "' needs a value");
      }
      const plan_word& v = w[i + 1];
      if (condition_key) {
        const auto op = parse_wire_comparison(v.text);
        if (!op) return expected(v, "expected <, <=, >, >=, == or !=, got '");
        const auto number = plan_number(w[i + 2].text);
        if (!number) return expected(w[i + 2], "expected a number, got '");
        (key == "successCondition" ? c.success : c.failure) = condition{*op, *number};
        i += 1;
        continue;
      }
      if (progressive && (key == "min" || key == "max")) {
        const auto number = plan_number(v.text);
        if (!number) return expected(v, "expected a number, got '");
        if (key == "min") {
          c.success = condition{comparison::greater_equal, *number};
        } else {
          c.failure = condition{comparison::greater, *number};
        }
        continue;
      }
      if (progressive) {
        return plan_text_error(w[i].at, "unknown field '", key,
                               "' of a progressive check (min, max, successCondition, "
                               "failureCondition)");
      }
      if (key == "count") {
        std::uint32_t n = 0;
        if (auto e = integer(v, n)) return e;
        m.count = n;
      } else if (key == "interval") {
        std::chrono::seconds d{0};
        if (auto e = duration(v, d)) return e;
        m.interval = d;
      } else if (key == "failureLimit") {
        if (auto e = integer(v, m.failure_limit, true)) return e;
      } else if (key == "inconclusiveLimit") {
        if (auto e = integer(v, m.inconclusive_limit, true)) return e;
      } else if (key == "consecutiveErrorLimit") {
        if (auto e = integer(v, m.consecutive_error_limit, true)) return e;
      } else if (key == "consecutiveSuccessLimit") {
        if (auto e = integer(v, m.consecutive_success_limit, true)) return e;
      } else if (key == "dryRun") {
        if (auto e = boolean(v, m.dry_run)) return e;
      } else {
        return plan_text_error(w[i].at, "unknown metric field '", key, "'");
      }
    }
    checks.push_back(std::move(c));
    if (!progressive) current_->metrics.push_back(std::move(m));
    return std::nullopt;
  }

  // judge [marginal N] [pass N] [intervals N]: the analysis is a Kayenta judge.
  error_or_none judge(const std::vector<plan_word>& w) {
    if (target_ == plan_target::none || *strategy_ == strategy::progressive) {
      return plan_text_error(w[0].at, "'", w[0].text,
                             "' outside an analysis (write it below analysis, "
                             "backgroundAnalysis, prePromotionAnalysis or postPromotionAnalysis)");
    }
    if (judged_ || !current_->metrics.empty()) {
      return plan_text_error(w[0].at, "'", w[0].text,
                             "' in an analysis that has metrics or a judge already");
    }
    current_->kind = analysis_kind::kayenta;
    judged_ = true;
    for (std::size_t i = 1; i < w.size(); i += 2) {
      const std::string_view key = w[i].text;
      if (i + 1 == w.size()) return plan_text_error(w[i].at, "'", key, "' needs a value");
      if (key == "intervals") {
        if (auto e = integer(w[i + 1], current_->thresholds.intervals)) return e;
        continue;
      }
      if (key != "marginal" && key != "pass") {
        return plan_text_error(w[i].at, "unknown judge field '", key,
                               "' (marginal, pass, intervals)");
      }
      const auto number = plan_number(w[i + 1].text);
      if (!number) return expected(w[i + 1], "expected a number, got '");
      (key == "marginal" ? current_->thresholds.marginal : current_->thresholds.pass) = *number;
    }
    return std::nullopt;
  }

  // ---- make_plan and the position of its errors

  result<plan_document> finish() {
    canary_.options = options_set_;
    blue_green_.options = options_set_;
    progressive_.options = options_set_;
    result<plan> made = *strategy_ == strategy::canary       ? make_plan(std::move(canary_))
                        : *strategy_ == strategy::blue_green ? make_plan(std::move(blue_green_))
                                                             : make_plan(std::move(progressive_));
    if (!made) {
      relkit::error e = std::move(made).error();
      e.position = position_of(e);
      return e;
    }
    plan_document doc;
    doc.validated = std::move(*made);
    doc.conditions = std::move(conditions_);
    return doc;
  }

  std::size_t setting_at(std::string_view name) const noexcept {
    for (const auto& s : settings_at_) {
      if (s.first == name) return s.second;
    }
    return strategy_at_;
  }

  // make_plan names the spec field (text) or the analysis's place (token); the
  // plan text's line for it.
  std::size_t position_of(const relkit::error& e) const noexcept {
    const std::string_view text = e.args.text();
    static constexpr std::pair<std::string_view, std::string_view> fields[] = {
        {"progress_deadline", "progressDeadlineSeconds"},
        {"scale_down_delay", "scaleDownDelaySeconds"},
        {"abort_scale_down_delay", "abortScaleDownDelaySeconds"},
        {"auto_promotion_delay", "autoPromotionSeconds"},
        {"preview_replicas", "previewReplicaCount"},
        {"step_weight", "stepWeight"},
        {"max_weight", "maxWeight"},
        {"step_weights", "stepWeights"},
        {"threshold", "threshold"},
        {"interval", "interval"}};
    for (const auto& f : fields) {
      if (text == f.first) return setting_at(f.second);
    }
    const std::string_view token = e.args.token();
    const auto ends_with = [&token](std::string_view tail) {
      return token.size() >= tail.size() && token.substr(token.size() - tail.size()) == tail;
    };
    if (e.code == errc::bad_background_span || ends_with("(background)")) return background_at_;
    if (ends_with("(pre_promotion)")) return pre_at_;
    if (ends_with("(post_promotion)")) return post_at_;
    if (e.code == errc::bad_step_weights) return setting_at("stepWeights");
    const auto index = static_cast<std::size_t>(e.args.number());
    if (*strategy_ == strategy::canary && index < step_at_.size()) return step_at_[index];
    return strategy_at_;
  }

  std::string_view text_;
  parse_options options_;
  std::optional<strategy> strategy_;
  std::size_t strategy_at_ = 0;
  canary_spec canary_;
  blue_green_spec blue_green_;
  progressive_spec progressive_;
  settings options_set_;
  std::vector<analysis_conditions> conditions_;
  std::vector<std::string_view> seen_;
  std::vector<std::pair<std::string_view, std::size_t>> settings_at_;
  std::vector<std::size_t> step_at_;
  std::size_t background_at_ = 0;
  std::size_t pre_at_ = 0;
  std::size_t post_at_ = 0;
  plan_target target_ = plan_target::none;
  rollout::analysis_spec* current_ = nullptr;
  std::size_t current_conditions_ = 0;
  bool judged_ = false;
};

}  // namespace detail

template <class Unused>
result<plan_document> parse_plan(std::string_view text, const parse_options& options) {
  return detail::plan_reader<Unused>(text, options).read();
}

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
