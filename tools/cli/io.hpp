// The relkit command's input and output: stdout and stderr, reading stdin and files,
// the exit codes, and the messages of usage and input errors.
#pragma once

#include <relkit/error.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace relkit::cli {

constexpr int exit_ok = 0;     // yes / ok
constexpr int exit_no = 1;     // no: not satisfied, no release due, the gate does not promote
constexpr int exit_usage = 2;  // usage or input error (the message is on stderr)

void out(std::string_view text);
void err(std::string_view text);

// Every byte of `f` appended to `text`; false on a read error.
bool read_all(std::FILE* f, std::string& text);
bool read_stdin(std::string& text);
// The file's bytes; false if it cannot be opened or read.
bool read_file(const std::string& path, std::string& text);

// "relkit: MESSAGE\nTry 'relkit COMMAND --help'.\n" on stderr (no COMMAND: 'relkit
// --help'); returns exit_usage.
int usage_error(std::string_view message, std::string_view command);

// "relkit: INPUT: " + relkit::to_string(e) (the message, " at N" for a byte position,
// the code) on stderr, for an argument or a short input; returns exit_usage.
int input_error(std::string_view input, const relkit::error& e);

// How an error's position in a text is written.
enum class location_style {
  file,    // "NAME:LINE:COLUMN: message [code]", as compilers write it
  stream,  // "NAME: line L, column C: message [code]", for stdin
};

// The error in `text` (the input named `name`) with its line and column from
// relkit::locate; no position: "NAME: message [code]".
std::string located(std::string_view name, std::string_view text, const relkit::error& e,
                    location_style style);

// "relkit: " + located(...) on stderr; returns exit_usage.
int located_error(std::string_view name, std::string_view text, const relkit::error& e,
                  location_style style = location_style::file);

}  // namespace relkit::cli
