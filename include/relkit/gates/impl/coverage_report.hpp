#pragma once
// Bodies of relkit/gates/coverage_report.hpp.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/gates/coverage_report.hpp"
#include "relkit/gates/detail/report_xml.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

inline constexpr const char* coverage_kinds = "a coverage report (Cobertura, JaCoCo or lcov)";

// The files of a report as it names them; a file named again is summed into
// its first entry by finish(). Each reader runs twice: once with a counting
// list (which keeps only the last path) to learn how many entries there will
// be, then with a list reserved for exactly that many, so the list never
// reallocates and its peak is one entry per file (see the allocation test).
class file_list {
 public:
  explicit file_list(std::size_t max_files, std::size_t expected)
      : max_files_(max_files), counting_(false) {
    files_.reserve(expected);
  }
  [[nodiscard]] static file_list counting(std::size_t max_files) {
    file_list list(max_files, 0);
    list.counting_ = true;
    return list;
  }

  // The entry for `path` (the last one when the report repeats it at once).
  [[nodiscard]] relkit::result<std::size_t> add(std::string_view path, std::size_t position) {
    if (counting_) {
      if (count_ > 0 && last_ == path) return std::size_t{0};
      if (count_ >= max_files_) return too_many(position);
      ++count_;
      last_.assign(path.data(), path.size());
      return std::size_t{0};
    }
    if (!files_.empty() && files_.back().path == path) return files_.size() - 1;
    if (files_.size() >= max_files_) return too_many(position);
    files_.emplace_back();
    files_.back().path = std::string(path);
    return files_.size() - 1;
  }
  [[nodiscard]] file_coverage& at(std::size_t i) noexcept {
    return counting_ ? scratch_ : files_[i];
  }
  // Entries a counting list saw.
  [[nodiscard]] std::size_t count() const noexcept { return count_; }

  // The files, each path once, in the order of first appearance.
  [[nodiscard]] std::vector<file_coverage> finish() {
    std::vector<std::size_t> order(files_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return files_[a].path < files_[b].path; });
    std::vector<bool> merged(files_.size(), false);
    for (std::size_t i = 0; i < order.size();) {
      std::size_t j = i + 1;
      file_coverage& first = files_[order[i]];
      while (j < order.size() && files_[order[j]].path == first.path) {
        const file_coverage& again = files_[order[j]];
        first.lines_valid += again.lines_valid;
        first.lines_covered += again.lines_covered;
        first.branches_valid += again.branches_valid;
        first.branches_covered += again.branches_covered;
        merged[order[j]] = true;
        ++j;
      }
      i = j;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < files_.size(); ++i) {
      if (merged[i]) continue;
      if (kept != i) files_[kept] = std::move(files_[i]);
      ++kept;
    }
    files_.resize(kept);
    return std::move(files_);
  }

 private:
  [[nodiscard]] relkit::error too_many(std::size_t position) const noexcept {
    return too_large(position, "files", max_files_);
  }

  std::vector<file_coverage> files_;
  std::size_t max_files_;
  bool counting_;
  std::size_t count_ = 0;
  std::string last_;
  file_coverage scratch_;
};

// Runs `read(files)` with a counting list, then with one of the right size.
template <class Read>
[[nodiscard]] relkit::result<coverage_report> read_twice(const read_options& options, Read read) {
  file_list counter = file_list::counting(options.max_files);
  auto first = read(counter);
  if (!first) return first;
  file_list files(options.max_files, counter.count());
  return read(files);
}

// Limits on counts: 18 decimal digits each, so sums cannot overflow.
inline constexpr std::uint64_t max_count = 999999999999999999ULL;

