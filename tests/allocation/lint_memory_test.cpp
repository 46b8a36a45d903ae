// Issue 19: lint's peak heap on 1 MB adversarial scripts is at most 8x the
// script (plus a constant), or bounded by lint_options::max_findings. A
// program of its own because it replaces the global operator new to count
// the bytes alive (deterministic: no timing).

#include <relkit/migrations.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>

#include "heap_counter.hpp"

using heap_counter::live_bytes;
using heap_counter::peak_bytes;

namespace {

namespace m = relkit::migrations;

constexpr std::size_t one_mb = std::size_t{1} << 20;

std::string repeat_to(std::string head, std::string_view unit) {
  while (head.size() < one_mb) head += unit;
  return head;
}

// Peak bytes allocated by lint beyond what was alive before it, and the findings' count.
std::size_t lint_peak(const std::string& script, std::size_t& findings,
                      const m::lint_options& options = m::lint_options()) {
  const std::size_t before = live_bytes;
  peak_bytes = live_bytes;
  findings = m::lint(script, options).size();
  return peak_bytes - before;
}

// Every function the script declares is remembered (its name, its volatility).
std::string declarations() {
  std::string s = "SET lock_timeout = '1s';\n";
  for (std::size_t i = 0; s.size() < one_mb; ++i) {
    s += "CREATE FUNCTION f" + std::to_string(i) + "() RETURNS int LANGUAGE sql STABLE AS 'x';\n";
  }
  return s;
}

struct pattern {
  const char* name;
  std::string script;
  std::size_t findings;
};

TEST(LintMemory, AdversarialScriptsStayWithinEightTimesTheirSize) {
  const pattern patterns[] = {
      {"DEFAULT repeated", repeat_to("ALTER TABLE t ADD COLUMN c int ", "DEFAULT "), 2},
      {"REFERENCES repeated", repeat_to("ALTER TABLE t ADD COLUMN c int ", "REFERENCES "), 3},
      {"ADD COLUMN ... REFERENCES repeated",
       repeat_to("ALTER TABLE t ", "ADD COLUMN c int REFERENCES p (id), "), 3},
      {"SELECT and open parens", repeat_to("SELECT ", "("), 0},
      {"many findings", repeat_to("", "DROP TABLE t;\n"), 10001},
      {"many functions declared", declarations(), 0},
  };
  for (const auto& p : patterns) {
    std::size_t findings = 0;
    const std::size_t peak = lint_peak(p.script, findings);
    EXPECT_EQ(findings, p.findings) << p.name;
    // 8x the script plus 5 MB: the findings lint_options::max_findings keeps.
    EXPECT_LE(peak, 8 * p.script.size() + 5 * one_mb) << p.name << ": " << peak;
  }
}

TEST(LintMemory, FindingsAreBoundedByMaxFindings) {
  const std::string script = repeat_to("", "DROP TABLE t;\n");
  std::size_t findings = 0;
  m::lint_options few;
  few.max_findings = 100;
  const std::size_t peak = lint_peak(script, findings, few);
  EXPECT_EQ(findings, 101u);
  EXPECT_LE(peak, std::size_t{64} * 1024);
}

}  // namespace
