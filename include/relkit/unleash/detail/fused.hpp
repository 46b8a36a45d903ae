#pragma once
// Reading a client-API payload in one pass (issue 18): the JSON is checked
// and the flags are built as the text is read, without the checking scan and
// its index (relkit/detail/json_scan.hpp) and without reading any value
// twice. It answers only payloads the checking reader (read.hpp) would read
// without an error, and reads them to the same flags and segments: on
// anything else (a JSON error, a limit reached, a field of the wrong type, a
// member name repeated or escaped, a delta payload) it gives up, and load()
// reads the text again with the checking reader, which says what is wrong.
// It also gives up when what it holds grows beyond four times the text it
// has read (an adversarial payload): the checking reader counts each list
// before reading it.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/json.hpp"
#include "relkit/detail/json_scan.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/flags/flag.hpp"
#include "relkit/unleash/detail/read.hpp"

RELKIT_NAMESPACE_BEGIN
namespace unleash {
namespace detail {

// Options: load_options (relkit/unleash/load.hpp, which includes this file
// through its bodies).
template <class Options, class Unused = void>
class fused_reader {
 public:
  fused_reader(const relkit::detail::json_text& text, const Options& options) noexcept
      : text_(text), in_(text.input()), options_(options) {}

  // The payload's features and segments; false when the checking reader
  // must read it.
  [[nodiscard]] bool read(std::vector<flags::flag>& features,
                          std::vector<flags::segment>& segments) {
    if (in_.size() > options_.max_bytes || options_.max_depth > 256) return false;
    pos_ = skip_space(0);
    if (!begin_value() || at() != '{') return false;
    unsigned seen = 0;
    const bool ok = members([&](std::string_view key) {
      if (is(key, "features")) return once(seen, 1U) && feature_list(features);
      if (is(key, "segments")) return once(seen, 2U) && list(segments, &fused_reader::segment);
      if (is(key, "version")) {
        if (!once(seen, 4U)) return false;
        relkit::detail::json_span v;
        if (!scalar(v) && !skip()) return false;
        if (!v.is_number()) return true;  // a version of another type is 0
        return static_cast<bool>(integer_of(node_of(v), "\"version\"", INT32_MIN, INT32_MAX));
      }
      if (is(key, "events")) return false;  // a delta payload
      return skip();
    });
    release();
    if (!ok || skip_space(pos_) != in_.size()) return false;
    return features.size() <= options_.max_features;
  }

  [[nodiscard]] entry_budget& entries() noexcept { return entries_; }

 private:
  const relkit::detail::json_text& text_;
  std::string_view in_;
  const Options& options_;
  std::size_t pos_ = 0;
  std::size_t values_ = 0;
  std::size_t depth_ = 0;
  std::size_t held_ = 0;  // bytes of the flags and segments, about
  entry_budget entries_{options_.max_entries};

  // A list's items as they are read, reused from list to list.
  template <class T>
  struct scratch {
    std::vector<T> items;
    bool busy = false;
  };
  scratch<flags::flag> flags_;
  scratch<flags::strategy> strategies_;
  scratch<flags::constraint> constraints_;
  scratch<flags::variant> variants_;
  scratch<flags::variant_override> overrides_;
  scratch<flags::dependency> dependencies_;
  scratch<flags::segment> segments_;
  scratch<std::string> strings_;
  void release() noexcept {
    flags_.items = {};
    strategies_.items = {};
    constraints_.items = {};
    variants_.items = {};
    overrides_.items = {};
    dependencies_.items = {};
    segments_.items = {};
    strings_.items = {};
  }
  scratch<flags::flag>& scratch_of(flags::flag*) noexcept { return flags_; }
  scratch<flags::strategy>& scratch_of(flags::strategy*) noexcept { return strategies_; }
  scratch<flags::constraint>& scratch_of(flags::constraint*) noexcept { return constraints_; }
  scratch<flags::variant>& scratch_of(flags::variant*) noexcept { return variants_; }
  scratch<flags::variant_override>& scratch_of(flags::variant_override*) noexcept {
    return overrides_;
  }
  scratch<flags::dependency>& scratch_of(flags::dependency*) noexcept { return dependencies_; }
  scratch<flags::segment>& scratch_of(flags::segment*) noexcept { return segments_; }

