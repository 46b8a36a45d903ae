// Fuzzes the migration linter's statement scanner: any bytes must scan in
// bounds, statements must be ordered and disjoint, and splitting the script
// into its statements and linting them one by one must find the same rules
// (statement scanning is stable under re-scanning its own output).
#include <relkit/migrations.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto statements = relkit::migrations::detail::scan_sql(text);
  std::size_t previous_end = 0;
  for (const auto& st : statements) {
    if (st.position < previous_end || st.position >= st.end || st.end > text.size()) std::abort();
    for (const auto& t : st.tokens) {
      if (t.position < st.position || t.position >= st.end) std::abort();
    }
    previous_end = st.end;
    // A terminated statement re-scans to exactly one statement with the same tokens.
    if (!st.unterminated) {
      const std::string_view piece = text.substr(st.position, st.end - st.position);
      const auto again = relkit::migrations::detail::scan_sql(piece);
      if (again.size() != 1 || again[0].tokens.size() != st.tokens.size()) std::abort();
      for (std::size_t i = 0; i < st.tokens.size(); ++i) {
        if (again[0].tokens[i].text != st.tokens[i].text ||
            again[0].tokens[i].position + st.position != st.tokens[i].position) {
          std::abort();
        }
      }
    }
  }
  const auto findings = relkit::migrations::lint(text);
  for (const auto& f : findings) {
    if (f.position > text.size() || (f.statement >= statements.size() && !statements.empty()))
      std::abort();
    if (f.why.empty() || f.safe_alternative.empty()) std::abort();
  }
  return 0;
}
