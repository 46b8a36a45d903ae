#pragma once
// relkit::gates evaluation: a gate over evidence gives an explained verdict
// (evaluate), or only its outcome (check); render() prints a verdict.
// Evaluation fails closed: missing evidence fails (also under not_), a
// timeout never approves, an invalid node fails with validate()'s message.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <string>

#include "relkit/config.hpp"
#include "relkit/gates/condition.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/verdict.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

// The verdict with one explained line per node.
template <class = void>
[[nodiscard]] verdict evaluate(const gate& g, const evidence& e);

// The outcome only: no reason strings, no allocation, stops early.
template <class = void>
[[nodiscard]] outcome check(const gate& g, const evidence& e) noexcept;

// How render() prints a verdict.
enum class render_format : std::uint8_t {
  plain,    // "FAIL all_of production: 5 of 6 passed, 1 failed\n  PASS coverage 85 >= 80\n..."
  markdown  // a nested Markdown list: "- **FAIL** `all_of production: ...`"
};

struct render_options {
  render_format format = render_format::plain;

  friend constexpr bool operator==(const render_options& a, const render_options& b) noexcept {
    return a.format == b.format;
  }
  friend constexpr bool operator!=(const render_options& a, const render_options& b) noexcept {
    return !(a == b);
  }
};

// The verdict as text for people, one line per node, children indented.
template <class = void>
[[nodiscard]] std::string render(const verdict& v, render_options options = {});

}  // namespace gates
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/gates/impl/evaluate.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