  [[nodiscard]] char at() const noexcept { return pos_ < in_.size() ? in_[pos_] : '\0'; }
  [[nodiscard]] std::size_t skip_space(std::size_t pos) const noexcept {
    return relkit::detail::json::skip_space(in_, pos);
  }
  [[nodiscard]] node node_of(const relkit::detail::json_span& s) const noexcept {
    return node{&text_, s};
  }
  // key == lit, inline (a constant length: no call to memcmp).
  template <std::size_t N>
  [[nodiscard]] static bool is(std::string_view key, const char (&lit)[N]) noexcept {
    return key.size() == N - 1 && std::memcmp(key.data(), lit, N - 1) == 0;
  }
  // A known member once per object: a repeated one is the checking reader's.
  [[nodiscard]] static bool once(unsigned& seen, unsigned bit) noexcept {
    if ((seen & bit) != 0) return false;
    seen |= bit;
    return true;
  }
  [[nodiscard]] bool begin_value() noexcept {
    return pos_ < in_.size() && ++values_ <= options_.max_values;
  }
  [[nodiscard]] bool hold(std::size_t bytes) noexcept {
    held_ += bytes;
    return held_ <= 4 * pos_ + (std::size_t{64} << 10U);
  }
  [[nodiscard]] bool draw_entries(std::size_t n) noexcept {
    if (n > entries_.limit - entries_.used) return false;
    entries_.used += n;
    return true;
  }

  // The string, number or literal at pos_ into `s`; false (pos_ unmoved) for
  // an array, an object or a JSON error.
  [[nodiscard]] bool scalar(relkit::detail::json_span& s) {
    s = relkit::detail::json_span{};
    const char c = at();
    s.begin = pos_;
    if (c == '"') {
      const std::size_t i = relkit::detail::json::plain_run(in_, pos_ + 1);
      if (i >= in_.size()) return false;
      if (in_[i] == '"') {
        s.end = i + 1;
      } else {
        auto end = relkit::detail::json::lex_string<>(in_, pos_, nullptr);
        if (!end) return false;
        s.end = *end;
        s.escaped = true;
      }
      s.kind = '"';
    } else if (c == 't' || c == 'f' || c == 'n') {
      const std::string_view word = c == 't' ? "true" : (c == 'f' ? "false" : "null");
      if (in_.substr(pos_, word.size()) != word) return false;
      s.end = pos_ + word.size();
      s.kind = c;
    } else if (c >= '1' && c <= '9') {
      // Up to 15 digits and no fraction or exponent: a JSON number as it is
      // (lex_number would agree); anything else is lexed in full.
      std::size_t i = pos_ + 1;
      while (i < in_.size() && in_[i] >= '0' && in_[i] <= '9' && i - pos_ < 16) ++i;
      if (i - pos_ < 16 && (i >= in_.size() || (in_[i] != '.' && in_[i] != 'e' && in_[i] != 'E' &&
                                                (in_[i] < '0' || in_[i] > '9')))) {
        s.end = i;
      } else {
        auto n = relkit::detail::json::lex_number(in_, pos_);
        if (!n) return false;
        s.end = n->end;
      }
      s.kind = '0';
    } else if (c == '-' || c == '0') {
      auto n = relkit::detail::json::lex_number(in_, pos_);
      if (!n) return false;
      s.end = n->end;
      s.kind = '0';
    } else {
      return false;
    }
    pos_ = s.end;
    return true;
  }

