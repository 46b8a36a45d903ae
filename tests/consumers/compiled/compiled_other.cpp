// A second translation unit of the compiled-mode consumer: it includes the
// same headers, and the program still links (one definition, in the library).
#include <relkit/relkit.hpp>

#include <string>

std::string other_runbook_title() {
  const auto plan = relkit::migrations::make_plan(
      relkit::migrations::rename_column{"users", "name", "full_name", "text", false});
  if (!plan) return {};
  const std::string text = relkit::migrations::render(*plan);
  return text.substr(0, text.find('\n'));
}
