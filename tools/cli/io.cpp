#include "io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace relkit::cli {

void out(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

void err(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
}

int read_descriptor(int fd, std::string& text) {
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      text.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0) {
      return 0;
    } else if (errno != EINTR) {
      return errno;
    }
  }
}

int read_stdin(std::string& text) {
  return read_descriptor(STDIN_FILENO, text);
}

int read_file(const std::string& path, std::string& text) {
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return errno;
  const int status = read_descriptor(fd, text);
  ::close(fd);
  return status;
}

std::string reason(int error_number) {
  return std::strerror(error_number);
}

int io_error(std::string_view action, std::string_view name, int error_number) {
  std::string text = "relkit: cannot ";
  text += action;
  text += ' ';
  text += name;
  text += ": ";
  text += reason(error_number);
  text += '\n';
  err(text);
  return exit_usage;
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

std::string location(std::string_view name, std::string_view text, std::size_t position,
                     location_style style) {
  std::string where(name);
  if (position == relkit::no_position) return where;
  const relkit::text_location at = relkit::locate(text, position);
  if (style == location_style::file) {
    where += ':' + std::to_string(at.line) + ':' + std::to_string(at.column);
  } else {
    where += ": line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
  }
  return where;
}

std::string located(std::string_view name, std::string_view text, const relkit::error& e,
                    location_style style) {
  return location(name, text, e.position, style) + ": " + e.message() + " [" +
         relkit::to_string(e.code) + "]";
}

int located_error(std::string_view name, std::string_view text, const relkit::error& e,
                  location_style style) {
  err("relkit: " + located(name, text, e, style) + "\n");
  return exit_usage;
}

}  // namespace relkit::cli