[[nodiscard]] inline std::uint64_t add_count(std::uint64_t a, std::uint64_t b) noexcept {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

inline void sum_files(coverage_report& report) noexcept {
  for (const file_coverage& f : report.files) {
    report.lines_valid = add_count(report.lines_valid, f.lines_valid);
    report.lines_covered = add_count(report.lines_covered, f.lines_covered);
    report.branches_valid = add_count(report.branches_valid, f.branches_valid);
    report.branches_covered = add_count(report.branches_covered, f.branches_covered);
  }
}

// "50% (1/2)": the covered and valid branches of a Cobertura line.
[[nodiscard]] inline bool parse_condition_coverage(std::string_view text, std::uint64_t& covered,
                                                   std::uint64_t& valid) noexcept {
  const std::size_t open = text.find('(');
  const std::size_t slash = text.find('/', open == std::string_view::npos ? 0 : open);
  const std::size_t close = text.find(')', slash == std::string_view::npos ? 0 : slash);
  if (open == std::string_view::npos || slash == std::string_view::npos ||
      close == std::string_view::npos || close + 1 != text.size()) {
    return false;
  }
  const auto a = relkit::detail::parse_uint(text.substr(open + 1, slash - open - 1), max_count);
  const auto b = relkit::detail::parse_uint(text.substr(slash + 1, close - slash - 1), max_count);
  if (!a || !b || *a > *b) return false;
  covered = *a;
  valid = *b;
  return true;
}

// A rate attribute (0-1) as a percentage; nullopt when absent.
[[nodiscard]] inline relkit::result<std::optional<double>> rate_attribute(const xml_reader& r,
                                                                          std::string_view name,
                                                                          const char* what) {
  auto rate = number_attribute(r, name, what);
  if (!rate) return std::move(rate).error();
  if (!*rate) return std::optional<double>();
  if (**rate > 1.0) return bad_value(*r.find_attribute(name), what, "a rate from 0 to 1");
  return std::optional<double>(**rate * 100.0);
}

[[nodiscard]] inline relkit::error missing(std::size_t position, const char* what) noexcept {
  return relkit::error{report_errc::missing_field, position, relkit::error_args{}.with_text(what)};
}

template <class Unused = void>
[[nodiscard]] relkit::result<coverage_report> read_cobertura_report_pass(
    std::string_view text, const read_options& options, file_list& files) {
  xml_reader r(text, xml_limits_of(options));
  auto root = read_root(r);
  if (!root) return std::move(root).error();
  if (r.name() != "coverage") return wrong_root(r, "a Cobertura XML report (<coverage>)");
  coverage_report report;
  report.format = coverage_format::cobertura;
  std::optional<std::uint64_t> counts[4];
  const char* names[] = {"lines-valid", "lines-covered", "branches-valid", "branches-covered"};
  const char* whats[] = {"coverage@lines-valid", "coverage@lines-covered",
                         "coverage@branches-valid", "coverage@branches-covered"};
  for (std::size_t i = 0; i < 4; ++i) {
    auto v = count_attribute(r, names[i], whats[i]);
    if (!v) return std::move(v).error();
    counts[i] = *v;
  }
  for (std::size_t i = 1; i < 4; i += 2) {
    if (counts[i] && counts[i - 1] && *counts[i] > *counts[i - 1]) {
      return bad_value(
          *r.find_attribute(names[i]), whats[i],
          i == 1 ? "a count no larger than lines-valid" : "a count no larger than branches-valid");
    }
  }
  auto line_rate = rate_attribute(r, "line-rate", "coverage@line-rate");
  if (!line_rate) return std::move(line_rate).error();
  auto branch_rate = rate_attribute(r, "branch-rate", "coverage@branch-rate");
  if (!branch_rate) return std::move(branch_rate).error();

  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t current = none;  // the open <class>'s file
  while (true) {
    auto event = r.next();
    if (!event) return report_error_of(event.error());
    if (*event == xml_event::end_document) break;
    if (*event == xml_event::start_element) {
      const std::string_view name = r.name();
      if (name == "class") {
        const auto* filename = r.find_attribute("filename");
        if (filename == nullptr) return missing(r.position(), "class@filename");
        auto index = files.add(filename->value, r.position());
        if (!index) return std::move(index).error();
        current = *index;
      } else if (name == "line" && current != none && r.open_element(1) == "lines" &&
                 r.open_element(2) == "class") {
        auto hits = count_attribute(r, "hits", "line@hits");
        if (!hits) return std::move(hits).error();
        if (!*hits) return missing(r.position(), "line@hits");
        file_coverage& f = files.at(current);
        f.lines_valid = add_count(f.lines_valid, 1);
        if (**hits > 0) f.lines_covered = add_count(f.lines_covered, 1);
        const auto* branch = r.find_attribute("branch");
        const auto* condition = r.find_attribute("condition-coverage");
        if (branch != nullptr && branch->value == "true" && condition != nullptr) {
          std::uint64_t covered = 0;
          std::uint64_t valid = 0;
          if (!parse_condition_coverage(condition->value, covered, valid)) {
            return bad_value(*condition, "line@condition-coverage", "a percentage and (a/b)");
          }
          f.branches_valid = add_count(f.branches_valid, valid);
          f.branches_covered = add_count(f.branches_covered, covered);
        }
      }
    } else if (*event == xml_event::end_element && r.name() == "class") {
      current = none;
    }
  }
  report.files = files.finish();
  coverage_report summed;  // the files' sums, for what the root does not give
  summed.files.swap(report.files);
  sum_files(summed);
  summed.files.swap(report.files);
  report.lines_valid = counts[0] ? *counts[0] : summed.lines_valid;
  report.lines_covered = counts[1] ? *counts[1] : summed.lines_covered;
  report.branches_valid = counts[2] ? *counts[2] : summed.branches_valid;
  report.branches_covered = counts[3] ? *counts[3] : summed.branches_covered;
  report.coverage = counts[0] && counts[1] ? percent(report.lines_covered, report.lines_valid)
                    : *line_rate           ? *line_rate
                                           : percent(report.lines_covered, report.lines_valid);
  report.branch_coverage = counts[2] && counts[3]
                               ? percent(report.branches_covered, report.branches_valid)
                           : *branch_rate ? *branch_rate
                                          : percent(report.branches_covered, report.branches_valid);
  return report;
}

template <class Unused = void>
[[nodiscard]] relkit::result<coverage_report> read_jacoco_report_pass(std::string_view text,
                                                                      const read_options& options,
                                                                      file_list& files) {
  xml_reader r(text, xml_limits_of(options));
  auto root = read_root(r);
  if (!root) return std::move(root).error();
  if (r.name() != "report") return wrong_root(r, "a JaCoCo XML report (<report>)");
  coverage_report report;
  report.format = coverage_format::jacoco;
  std::string package;
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t current = none;  // the open <sourcefile>'s file
  while (true) {
    auto event = r.next();
    if (!event) return report_error_of(event.error());
    if (*event == xml_event::end_document) break;
    if (*event == xml_event::end_element) {
      if (r.name() == "sourcefile") current = none;
      continue;
    }
    if (*event != xml_event::start_element) continue;
    const std::string_view name = r.name();
    if (name == "package") {
      const auto* package_name = r.find_attribute("name");
      if (package_name == nullptr) return missing(r.position(), "package@name");
      package = package_name->value;
    } else if (name == "sourcefile" && r.open_element(1) == "package") {
      const auto* file_name = r.find_attribute("name");
      if (file_name == nullptr) return missing(r.position(), "sourcefile@name");
      std::string path = package;
      if (!path.empty()) path += '/';
      path += file_name->value;
      auto index = files.add(path, r.position());
      if (!index) return std::move(index).error();
      current = *index;
    } else if (name == "counter") {
      const std::string_view parent = r.open_element(1);
      const bool overall = parent == "report";
      if (!overall && !(parent == "sourcefile" && current != none)) continue;
      const auto* type = r.find_attribute("type");
      if (type == nullptr) return missing(r.position(), "counter@type");
      const bool lines = type->value == "LINE";
      if (!lines && type->value != "BRANCH") continue;
      auto missed = count_attribute(r, "missed", "counter@missed");
      if (!missed) return std::move(missed).error();
      auto covered = count_attribute(r, "covered", "counter@covered");
      if (!covered) return std::move(covered).error();
      if (!*missed) return missing(r.position(), "counter@missed");
      if (!*covered) return missing(r.position(), "counter@covered");
      const std::uint64_t valid = add_count(**missed, **covered);
      std::uint64_t& valid_into =
          overall ? (lines ? report.lines_valid : report.branches_valid)
                  : (lines ? files.at(current).lines_valid : files.at(current).branches_valid);
      std::uint64_t& covered_into =
          overall ? (lines ? report.lines_covered : report.branches_covered)
                  : (lines ? files.at(current).lines_covered : files.at(current).branches_covered);
      valid_into = add_count(valid_into, valid);
      covered_into = add_count(covered_into, **covered);
    }
  }
  report.files = files.finish();
  report.coverage = percent(report.lines_covered, report.lines_valid);
  report.branch_coverage = percent(report.branches_covered, report.branches_valid);
  return report;
}

// One lcov record's figures as it is read.
struct lcov_record {
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t file = none;  // its entry in the file list; none outside a record
  std::uint64_t lf = 0, lh = 0, brf = 0, brh = 0;
  bool has_lf = false, has_lh = false, has_brf = false, has_brh = false;
  std::size_t lh_at = 0;  // byte of LH:'s value
  std::size_t brh_at = 0;
  std::string_view lh_text, brh_text;
  std::uint64_t da = 0, da_hit = 0, brda = 0, brda_taken = 0;
};

[[nodiscard]] inline relkit::error lcov_bad_value(std::size_t position, const char* what,
                                                  const char* expected,
                                                  std::string_view found) noexcept {
  return relkit::error{report_errc::bad_value, position,
                       relkit::error_args{}.with_text(what).with_text2(expected).with_token(found)};
}

template <class Unused = void>
[[nodiscard]] relkit::result<coverage_report> read_lcov_report_pass(std::string_view text,
                                                                    const read_options& options,
                                                                    file_list& files) {
  if (text.size() > options.max_bytes) {
    return too_large(options.max_bytes, "bytes of lcov", options.max_bytes);
  }
  coverage_report report;
  report.format = coverage_format::lcov;
  lcov_record record;
  bool first = true;
  std::size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const auto finish_record = [&](std::size_t at) -> relkit::result<void> {
    file_coverage& f = files.at(record.file);
    const std::uint64_t lines_valid = record.has_lf ? record.lf : record.da;
    const std::uint64_t lines_hit = record.has_lh ? record.lh : record.da_hit;
    const std::uint64_t branches_valid = record.has_brf ? record.brf : record.brda;
    const std::uint64_t branches_hit = record.has_brh ? record.brh : record.brda_taken;
    // Only a given LH / BRH can exceed: counted hits never exceed their lines.
    if (lines_hit > lines_valid) {
      return lcov_bad_value(record.has_lh ? record.lh_at : at, "LH",
                            "a count no larger than the lines found", record.lh_text);
    }
    if (branches_hit > branches_valid) {
      return lcov_bad_value(record.has_brh ? record.brh_at : at, "BRH",
                            "a count no larger than the branches found", record.brh_text);
    }
    f.lines_valid = add_count(f.lines_valid, lines_valid);
    f.lines_covered = add_count(f.lines_covered, lines_hit);
    f.branches_valid = add_count(f.branches_valid, branches_valid);
    f.branches_covered = add_count(f.branches_covered, branches_hit);
    record = lcov_record();
    return {};
  };
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t line_at = pos;
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::size_t colon = line.find(':');
    const std::string_view key = line.substr(0, colon);
    const bool is_key =
        colon != std::string_view::npos && colon > 0 &&
        std::all_of(key.begin(), key.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (first) {
      first = false;
      if (!is_key || (key != "TN" && key != "SF" && key != "VER")) {
        return relkit::error{report_errc::wrong_format, line_at,
                             relkit::error_args{}.with_text("an lcov tracefile").with_token(line)};
      }
    }
    if (line == "end_of_record") {
      if (record.file == lcov_record::none) {
        return relkit::error{report_errc::wrong_format, line_at,
                             relkit::error_args{}
                                 .with_text("an lcov tracefile (a record before SF:)")
                                 .with_token(line)};
      }
      auto ok = finish_record(line_at);
      if (!ok) return std::move(ok).error();
      continue;
    }
    if (!is_key) {
      return relkit::error{report_errc::wrong_format, line_at,
                           relkit::error_args{}.with_text("an lcov tracefile").with_token(line)};
    }
    const std::string_view value = line.substr(colon + 1);
    const std::size_t value_at = line_at + colon + 1;
    if (key == "SF") {
      if (record.file != lcov_record::none) return missing(line_at, "end_of_record");
      if (value.empty()) return lcov_bad_value(value_at, "SF", "a file name", value);
      auto index = files.add(value, line_at);
      if (!index) return std::move(index).error();
      record.file = *index;
      continue;
    }
    const bool record_key =
        key == "DA" || key == "BRDA" || key == "LF" || key == "LH" || key == "BRF" || key == "BRH";
    if (!record_key) continue;  // TN, VER, FN, FNDA, FNF, FNH, FNL, FNA, ...
    if (record.file == lcov_record::none) {
      return relkit::error{report_errc::wrong_format, line_at,
                           relkit::error_args{}
                               .with_text("an lcov tracefile (a record before SF:)")
                               .with_token(line)};
    }
    if (key == "DA" || key == "BRDA") {
      // DA:<line>,<hits>[,<checksum>]  BRDA:<line>,<block>,<branch>,<taken>
      std::string_view fields[5];
      std::size_t n = 0;  // fields read; 6: more than five
      std::size_t from = 0;
      while (true) {
        if (n == 5) {
          n = 6;
          break;
        }
        const std::size_t comma = value.find(',', from);
        fields[n++] = value.substr(from, comma == std::string_view::npos ? comma : comma - from);
        if (comma == std::string_view::npos) break;
        from = comma + 1;
      }
      const bool da = key == "DA";
      if (da ? (n < 2 || n > 3) : n != 4) {
        return lcov_bad_value(value_at, da ? "DA" : "BRDA",
                              da ? "LINE,HITS[,CHECKSUM]" : "LINE,BLOCK,BRANCH,TAKEN", value);
      }
      const std::string_view count_text = fields[da ? 1 : 3];
      const std::size_t count_at =
          value_at + static_cast<std::size_t>(count_text.data() - value.data());
      if (!relkit::detail::parse_uint(fields[0], max_count)) {
        return lcov_bad_value(value_at, da ? "DA" : "BRDA", "a line number", fields[0]);
      }
      if (!da && count_text == "-") {
        record.brda = add_count(record.brda, 1);
        continue;
      }
      const auto hits = relkit::detail::parse_uint(count_text, max_count);
      if (!hits) {
        return lcov_bad_value(count_at, da ? "DA" : "BRDA", da ? "a hit count" : "a count or '-'",
                              count_text);
      }
      if (da) {
        record.da = add_count(record.da, 1);
        if (*hits > 0) record.da_hit = add_count(record.da_hit, 1);
      } else {
        record.brda = add_count(record.brda, 1);
        if (*hits > 0) record.brda_taken = add_count(record.brda_taken, 1);
      }
      continue;
    }
    const auto n = relkit::detail::parse_uint(value, max_count);
    if (!n)
      return lcov_bad_value(value_at,
                            key == "LF"    ? "LF"
                            : key == "LH"  ? "LH"
                            : key == "BRF" ? "BRF"
                                           : "BRH",
                            "a non-negative integer", value);
    if (key == "LF") {
      record.lf = *n;
      record.has_lf = true;
    } else if (key == "LH") {
      record.lh = *n;
      record.has_lh = true;
      record.lh_at = value_at;
      record.lh_text = value;
    } else if (key == "BRF") {
      record.brf = *n;
      record.has_brf = true;
    } else {
      record.brh = *n;
      record.has_brh = true;
      record.brh_at = value_at;
      record.brh_text = value;
    }
  }
  if (first) {
    return relkit::error{report_errc::wrong_format, pos > text.size() ? text.size() : pos,
                         relkit::error_args{}.with_text("an lcov tracefile")};
  }
  if (record.file != lcov_record::none) return missing(text.size(), "end_of_record");
  report.files = files.finish();
  sum_files(report);
  report.coverage = percent(report.lines_covered, report.lines_valid);
  report.branch_coverage = percent(report.branches_covered, report.branches_valid);
  return report;
}

template <class Unused = void>
[[nodiscard]] relkit::result<coverage_report> read_cobertura_report(std::string_view text,
                                                                    const read_options& options) {
  return read_twice(
      options, [&](file_list& files) { return read_cobertura_report_pass(text, options, files); });
}

template <class Unused = void>
[[nodiscard]] relkit::result<coverage_report> read_jacoco_report(std::string_view text,
                                                                 const read_options& options) {
  return read_twice(
      options, [&](file_list& files) { return read_jacoco_report_pass(text, options, files); });
}

template <class Unused = void>
[[nodiscard]] relkit::result<coverage_report> read_lcov_report(std::string_view text,
                                                               const read_options& options) {
  return read_twice(options,
                    [&](file_list& files) { return read_lcov_report_pass(text, options, files); });
}

}  // namespace detail

