#include "io.hpp"

namespace relkit::cli {

void out(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

void err(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
}

bool read_all(std::FILE* f, std::string& text) {
  char buffer[65536];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
    text.append(buffer, n);
    if (n < sizeof buffer) return std::ferror(f) == 0;
  }
}

bool read_stdin(std::string& text) {
  return read_all(stdin, text);
}

bool read_file(const std::string& path, std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  const bool ok = read_all(f, text);
  std::fclose(f);
  return ok;
}

int usage_error(std::string_view message, std::string_view command) {
  std::string text = "relkit: ";
  text += message;
  text += "\nTry 'relkit ";
  if (!command.empty()) {
    text += command;
    text += ' ';
  }
  text += "--help'.\n";
  err(text);
  return exit_usage;
}

int input_error(std::string_view input, const relkit::error& e) {
  std::string text = "relkit: ";
  text += input;
  text += ": ";
  text += relkit::to_string(e);
  text += '\n';
  err(text);
  return exit_usage;
}

std::string located(std::string_view name, std::string_view text, const relkit::error& e,
                    location_style style) {
  std::string where(name);
  if (e.position != relkit::no_position) {
    const relkit::text_location at = relkit::locate(text, e.position);
    if (style == location_style::file) {
      where += ':' + std::to_string(at.line) + ':' + std::to_string(at.column);
    } else {
      where += ": line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
    }
  }
  return where + ": " + e.message() + " [" + relkit::to_string(e.code) + "]";
}

int located_error(std::string_view name, std::string_view text, const relkit::error& e,
                  location_style style) {
  err("relkit: " + located(name, text, e, style) + "\n");
  return exit_usage;
}

}  // namespace relkit::cli
