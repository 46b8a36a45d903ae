// Fuzzes the migration linter's token stream and its one pass: any bytes must
// lex in bounds, in order, each token inside the script and covering its
// bytes once; lint must keep its findings' positions inside the script, in
// statement order, and stop at max_findings with "too-many-findings".
#include <relkit/migrations.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace d = relkit::migrations::detail;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  d::sql_lexer lexer(text);
  std::size_t previous_end = 0;
  for (;;) {
    const d::sql_token t = lexer.next();
    if (t.kind == d::sql_token_kind::end) {
      if (t.position != text.size()) std::abort();
      break;
    }
    if (t.position < previous_end || t.position >= text.size()) std::abort();
    const std::size_t end =
        t.kind == d::sql_token_kind::comment
            ? static_cast<std::size_t>(t.text.data() - text.data()) + t.text.size()
            : t.position + t.text.size();
    if (end > text.size() || end <= t.position) std::abort();
    previous_end = end;
  }
  relkit::migrations::lint_options options;
  options.max_findings = 64;
  const auto findings = relkit::migrations::lint(text, options);
  if (findings.size() > options.max_findings + 1) std::abort();
  std::size_t previous_statement = 0;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    if (f.position > text.size() || f.statement < previous_statement) std::abort();
    if (f.why.empty() || f.safe_alternative.empty()) std::abort();
    if (f.rule == "too-many-findings" && i != options.max_findings) std::abort();
    previous_statement = f.statement;
  }
  return 0;
}