  // f(key) for each member of the object at pos_ (its value begun), which
  // reads the value; false on a JSON error or when f answers false.
  template <class F>
  [[nodiscard]] bool members(F&& f) {
    if (depth_ >= options_.max_depth) return false;
    ++depth_;
    pos_ = skip_space(pos_ + 1);
    if (at() == '}') {
      ++pos_;
      --depth_;
      return true;
    }
    while (true) {
      if (at() != '"') return false;
      const std::size_t i = relkit::detail::json::plain_run(in_, pos_ + 1);
      if (i >= in_.size() || in_[i] != '"') return false;  // escaped: the checking reader's
      const std::string_view key = in_.substr(pos_ + 1, i - pos_ - 1);
      pos_ = skip_space(i + 1);
      if (at() != ':') return false;
      pos_ = skip_space(pos_ + 1);
      if (!begin_value() || !f(key)) return false;
      pos_ = skip_space(pos_);
      if (at() == ',') {
        pos_ = skip_space(pos_ + 1);
        continue;
      }
      if (at() != '}') return false;
      ++pos_;
      --depth_;
      return true;
    }
  }

  // f() for each item of the array at pos_ (its value begun), which reads
  // the item.
  template <class F>
  [[nodiscard]] bool items(F&& f) {
    if (depth_ >= options_.max_depth) return false;
    ++depth_;
    pos_ = skip_space(pos_ + 1);
    if (at() == ']') {
      ++pos_;
      --depth_;
      return true;
    }
    while (true) {
      if (!begin_value() || !f()) return false;
      pos_ = skip_space(pos_);
      if (at() == ',') {
        pos_ = skip_space(pos_ + 1);
        continue;
      }
      if (at() != ']') return false;
      ++pos_;
      --depth_;
      return true;
    }
  }

  // Checks the value at pos_ and moves past it.
  [[nodiscard]] bool skip() {
    const char c = at();
    if (c == '{') return members([&](std::string_view) { return skip(); });
    if (c == '[') return items([&] { return skip(); });
    relkit::detail::json_span s;
    return scalar(s);
  }

  // The value at pos_ as a scalar read by read_text (absent when null).
  [[nodiscard]] bool text_field(const char* name, std::string& out) {
    relkit::detail::json_span s;
    if (!scalar(s)) return false;
    if (s.is_string() && !s.escaped) {
      out.assign(in_.data() + s.begin + 1, s.end - s.begin - 2);
      return out.size() < 16 || hold(out.size() + 1);
    }
    if (!read_text<Unused>(node_of(s), name, out)) return false;
    return out.size() < 16 || hold(out.size() + 1);
  }
  [[nodiscard]] bool bool_field(bool& out) {
    relkit::detail::json_span s;
    if (!scalar(s)) return false;
    if (s.is_null()) return true;
    if (!s.is_bool()) return false;
    out = s.kind == 't';
    return true;
  }
  // A list field: null leaves it; an array's items read by `read`, each
  // drawing an entry (`counted`).
  template <class T, class Read>
  [[nodiscard]] bool list(std::vector<T>& out, Read read_one, bool counted = false) {
    if (at() != '[') {
      relkit::detail::json_span s;
      return scalar(s) && s.is_null();
    }
    scratch<T>& buffer = scratch_of(static_cast<T*>(nullptr));
    if (buffer.busy) {  // not in this schema: a list inside one of its own type
      return items([&] {
        if ((counted && !draw_entries(1)) || !hold(sizeof(T))) return false;
        return (this->*read_one)(out.emplace_back());
      });
    }
    // Read into the reused buffer, then moved into `out` at its size: one
    // allocation and no spare capacity, as the checking reader's count.
    buffer.busy = true;
    buffer.items.clear();
    const bool ok = items([&] {
      if ((counted && !draw_entries(1)) || !hold(sizeof(T))) return false;
      return (this->*read_one)(buffer.items.emplace_back());
    });
    buffer.busy = false;
    if (!ok) return false;
    out.reserve(out.size() + buffer.items.size());
    out.insert(out.end(), std::make_move_iterator(buffer.items.begin()),
               std::make_move_iterator(buffer.items.end()));
    return true;
  }
  // The features, read straight into `out`. A vector grown by doubling
  // would hold up to twice the flags (and both copies while it grows): after
  // the first 64, `out` is reserved to the count the bytes read so far
  // predict for the rest of the text, at most one flag per 128 bytes (so
  // the reservation stays below twice the text); a prediction short of the
  // count grows by doubling from there, one beyond it is given back when it
  // is more than an eighth (as the checking reader's count would have it).
  [[nodiscard]] bool feature_list(std::vector<flags::flag>& out) {
    if (at() != '[') {
      relkit::detail::json_span s;
      return scalar(s) && s.is_null();
    }
    constexpr std::size_t sample = 64;
    const std::size_t first = out.size();
    const std::size_t begin = pos_;
    out.reserve(first + sample);
    const bool ok = items([&] {
      if (out.size() - first == sample) {
        const std::size_t per_flag = (pos_ - begin) / sample + 1;
        const std::size_t rest = (in_.size() - pos_) / (per_flag < 128 ? 128 : per_flag);
        out.reserve(out.size() + rest + rest / 64 + 1);
      }
      if (out.size() - first >= options_.max_features || !hold(sizeof(flags::flag))) return false;
      return feature(out.emplace_back());
    });
    if (!ok) return false;
    if (out.capacity() - out.size() > out.size() / 8) out.shrink_to_fit();
    return true;
  }

