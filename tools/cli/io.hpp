// The relkit command's input and output: stdout and stderr, reading stdin and files,
// the exit codes, and the messages of usage and input errors.
#pragma once

#include <relkit/error.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace relkit::cli {

constexpr int exit_ok = 0;     // yes / ok
constexpr int exit_no = 1;     // no: not satisfied, no release due, the gate does not promote
constexpr int exit_usage = 2;  // usage or input error (the message is on stderr)

void out(std::string_view text);
void err(std::string_view text);

// Reading input. Each returns 0 when every byte was appended to `text`, otherwise the
// errno of the call that failed (ENOENT, EACCES, EISDIR for a directory, ...), for
// io_error.
[[nodiscard]] int read_stdin(std::string& text);
[[nodiscard]] int read_file(const std::string& path, std::string& text);
// Every byte readable from the descriptor `fd` (left open).
[[nodiscard]] int read_descriptor(int fd, std::string& text);

// The system's reason for `error_number` ("No such file or directory").
std::string reason(int error_number);

// "relkit: cannot ACTION NAME: REASON\n" on stderr ("relkit: cannot read CHANGELOG.md:
// Permission denied"); returns exit_usage.
int io_error(std::string_view action, std::string_view name, int error_number);

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

// "NAME:LINE:COLUMN" or "NAME: line L, column C" for byte `position` of `text` (from
// relkit::locate); no_position: "NAME".
std::string location(std::string_view name, std::string_view text, std::size_t position,
                     location_style style);

// The error in `text` (the input named `name`) with its line and column from
// relkit::locate; no position: "NAME: message [code]".
std::string located(std::string_view name, std::string_view text, const relkit::error& e,
                    location_style style);

// "relkit: " + located(...) on stderr; returns exit_usage.
int located_error(std::string_view name, std::string_view text, const relkit::error& e,
                  location_style style = location_style::file);

// Reads the file `path` and parses it with `parse` (text -> relkit::result<T>, T not
// pointing into the text): the value, or nullopt after the message (io_error, or
// located_error with the file's line and column).
template <class Parse>
auto parse_file(std::string_view path, Parse parse)
    -> std::optional<typename decltype(parse(std::string_view()))::value_type> {
  const std::string name(path);
  std::string text;
  if (const int e = read_file(name, text); e != 0) {
    io_error("read", name, e);
    return std::nullopt;
  }
  auto parsed = parse(std::string_view(text));
  if (!parsed) {
    located_error(name, text, parsed.error());
    return std::nullopt;
  }
  return std::move(*parsed);
}

}  // namespace relkit::cli
