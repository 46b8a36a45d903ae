#pragma once
// Answers node-semver oracle queries (vectors/node-semver/oracle.js) with
// relkit::semver, so conformance tests and the differential driver compare
// like with like. Test code only.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/relkit.hpp"
#include "support/json.hpp"

namespace relkit_test {

struct oracle_answer {
  bool supported = true;  // false: a JavaScript-only input (undefined, RegExp, objects)
  bool throws = false;
  json result;
};

namespace detail_oracle {

namespace sv = relkit::semver;

inline bool truthy(const json* j) {
  if (j == nullptr) return false;
  switch (j->type) {
    case json::kind::null:
      return false;
    case json::kind::boolean:
      return j->boolean;
    case json::kind::number:
      return j->number != 0;
    case json::kind::string:
      return !j->text.empty();
    case json::kind::array:
      return true;
    case json::kind::object:
      return j->find("$undefined") == nullptr;
  }
  return false;
}

struct opts {
  bool loose = false;
  bool include_prerelease = false;
  bool rtl = false;
};

// node-semver parseOptions: falsy -> {}, non-object -> loose, object as is.
inline opts read_options(const json* j) {
  opts o;
  if (!truthy(j)) return o;
  if (j->type != json::kind::object) {
    o.loose = true;
    return o;
  }
  o.loose = truthy(j->find("loose"));
  o.include_prerelease = truthy(j->find("includePrerelease"));
  o.rtl = truthy(j->find("rtl"));
  return o;
}

inline sv::parse_mode mode(const opts& o) {
  return o.loose ? sv::parse_mode::npm_loose : sv::parse_mode::npm;
}
inline sv::range_options range_opts(const opts& o) {
  sv::range_options r;
  r.loose = o.loose;
  r.include_prerelease = o.include_prerelease;
  return r;
}

// A string argument, or a SemVer object given by its text.
inline std::optional<std::string> text_arg(const json* j) {
  if (j == nullptr) return std::nullopt;
  if (j->is_string()) return j->text;
  if (j->is_object()) {
    if (const json* s = j->find("$semver")) return s->text;
  }
  return std::nullopt;
}

inline bool is_js_number_id(std::string_view id) {
  if (id.empty() || id.size() > 16) return false;
  for (char c : id)
    if (c < '0' || c > '9') return false;
  return std::stoull(std::string(id)) < 9007199254740991ULL;
}

inline json parsed_object(const sv::version& v) {
  json o = json::make_object();
  o.set("version", json::make_string(sv::to_npm_string(v)));
  o.set("major", json::make_number(static_cast<double>(v.major)));
  o.set("minor", json::make_number(static_cast<double>(v.minor)));
  o.set("patch", json::make_number(static_cast<double>(v.patch)));
  json pre = json::make_array();
  for (auto id : sv::detail::split_dots(v.prerelease)) {
    if (is_js_number_id(id)) {
      pre.items.push_back(json::make_number(static_cast<double>(std::stoull(std::string(id)))));
    } else {
      pre.items.push_back(json::make_string(std::string(id)));
    }
  }
  o.set("prerelease", pre);
  json build = json::make_array();
  for (auto id : sv::detail::split_dots(v.build)) {
    build.items.push_back(json::make_string(std::string(id)));
  }
  o.set("build", build);
  return o;
}

inline oracle_answer unsupported() {
  oracle_answer a;
  a.supported = false;
  return a;
}
inline oracle_answer thrown() {
  oracle_answer a;
  a.throws = true;
  return a;
}
inline oracle_answer value(json j) {
  oracle_answer a;
  a.result = std::move(j);
  return a;
}

inline std::string range_raw_string(const sv::range& r) {
  std::string out;
  for (std::size_t i = 0; i < r.sets.size(); ++i) {
    if (i > 0) out += "||";
    for (std::size_t k = 0; k < r.sets[i].size(); ++k) {
      if (k > 0) out += ' ';
      out += sv::to_string(r.sets[i][k]);
    }
  }
  return out;
}

}  // namespace detail_oracle

inline oracle_answer answer_query(const json& q) {
  using namespace detail_oracle;
  const json* op_j = q.find("op");
  if (op_j == nullptr || !op_j->is_string()) return unsupported();
  const std::string& op = op_j->text;
  const opts o = read_options(q.find("options"));
  const auto m = mode(o);

  if (op == "valid" || op == "parse" || op == "clean") {
    auto t = text_arg(q.find("v"));
    if (!t) return unsupported();
    std::string text = *t;
    if (op == "clean") {
      // version.trim().replace(/^[=v]+/, '')
      std::size_t b = 0;
      std::size_t e = text.size();
      b = relkit::detail::skip_js_spaces(text, 0);
      e = b + relkit::detail::js_trim_end(std::string_view(text).substr(b)).size();
      while (b < e && (text[b] == '=' || text[b] == 'v')) ++b;
      text = text.substr(b, e - b);
    }
    auto v = sv::parse(text, m);
    if (!v) {
      if (op == "parse" && truthy(q.find("throwErrors"))) return thrown();
      return value(json::make_null());
    }
    if (op == "parse") return value(parsed_object(*v));
    return value(json::make_string(sv::to_npm_string(*v)));
  }
  if (op == "coerce") {
    const json* vj = q.find("v");
    std::string text;
    if (vj != nullptr && vj->is_string()) {
      text = vj->text;
    } else if (vj != nullptr && vj->type == json::kind::number) {
      return unsupported();
    } else {
      if (vj != nullptr && vj->is_object() && vj->find("$semver") != nullptr) return unsupported();
      return value(json::make_null());
    }
    sv::coerce_options c;
    c.rtl = o.rtl;
    c.include_prerelease = o.include_prerelease;
    c.loose = o.loose;
    auto v = sv::coerce(text, c);
    if (!v) return value(json::make_null());
    return value(parsed_object(*v));
  }
  if (op == "compare" || op == "rcompare" || op == "compareBuild" || op == "compareLoose" ||
      op == "eq" || op == "neq" || op == "gt" || op == "gte" || op == "lt" || op == "lte" ||
      op == "cmp") {
    auto a = text_arg(q.find("a"));
    auto b = text_arg(q.find("b"));
    if (!a || !b) return unsupported();
    const auto pm = op == "compareLoose" ? sv::parse_mode::npm_loose : m;
    std::string cmp_op;
    if (op == "cmp") {
      const json* c = q.find("cmp");
      if (c == nullptr || !c->is_string()) return unsupported();
      cmp_op = c->text;
      // Strict equality of the texts; a SemVer object stands for its
      // `version` (no build).
      auto object_text = [](const json* j, const std::string& t) {
        return j->is_object() ? t.substr(0, t.find('+')) : t;
      };
      const std::string x = object_text(q.find("a"), *a);
      const std::string y = object_text(q.find("b"), *b);
      if (cmp_op == "===") return value(json::make_bool(x == y));
      if (cmp_op == "!==") return value(json::make_bool(x != y));
    }
    auto va = sv::parse(*a, pm);
    auto vb = sv::parse(*b, pm);
    if (!va || !vb) return thrown();
    int k = op == "compareBuild" ? sv::compare_build(*va, *vb) : sv::compare(*va, *vb);
    if (op == "rcompare") k = -k;
    if (op == "compare" || op == "rcompare" || op == "compareBuild" || op == "compareLoose") {
      return value(json::make_number(k));
    }
    std::string rel = op == "cmp" ? cmp_op : op;
    if (rel == "" || rel == "=" || rel == "==") rel = "eq";
    if (rel == "!=") rel = "neq";
    if (rel == ">") rel = "gt";
    if (rel == ">=") rel = "gte";
    if (rel == "<") rel = "lt";
    if (rel == "<=") rel = "lte";
    if (rel == "eq") return value(json::make_bool(k == 0));
    if (rel == "neq") return value(json::make_bool(k != 0));
    if (rel == "gt") return value(json::make_bool(k > 0));
    if (rel == "gte") return value(json::make_bool(k >= 0));
    if (rel == "lt") return value(json::make_bool(k < 0));
    if (rel == "lte") return value(json::make_bool(k <= 0));
    return thrown();
  }
  if (op == "diff") {
    auto a = text_arg(q.find("a"));
    auto b = text_arg(q.find("b"));
    if (!a || !b) return unsupported();
    auto va = sv::parse(*a, sv::parse_mode::npm);
    auto vb = sv::parse(*b, sv::parse_mode::npm);
    if (!va || !vb) return thrown();
    auto d = sv::diff(*va, *vb);
    if (!d) return value(json::make_null());
    return value(json::make_string(std::string(sv::to_string(*d))));
  }
  if (op == "inc") {
    auto t = text_arg(q.find("v"));
    const json* rel = q.find("release");
    if (!t || rel == nullptr || !rel->is_string()) return unsupported();
    const json* options_j = q.find("options");
    const json* id_j = q.find("id");
    const json* base_j = q.find("base");
    opts io = o;
    if (options_j != nullptr && options_j->is_string()) {  // inc(v, release, identifier, base)
      base_j = id_j;
      id_j = options_j;
      io = opts{};
    }
    auto v = sv::parse(*t, mode(io));
    if (!v) return value(json::make_null());
    auto type = sv::parse_release_type(rel->text);
    if (!type) return value(json::make_null());
    sv::bump_options b;
    std::string id;
    if (id_j != nullptr && id_j->is_string()) {
      id = id_j->text;
    } else if (truthy(id_j)) {
      return unsupported();
    }
    b.identifier = id;
    b.loose = io.loose;
    if (base_j != nullptr && base_j->type == json::kind::boolean && !base_j->boolean) {
      b.base = sv::identifier_base::none;
    } else if (base_j != nullptr && base_j->is_string()) {
      b.base = base_j->text == "1" ? sv::identifier_base::one : sv::identifier_base::zero;
      if (base_j->text != "1" && base_j->text != "0" && !base_j->text.empty()) {
        return unsupported();
      }
    } else if (base_j != nullptr && base_j->type == json::kind::number) {
      b.base = base_j->number != 0 ? sv::identifier_base::one : sv::identifier_base::zero;
    }
    auto out = sv::bump(*v, *type, b);
    if (!out) return value(json::make_null());
    return value(json::make_string(sv::to_npm_string(*out)));
  }
  if (op == "truncate") {
    auto t = text_arg(q.find("v"));
    const json* rel = q.find("release");
    if (!t || rel == nullptr || !rel->is_string()) return unsupported();
    auto type = sv::parse_release_type(rel->text);
    if (!type) return value(json::make_null());
    auto v = sv::parse(*t, m);
    if (!v) return value(json::make_null());
    auto out = sv::truncate(*v, *type);
    if (!out) return value(json::make_null());
    return value(json::make_string(sv::to_npm_string(*out)));
  }
  if (op == "sort" || op == "rsort") {
    const json* list = q.find("versions");
    if (list == nullptr || !list->is_array()) return unsupported();
    std::vector<std::pair<sv::version, std::string>> items;
    for (const auto& item : list->items) {
      if (!item.is_string()) return unsupported();
      auto v = sv::parse(item.text, m);
      if (!v) {
        if (list->items.size() >= 2) return thrown();
        return value(*list);
      }
      items.emplace_back(std::move(*v), item.text);
    }
    const bool descending = op == "rsort";
    std::stable_sort(items.begin(), items.end(), [descending](const auto& x, const auto& y) {
      return descending ? sv::compare_build(y.first, x.first) < 0
                        : sv::compare_build(x.first, y.first) < 0;
    });
    json out = json::make_array();
    for (auto& item : items) out.items.push_back(json::make_string(item.second));
    return value(out);
  }

  // ---- ranges ----
  const sv::range_options ro = range_opts(o);
  auto range_arg = [&](const char* key) -> std::optional<std::string> {
    const json* j = q.find(key);
    if (j == nullptr) return std::nullopt;
    if (j->is_string()) return j->text;
    if (j->is_object()) {
      if (const json* r = j->find("$range")) return r->text;
    }
    return std::nullopt;
  };
  if (op == "satisfies") {
    auto r = range_arg("range");
    auto t = text_arg(q.find("v"));
    if (!r) return unsupported();
    if (!t) {
      const json* vj = q.find("v");
      if (vj == nullptr || vj->is_null() || !truthy(vj)) return value(json::make_bool(false));
      return unsupported();
    }
    return value(json::make_bool(sv::satisfies(*t, *r, ro).value_or(false)));
  }
  if (op == "validRange" || op == "range") {
    auto r = range_arg("range");
    if (!r) return unsupported();
    auto parsed = sv::parse_range(*r, ro);
    if (op == "validRange") {
      if (!parsed) return value(json::make_null());
      return value(json::make_string(sv::to_string(*parsed)));
    }
    if (!parsed) return thrown();
    json out = json::make_object();
    out.set("range", json::make_string(range_raw_string(*parsed)));
    json sets = json::make_array();
    for (const auto& set : parsed->sets) {
      json s = json::make_array();
      for (const auto& c : set) s.items.push_back(json::make_string(sv::to_string(c)));
      sets.items.push_back(s);
    }
    out.set("set", sets);
    return value(out);
  }
  if (op == "maxSatisfying" || op == "minSatisfying") {
    auto r = range_arg("range");
    const json* list = q.find("versions");
    if (!r || list == nullptr || !list->is_array()) return unsupported();
    auto parsed = sv::parse_range(*r, ro);
    if (!parsed) return value(json::make_null());
    const bool want_max = op == "maxSatisfying";
    std::optional<sv::version> best;
    std::string best_text;
    for (const auto& item : list->items) {
      if (!item.is_string()) return unsupported();
      auto v = sv::parse(item.text, m);
      if (!v || !sv::satisfies(*v, *parsed)) continue;
      if (!best || (want_max ? sv::compare(*best, *v) < 0 : sv::compare(*best, *v) > 0)) {
        best = std::move(*v);
        best_text = item.text;
      }
    }
    if (!best) return value(json::make_null());
    return value(json::make_string(best_text));
  }
  if (op == "minVersion") {
    auto r = range_arg("range");
    if (!r) return unsupported();
    auto parsed = sv::parse_range(*r, ro);
    if (!parsed) return thrown();
    auto v = sv::min_version(*parsed);
    if (!v) return value(json::make_null());
    return value(json::make_string(sv::to_npm_string(*v)));
  }
  if (op == "gtr" || op == "ltr" || op == "outside") {
    auto r = range_arg("range");
    auto t = text_arg(q.find("v"));
    if (!r || !t) return unsupported();
    bool above = op == "gtr";
    if (op == "outside") {
      const json* h = q.find("hilo");
      if (h == nullptr || !h->is_string()) return unsupported();
      if (h->text != ">" && h->text != "<") return thrown();
      above = h->text == ">";
    }
    auto v = sv::parse(*t, m);
    if (!v) return thrown();
    auto parsed = sv::parse_range(*r, ro);
    if (!parsed) return thrown();
    return value(json::make_bool(sv::outside(*v, *parsed, above)));
  }
  if (op == "intersects") {
    // A Comparator object stands for the range holding just it.
    auto comparator_range = [&](const char* key) -> std::optional<sv::range> {
      const json* j = q.find(key);
      const json* c = j != nullptr && j->is_object() ? j->find("$comparator") : nullptr;
      if (c == nullptr) return std::nullopt;
      sv::range_options own;
      own.loose = truthy(j->find("loose"));
      auto parsed = sv::parse_comparator(c->text, own);
      if (!parsed) return std::nullopt;
      sv::range r;
      r.options = ro;
      r.sets.push_back({*parsed});
      return r;
    };
    auto a = range_arg("r1");
    auto b = range_arg("r2");
    auto ca = comparator_range("r1");
    auto cb = comparator_range("r2");
    if ((!a && !ca) || (!b && !cb)) return unsupported();
    auto ra = ca ? relkit::result<sv::range>(*ca) : sv::parse_range(*a, ro);
    if (!ra) return thrown();
    auto rb = cb ? relkit::result<sv::range>(*cb) : sv::parse_range(*b, ro);
    if (!rb) return thrown();
    return value(json::make_bool(sv::intersects(*ra, *rb)));
  }
  if (op == "toComparators") {
    auto r = range_arg("range");
    if (!r) return unsupported();
    auto parsed = sv::parse_range(*r, ro);
    if (!parsed) return thrown();
    json sets = json::make_array();
    for (const auto& set : parsed->sets) {
      json s = json::make_array();
      std::string joined;
      for (const auto& c : set) {
        if (!joined.empty()) joined += ' ';
        joined += sv::to_string(c);
      }
      // comp.map(c => c.value).join(' ').trim().split(' ')
      std::string_view t = joined;
      while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
      while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
      std::size_t i = 0;
      for (;;) {
        const std::size_t sp = t.find(' ', i);
        s.items.push_back(json::make_string(
            std::string(t.substr(i, sp == std::string_view::npos ? sp : sp - i))));
        if (sp == std::string_view::npos) break;
        i = sp + 1;
      }
      sets.items.push_back(s);
    }
    return value(sets);
  }
  if (op == "major" || op == "minor" || op == "patch" || op == "prerelease") {
    auto t = text_arg(q.find("v"));
    if (!t) return unsupported();
    auto v = sv::parse(*t, m);
    if (op == "prerelease") {
      if (!v || v->prerelease.empty()) return value(json::make_null());
      return value(*parsed_object(*v).find("prerelease"));
    }
    if (!v) return thrown();
    const std::uint64_t n = op == "major" ? v->major : (op == "minor" ? v->minor : v->patch);
    return value(json::make_number(static_cast<double>(n)));
  }
  if (op == "subset") {
    auto a = range_arg("sub");
    auto b = range_arg("dom");
    if (!a || !b) return unsupported();
    if (*a == *b) return value(json::make_bool(true));
    auto ra = sv::parse_range(*a, ro);
    if (!ra) return thrown();
    auto rb = sv::parse_range(*b, ro);
    if (!rb) return thrown();
    return value(json::make_bool(sv::subset(*ra, *rb)));
  }
  return unsupported();
}

// Compares relkit's answer with node's line ({"result": ...} or {"throws": ...}).
inline bool agrees(const oracle_answer& mine, const json& expected) {
  if (expected.find("throws") != nullptr) return mine.throws;
  const json* r = expected.find("result");
  if (r == nullptr || mine.throws) return false;
  if (r->is_object()) {
    // Recorded calls return SemVer objects, tagged by codec.js.
    if (const json* s = r->find("$semver")) {
      if (mine.result.is_string()) return mine.result.text == s->text;
      if (mine.result.is_object()) {
        std::string text = mine.result.find("version")->text;
        const json* build = mine.result.find("build");
        for (std::size_t k = 0; build != nullptr && k < build->items.size(); ++k) {
          text += k == 0 ? '+' : '.';
          text += build->items[k].text;
        }
        return text == s->text;
      }
      return false;
    }
  }
  return mine.result == *r;
}

}  // namespace relkit_test