  [[nodiscard]] bool string_item(std::vector<std::string>& out) {
    relkit::detail::json_span s;
    if (!draw_entries(1) || !scalar(s)) return false;
    if (s.is_null()) return true;
    std::string text;
    if (!scalar_text<Unused>(node_of(s), text)) return false;
    if (!hold(sizeof(std::string) + (text.size() < 16 ? 0 : text.size() + 1))) return false;
    out.push_back(std::move(text));
    return true;
  }
  [[nodiscard]] bool string_list(std::vector<std::string>& out) {
    if (at() != '[') {
      relkit::detail::json_span s;
      return scalar(s) && s.is_null();
    }
    scratch<std::string>& buffer = strings_;
    if (buffer.busy) return items([&] { return string_item(out); });
    buffer.busy = true;
    buffer.items.clear();
    const bool ok = items([&] { return string_item(buffer.items); });
    buffer.busy = false;
    if (!ok) return false;
    out.reserve(out.size() + buffer.items.size());
    out.insert(out.end(), std::make_move_iterator(buffer.items.begin()),
               std::make_move_iterator(buffer.items.end()));
    return true;
  }

  [[nodiscard]] bool constraint(flags::constraint& c) {
    if (at() != '{') return false;
    unsigned seen = 0;
    // an absent operator is parse_wire_operator_kind("")'s: unknown
    c.op = flags::parse_wire_operator_kind("").value_or(flags::operator_kind::unknown);
    return members([&](std::string_view key) {
      if (is(key, "contextName"))
        return once(seen, 1U) && text_field("contextName", c.context_name);
      if (is(key, "operator")) {
        std::string op;
        if (!once(seen, 2U) || !text_field("operator", op)) return false;
        c.op = flags::parse_wire_operator_kind(op).value_or(flags::operator_kind::unknown);
        return true;
      }
      if (is(key, "values")) return once(seen, 4U) && string_list(c.values);
      if (is(key, "value")) return once(seen, 8U) && text_field("value", c.value);
      if (is(key, "inverted")) return once(seen, 16U) && bool_field(c.inverted);
      if (is(key, "caseInsensitive")) return once(seen, 32U) && bool_field(c.case_insensitive);
      return skip();
    });
  }

  [[nodiscard]] bool override_of(flags::variant_override& o) {
    if (at() != '{') return false;
    unsigned seen = 0;
    return members([&](std::string_view key) {
      if (is(key, "contextName"))
        return once(seen, 1U) && text_field("contextName", o.context_name);
      if (is(key, "values")) return once(seen, 2U) && string_list(o.values);
      return skip();
    });
  }