template <class Unused>
result<coverage_format> detect_coverage_format(std::string_view text, const read_options& options) {
  std::size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (pos < text.size() && relkit::detail::xml::is_space(text[pos])) ++pos;
  if (pos < text.size() && text[pos] == '<') {
    detail::xml_reader r(text, detail::xml_limits_of(options));
    auto root = detail::read_root(r);
    if (!root) return std::move(root).error();
    if (r.name() == "coverage") return coverage_format::cobertura;
    if (r.name() == "report") return coverage_format::jacoco;
    return detail::wrong_root(r, detail::coverage_kinds);
  }
  const std::string_view rest = text.substr(pos);
  if (rest.substr(0, 3) == "TN:" || rest.substr(0, 3) == "SF:" || rest.substr(0, 4) == "VER:") {
    return coverage_format::lcov;
  }
  const std::size_t end = rest.find_first_of("\r\n");
  return relkit::error{
      report_errc::wrong_format, pos,
      relkit::error_args{}.with_text(detail::coverage_kinds).with_token(rest.substr(0, end))};
}

template <class Unused>
result<coverage_report> read_coverage_report(std::string_view text, coverage_format format,
                                             const read_options& options) {
  switch (format) {
    case coverage_format::cobertura:
      return detail::read_cobertura_report(text, options);
    case coverage_format::jacoco:
      return detail::read_jacoco_report(text, options);
    case coverage_format::lcov:
      break;
  }
  return detail::read_lcov_report(text, options);
}

template <class Unused>
result<coverage_report> read_coverage_report(std::string_view text, const read_options& options) {
  auto format = detect_coverage_format(text, options);
  if (!format) return std::move(format).error();
  return read_coverage_report(text, *format, options);
}

namespace detail {
[[nodiscard]] inline result<evidence> evidence_of(result<coverage_report> report) {
  if (!report) return std::move(report).error();
  return to_evidence(*report);
}
}  // namespace detail

template <class Unused>
result<evidence> read_cobertura(std::string_view text, const read_options& options) {
  return detail::evidence_of(read_coverage_report(text, coverage_format::cobertura, options));
}

template <class Unused>
result<evidence> read_jacoco(std::string_view text, const read_options& options) {
  return detail::evidence_of(read_coverage_report(text, coverage_format::jacoco, options));
}

template <class Unused>
result<evidence> read_lcov(std::string_view text, const read_options& options) {
  return detail::evidence_of(read_coverage_report(text, coverage_format::lcov, options));
}

template <class Unused>
result<evidence> read_coverage(std::string_view text, const read_options& options) {
  return detail::evidence_of(read_coverage_report(text, options));
}

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
