#pragma once
// Bodies of relkit/gates/performance_report.hpp.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/gates/detail/json_report.hpp"
#include "relkit/gates/performance_report.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

[[nodiscard]] constexpr bool spec_name_byte(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ':' || c == '/' || c == '-';
}

// A k6 metric or stat name as a gate spec name (see the header).
inline void append_k6_name(std::string& out, std::string_view name) {
  std::size_t i = 0;
  if (name.size() > 3 && name[0] == 'p' && name[1] == '(' && name.back() == ')') {
    out += 'p';
    name = name.substr(2, name.size() - 3);
  }
  for (; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '{') {
      out += '.';
    } else if (c == '}') {
      if (i + 1 != name.size()) out += '_';
    } else {
      out += spec_name_byte(c) ? c : '_';
    }
  }
}

template <class Unused = void>
[[nodiscard]] relkit::result<evidence> read_k6(std::string_view text, const read_options& options) {
  const json_text doc(text);
  auto root = scan_top<>(doc, options, '{', "a k6 --summary-export report");
  if (!root) return std::move(root).error();
  const json_span metrics = doc.find(*root, "metrics");
  if (!metrics.is_object()) {
    return metrics.absent() ? wrong_format(doc, *root, "a k6 --summary-export report")
                            : bad_value(doc, metrics, "metrics", "an object");
  }
  evidence e;
  std::uint64_t thresholds_failed = 0;
  const auto each_stat = [&](const std::string& metric_name, json_span stat_key,
                             json_span value) -> relkit::result<void> {
    if (doc.equals(stat_key, "thresholds")) {
      if (!value.is_object()) return bad_value(doc, value, "metrics{}.thresholds", "an object");
      return for_each_member(doc, value, [&](json_span, json_span verdict) -> relkit::result<void> {
        if (!verdict.is_bool()) {
          return bad_value(doc, verdict, "metrics{}.thresholds{}", "true or false");
        }
        if (verdict.kind == 't') ++thresholds_failed;
        return {};
      });
    }
    if (!value.is_number()) return {};
    if (e.metrics.size() >= options.max_entries) return too_many(value, options, "metrics");
    metric m;
    m.name = "k6.";
    append_k6_name(m.name, metric_name);
    m.name += '.';
    append_k6_name(m.name, doc.string(stat_key));
    m.value = doc.number(value);
    if (metric_name == "http_req_duration" && doc.equals(stat_key, "p(95)")) {
      e.metrics.push_back(metric{"p95", m.value, {}, {}});
    }
    e.metrics.push_back(std::move(m));
    return {};
  };
  auto done = for_each_member(
      doc, metrics, [&](json_span metric_key, json_span stats) -> relkit::result<void> {
        if (!stats.is_object()) return bad_value(doc, stats, "metrics{}", "an object");
        const std::string metric_name = doc.string(metric_key);
        return for_each_member(doc, stats, [&](json_span stat_key, json_span value) {
          return each_stat(metric_name, stat_key, value);
        });
      });
  if (!done) return std::move(done).error();
  // Two k6 names made one by the renaming (or a repeated key) cannot both be kept.
  std::vector<const std::string*> names;
  names.reserve(e.metrics.size());
  for (const metric& m : e.metrics) names.push_back(&m.name);
  std::sort(names.begin(), names.end(),
            [](const std::string* a, const std::string* b) { return *a < *b; });
  for (std::size_t i = 1; i < names.size(); ++i) {
    if (*names[i] == *names[i - 1]) {
      return relkit::error{report_errc::conflicting_evidence, metrics.begin,
                           error_args().with_text("the metric").with_token(*names[i])};
    }
  }
  e.counts.push_back({"k6.thresholds_failed", thresholds_failed});
  return e;
}

template <class Unused = void>
[[nodiscard]] relkit::result<evidence> read_prometheus(std::string_view text, std::string_view name,
                                                       const read_options& options) {
  const json_text doc(text);
  constexpr const char* what = "a Prometheus query result";
  auto root = scan_top<>(doc, options, '{', what);
  if (!root) return std::move(root).error();
  const json_span status = doc.find(*root, "status");
  if (status.absent()) return wrong_format(doc, *root, what);
  if (!doc.equals(status, "success")) {
    const json_span message = doc.find(*root, "error");
    if (message.is_string()) return bad_value(doc, message, "error", "a successful query");
    return bad_value(doc, status, "status", "\"success\"");
  }
  const json_span data = doc.find(*root, "data");
  if (data.absent()) return missing_field(*root, "data");
  if (!data.is_object()) return bad_value(doc, data, "data", "an object");
  const json_span type = doc.find(data, "resultType");
  if (type.absent()) return missing_field(data, "data.resultType");
  const json_span result = doc.find(data, "result");
  if (result.absent()) return missing_field(data, "data.result");
  json_span pair;  // [time, "value"]
  if (doc.equals(type, "scalar")) {
    pair = result;
  } else if (doc.equals(type, "vector")) {
    if (!result.is_array()) return bad_value(doc, result, "data.result", "an array");
    std::size_t samples = 0;
    doc.items(result, [&](json_span sample) {
      if (++samples == 1) pair = doc.find(sample, "value");
      if (samples == 1 && pair.absent()) pair = sample;  // reported below
      return samples < 2;
    });
    if (samples == 0) return missing_field(result, "data.result[0]");
    if (samples > 1) {
      return relkit::error{report_errc::bad_value, result.begin,
                           error_args()
                               .with_text("data.result")
                               .with_text2("exactly one sample")
                               .with_token("several samples")};
    }
  } else {
    return bad_value(doc, type, "data.resultType", "\"scalar\" or \"vector\"");
  }
  json_span value;
  std::size_t n = 0;
  doc.items(pair, [&](json_span item) {
    if (++n == 2) value = item;
    return true;
  });
  if (!pair.is_array() || n != 2) return bad_value(doc, pair, "value", "[time, \"value\"]");
  if (!value.is_string()) return bad_value(doc, value, "value[1]", "a number in a string");
  const std::string_view t = doc.token(value);
  const auto parsed = relkit::detail::parse_decimal(t, 0, relkit::detail::decimal_grammar::js);
  if (parsed.status != relkit::detail::number_status::ok || parsed.end != t.size() ||
      !(parsed.value - parsed.value == 0)) {
    return bad_value(doc, value, "value[1]", "a finite number");
  }
  evidence e;
  e.metrics.push_back(metric{std::string(name), parsed.value, {}, {}});
  return e;
}

}  // namespace detail

template <class Unused>
result<evidence> read_k6(std::string_view text, const read_options& options) {
  return detail::read_k6<>(text, options);
}
template <class Unused>
result<evidence> read_prometheus(std::string_view text, std::string_view name,
                                 const read_options& options) {
  return detail::read_prometheus<>(text, name, options);
}

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