  [[nodiscard]] bool variant(flags::variant& v) {
    if (at() != '{') return false;
    unsigned seen = 0;
    return members([&](std::string_view key) {
      if (is(key, "name")) return once(seen, 1U) && text_field("name", v.name);
      if (is(key, "weight")) {
        relkit::detail::json_span s;
        if (!once(seen, 2U) || !scalar(s)) return false;
        if (s.is_null()) return true;
        if (!s.is_number()) return false;
        const double d = text_.number(s);
        v.weight = d > 0.0 && d <= 4294967295.0 ? static_cast<std::uint32_t>(d) : 0U;
        return true;
      }
      if (is(key, "weightType")) return once(seen, 4U) && text_field("weightType", v.weight_type);
      if (is(key, "stickiness")) return once(seen, 8U) && text_field("stickiness", v.stickiness);
      if (is(key, "payload")) {
        if (!once(seen, 16U)) return false;
        if (at() != '{') {
          relkit::detail::json_span s;
          return scalar(s) && s.is_null();
        }
        flags::variant_payload read_payload;
        unsigned payload_seen = 0;
        if (!members([&](std::string_view k) {
              if (is(k, "type"))
                return once(payload_seen, 1U) && text_field("type", read_payload.type);
              if (is(k, "value"))
                return once(payload_seen, 2U) && text_field("value", read_payload.value);
              return skip();
            })) {
          return false;
        }
        v.payload = std::move(read_payload);
        return true;
      }
      if (is(key, "overrides"))
        return once(seen, 32U) && list(v.overrides, &fused_reader::override_of, true);
      return skip();
    });
  }

  [[nodiscard]] bool strategy(flags::strategy& st) {
    if (at() != '{') return false;
    unsigned seen = 0;
    // The parameters read (the last of a repeated name, as fields() reads).
    static constexpr std::string_view param_names[] = {
        "rollout", "stickiness", "groupId", "percentage", "userIds", "IPs", "hostNames"};
    relkit::detail::json_span params[7];
    if (!members([&](std::string_view key) {
          if (is(key, "name")) return once(seen, 1U) && text_field("name", st.name);
          if (is(key, "parameters")) {
            if (!once(seen, 2U)) return false;
            if (at() != '{') {
              relkit::detail::json_span s;
              return scalar(s) && s.is_null();
            }
            return members([&](std::string_view k) {
              for (std::size_t i = 0; i < 7; ++i) {
                if (same_name(k, param_names[i])) {
                  // a parameter that is not a scalar is an error (when read)
                  return scalar(params[i]);
                }
              }
              return skip();
            });
          }
          if (is(key, "constraints")) {
            return once(seen, 4U) && list(st.constraints, &fused_reader::constraint, true);
          }
          if (is(key, "segments")) {
            if (!once(seen, 8U)) return false;
            if (at() != '[') {
              relkit::detail::json_span s;
              return scalar(s) && s.is_null();
            }
            return items([&] {
              relkit::detail::json_span s;
              if (!draw_entries(1) || !hold(8) || !scalar(s) || !s.is_number()) return false;
              auto id = integer_of(node_of(s), "segment ids");
              if (!id) return false;
              st.segments.push_back(*id);
              return true;
            });
          }
          if (is(key, "variants")) {
            return once(seen, 16U) && list(st.variants, &fused_reader::variant, true);
          }
          return skip();
        })) {
      return false;
    }
    st.kind = strategy_kind_of(st.name);
    std::string text;
    // parse_strategy's param(): false when unset, its text otherwise.
    auto param = [&](std::size_t which) {
      text.clear();
      const relkit::detail::json_span& value = params[which];
      if (value.absent() || value.is_null()) return 0;
      return scalar_text<Unused>(node_of(value), text) ? 1 : -1;
    };
    switch (st.kind) {
      case flags::strategy_kind::flexible_rollout: {
        int r = param(0);
        if (r < 0) return false;
        st.percentage = percentage_of<Unused>(text);
        if ((r = param(1)) < 0) return false;
        if (r > 0 && !text.empty()) st.stickiness = text;
        if ((r = param(2)) < 0) return false;
        st.group_id = text;
        break;
      }
      case flags::strategy_kind::gradual_rollout_user_id:
      case flags::strategy_kind::gradual_rollout_session_id:
      case flags::strategy_kind::gradual_rollout_random: {
        int r = param(3);
        if (r < 0) return false;
        st.percentage = percentage_of<Unused>(text);
        if ((r = param(2)) < 0) return false;
        st.group_id = text;
        break;
      }
      case flags::strategy_kind::user_with_id:
      case flags::strategy_kind::remote_address:
      case flags::strategy_kind::application_hostname: {
        const std::size_t key = st.kind == flags::strategy_kind::user_with_id
                                    ? 4
                                    : (st.kind == flags::strategy_kind::remote_address ? 5 : 6);
        const int r = param(key);
        if (r < 0) return false;
        if (r > 0 && !text.empty()) {
          std::size_t ids = 1;
          for (const char c : text) ids += c == ',' ? 1U : 0U;
          if (!draw_entries(ids) || !hold(ids * sizeof(std::string) + text.size())) return false;
          st.ids = split_list<Unused>(text);
        }
        break;
      }
      default:
        break;
    }
    return true;
  }

