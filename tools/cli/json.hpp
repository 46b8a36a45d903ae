// JSON output of the relkit command's --json: one object on one line, built by appending
// to a string. Strings are escaped as RFC 8259 requires (`"`, `\`, control characters);
// bytes that are not UTF-8 become U+FFFD, so the output is always valid JSON in UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace relkit::cli::json {

// `text` as a JSON string, quotes included, appended to `out`.
void append_string(std::string& out, std::string_view text);

// `"key":` (with a comma first when `out` does not end an opening brace or bracket).
void append_key(std::string& out, std::string_view key);

// Separates the next member or element: a comma unless `out` ends with '{' or '['.
void append_separator(std::string& out);

}  // namespace relkit::cli::json