  [[nodiscard]] bool dependency(flags::dependency& d) {
    if (at() != '{') return false;
    unsigned seen = 0;
    return members([&](std::string_view key) {
      if (is(key, "feature")) return once(seen, 1U) && text_field("feature", d.feature);
      if (is(key, "enabled")) return once(seen, 2U) && bool_field(d.enabled);
      if (is(key, "variants")) return once(seen, 4U) && string_list(d.variants);
      return skip();
    });
  }

  [[nodiscard]] bool feature(flags::flag& f) {
    if (at() != '{') return false;
    unsigned seen = 0;
    const bool ok = members([&](std::string_view key) {
      if (is(key, "name")) {
        relkit::detail::json_span s;
        if (!once(seen, 1U) || !scalar(s) || !s.is_string()) return false;
        assign_text<Unused>(node_of(s), f.name);
        return f.name.size() < 16 || hold(f.name.size() + 1);
      }
      if (is(key, "enabled")) return once(seen, 2U) && bool_field(f.enabled);
      if (is(key, "impressionData")) return once(seen, 4U) && bool_field(f.impression_data);
      if (is(key, "stale")) return once(seen, 8U) && bool_field(f.meta.marked_stale);
      if (is(key, "description"))
        return once(seen, 16U) && text_field("description", f.description);
      if (is(key, "project")) return once(seen, 32U) && text_field("project", f.project);
      if (is(key, "type")) {
        std::string type;
        if (!once(seen, 64U) || !text_field("type", type)) return false;
        if (auto t = flags::parse_wire_flag_type(type)) f.meta.type = *t;
        return true;
      }
      if (is(key, "createdAt")) {
        std::string created;
        if (!once(seen, 128U) || !text_field("createdAt", created)) return false;
        if (auto ms = flags::detail::parse_js_date_ms(created)) {
          f.meta.created = relkit::time_point(relkit::time_point::duration(*ms));
        }
        return true;
      }
      if (is(key, "strategies")) {
        return once(seen, 256U) && list(f.strategies, &fused_reader::strategy, true);
      }
      if (is(key, "variants"))
        return once(seen, 512U) && list(f.variants, &fused_reader::variant, true);
      if (is(key, "dependencies")) {
        return once(seen, 1024U) && list(f.dependencies, &fused_reader::dependency, true);
      }
      return skip();
    });
    return ok && (seen & 1U) != 0;  // a feature without a name is an error
  }

  [[nodiscard]] bool segment(flags::segment& sg) {
    if (at() != '{') return false;
    unsigned seen = 0;
    if (!draw_entries(1)) return false;
    const bool ok = members([&](std::string_view key) {
      if (is(key, "id")) {
        relkit::detail::json_span s;
        if (!once(seen, 1U) || !scalar(s) || !s.is_number()) return false;
        auto id = integer_of(node_of(s), "\"id\"");
        if (!id) return false;
        sg.id = *id;
        return true;
      }
      if (is(key, "name")) return once(seen, 2U) && text_field("name", sg.name);
      if (is(key, "constraints")) {
        return once(seen, 4U) && list(sg.constraints, &fused_reader::constraint, true);
      }
      return skip();
    });
    return ok && (seen & 1U) != 0;
  }
};

}  // namespace detail
}  // namespace unleash
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
