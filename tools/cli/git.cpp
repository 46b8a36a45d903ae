#include "git.hpp"

#include <relkit/commits/tag_format.hpp>
#include <relkit/detail/js_text.hpp>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace relkit::cli::git {

namespace {

// Closes the descriptors it holds when it goes out of scope.
struct pipe_pair {
  int fd[2] = {-1, -1};
  ~pipe_pair() {
    for (int& f : fd) {
      if (f >= 0) ::close(f);
    }
  }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
};

bool open_pipe(pipe_pair& p) {
  if (::pipe(p.fd) != 0) return false;
  // Neither end may leak into the child past its dup2 to 1 or 2 (dup2 clears the flag).
  return ::fcntl(p.fd[0], F_SETFD, FD_CLOEXEC) == 0 && ::fcntl(p.fd[1], F_SETFD, FD_CLOEXEC) == 0;
}

std::string command_line(const std::vector<std::string>& argv) {
  std::string text;
  for (const std::string& a : argv) {
    if (!text.empty()) text += ' ';
    text += a;
  }
  return text;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += "; ";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// What to do about git's complaint, when relkit knows; empty otherwise.
std::string hint_for(std::string_view stderr_text) {
  if (stderr_text.find("not a git repository") != std::string_view::npos) {
    return "not a git repository: run in a repository or pass --repo DIR";
  }
  if (stderr_text.find("cannot change to") != std::string_view::npos) {
    return "cannot enter the --repo directory";
  }
  if (stderr_text.find("dubious ownership") != std::string_view::npos) {
    return "git refuses a repository owned by another user (git config safe.directory)";
  }
  return std::string();
}

// The environment of `environ` with LC_ALL=C instead of any LC_ALL or LANGUAGE.
std::vector<std::string> child_environment() {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry(*e);
    if (entry.rfind("LC_ALL=", 0) == 0 || entry.rfind("LANGUAGE=", 0) == 0) continue;
    env.emplace_back(entry);
  }
  env.emplace_back("LC_ALL=C");
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// A ref given on the command line: git would read "-x" as an option.
bool check_ref(std::string_view what, const std::string& ref, std::string& error) {
  if (ref.empty()) {
    error = std::string(what) + " is empty";
    return false;
  }
  if (ref[0] == '-') {
    error = std::string(what) + " '" + ref + "' begins with '-', which git would read as an option";
    return false;
  }
  return true;
}

}  // namespace

namespace {

// How one git process ended.
struct process_result {
  std::string shown;    // "git -C DIR tag --merged HEAD"
  std::string failure;  // set when git could not be run or waited for
  int exit_code = -1;   // -1 when killed by a signal
  int signal = 0;
  std::string stderr_text;
};

process_result spawn_git(const std::string& repo, const std::vector<std::string>& args,
                         std::string& out) {
  process_result r;
  std::vector<std::string> argv{"git"};
  if (!repo.empty()) {
    argv.emplace_back("-C");
    argv.push_back(repo);
  }
  argv.insert(argv.end(), args.begin(), args.end());
  r.shown = command_line(argv);

  pipe_pair stdout_pipe;
  pipe_pair stderr_pipe;
  if (!open_pipe(stdout_pipe) || !open_pipe(stderr_pipe)) {
    r.failure = "cannot run " + r.shown + ": pipe: " + std::strerror(errno);
    return r;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, stdout_pipe.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, stderr_pipe.fd[1], 2);

  std::vector<std::string> env = child_environment();
  std::vector<char*> env_pointers = pointers(env);
  std::vector<char*> argv_pointers = pointers(argv);
  pid_t pid = 0;
  const int spawned =
      posix_spawnp(&pid, "git", &actions, nullptr, argv_pointers.data(), env_pointers.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    if (spawned == ENOENT) {
      r.failure = "git not found: install git or put it on PATH (relkit runs `" + r.shown + "`)";
    } else {
      r.failure = "cannot run " + r.shown + ": " + std::strerror(spawned);
    }
    return r;
  }
  stdout_pipe.close_end(1);
  stderr_pipe.close_end(1);

  // Both pipes at once, so that a full stderr pipe never blocks git while we wait on stdout.
  out.clear();
  pollfd fds[2] = {{stdout_pipe.fd[0], POLLIN, 0}, {stderr_pipe.fd[0], POLLIN, 0}};
  std::string* sinks[2] = {&out, &r.stderr_text};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (pollfd& p : fds) {
      if (p.fd < 0 || p.revents == 0) continue;
      const ssize_t n = ::read(p.fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[&p - fds]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        p.fd = -1;  // end of file (pipe_pair closes the descriptor)
        --open_count;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      r.failure = "cannot wait for " + r.shown + ": " + std::strerror(errno);
      return r;
    }
  }
  if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.signal = WTERMSIG(status);
  }
  return r;
}

// The message of a git process that did not exit 0: a hint when relkit knows what to do,
// then the command and git's own words.
std::string failure_message(const process_result& r) {
  if (!r.failure.empty()) return r.failure;
  std::string what = trimmed(r.stderr_text);
  if (r.exit_code < 0) {
    what = "killed by signal " + std::to_string(r.signal);
  } else if (what.empty()) {
    what = "exit status " + std::to_string(r.exit_code);
  }
  const std::string hint = hint_for(r.stderr_text);
  return hint.empty() ? r.shown + ": " + what : hint + " (" + r.shown + ": " + what + ")";
}

}  // namespace

bool run(const std::string& repo, const std::vector<std::string>& args, std::string& out,
         std::string& error) {
  const process_result r = spawn_git(repo, args, out);
  if (r.failure.empty() && r.exit_code == 0) return true;
  error = failure_message(r);
  return false;
}

bool merged_tags(const std::string& repo, const std::string& ref, std::vector<std::string>& tags,
                 std::string& error) {
  if (!check_ref("the ref", ref, error)) return false;
  std::string text;
  if (!run(repo, {"tag", "--merged", ref}, text, error)) return false;
  tags.clear();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    // semantic-release: stdout.split("\n").map((tag) => tag.trim()).filter(Boolean)
    const std::string_view tag =
        relkit::detail::js_trim(std::string_view(text).substr(start, end - start));
    if (!tag.empty()) tags.emplace_back(tag);
    start = end + 1;
  }
  return true;
}

bool resolve(const std::string& repo, const std::string& ref, std::string& sha,
             std::string& error) {
  if (!check_ref("the ref", ref, error)) return false;
  std::string text;
  const process_result r =
      spawn_git(repo, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"}, text);
  if (r.failure.empty() && r.exit_code == 1 && trimmed(r.stderr_text).empty()) {
    // --quiet: git says nothing when the ref names no commit; relkit says which.
    error = "no commit named '" + ref + "'" +
            (ref == "HEAD" ? " (a repository without commits yet?)" : "") + " (" + r.shown +
            ": exit status 1)";
    return false;
  }
  if (!r.failure.empty() || r.exit_code != 0) {
    error = failure_message(r);
    return false;
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  sha = std::move(text);
  return true;
}

bool log(const std::string& repo, const std::string& from, const std::string& to, std::string& text,
         std::string& error, bool topo_order) {
  if (!check_ref("the ref", to, error)) return false;
  if (!from.empty() && !check_ref("the ref", from, error)) return false;
  const std::string range = from.empty() ? to : from + ".." + to;
  std::vector<std::string> args = {"log", "--no-color", "--no-show-signature"};
  if (topo_order) args.emplace_back("--topo-order");
  args.insert(args.end(), {"--format=%H%x1f%P%x1f%B%x1e", range, "--"});
  return run(repo, args, text, error);
}

bool history(const std::string& repo, const std::string& to, std::string& text,
             std::string& error) {
  if (!check_ref("the ref", to, error)) return false;
  return run(repo,
             {"log", "--no-color", "--no-show-signature", "--decorate-refs=refs/tags/",
              "--format=%H%x1f%P%x1f%ct%x1f%D%x1f%B%x1e", to, "--"},
             text, error);
}

bool file_at(const std::string& repo, const std::string& ref, const std::string& path,
             std::string& text, bool& found, std::string& error) {
  if (!check_ref("the ref", ref, error)) return false;
  const process_result r = spawn_git(repo, {"cat-file", "-p", ref + ":" + path}, text);
  found = r.failure.empty() && r.exit_code == 0;
  if (found) return true;
  text.clear();
  // REF names a commit (the caller resolved it): 128 is git's "fatal: path 'x' does not
  // exist in 'HEAD'" (or "exists on disk, but not in", or, older, "Not a valid object name").
  if (r.failure.empty() && r.exit_code == 128) return true;
  error = failure_message(r);
  return false;
}

bool commits_changing_only(const std::string& repo, const std::string& ref, const std::string& path,
                           std::vector<std::string>& shas, std::string& error) {
  if (!check_ref("the ref", ref, error)) return false;
  std::string text;
  if (!run(repo,
           {"log", "--no-color", "--full-history", "--diff-merges=first-parent", "--no-renames",
            "--name-only", "--full-diff", "--format=%x1e%H", ref, "--", path},
           text, error)) {
    return false;
  }
  shas.clear();
  std::size_t at = 0;
  while ((at = text.find('\x1e', at)) != std::string::npos) {
    const std::size_t end = std::min(text.find('\x1e', at + 1), text.size());
    // "SHA\n\nFILE\nFILE\n": the sha, a blank line, the files it changes.
    std::string_view rest = std::string_view(text).substr(at + 1, end - at - 1);
    at = end;
    std::string_view sha;
    std::size_t files = 0;
    bool only_path = true;
    for (bool first = true; !rest.empty(); first = false) {
      const std::size_t eol = rest.find('\n');
      const std::string_view line = rest.substr(0, eol);
      rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
      if (first) {
        sha = line;
      } else if (!line.empty()) {
        ++files;
        only_path = only_path && line == path;
      }
    }
    if (files == 1 && only_path) shas.emplace_back(sha);
  }
  return true;
}

bool date_of(const std::string& repo, const std::string& ref, commit_date& date,
             std::string& error) {
  if (!check_ref("the ref", ref, error)) return false;
  std::string text;
  if (!run(repo,
           {"log", "-1", "--no-show-signature", "--format=%ct%x1f%cI", ref + "^{commit}", "--"},
           text, error)) {
    return false;
  }
  const std::size_t sep = text.find('\x1f');
  if (sep == std::string::npos || sep == 0) {
    error =
        "unexpected output of git log -1 --format=%ct%x1f%cI " + ref + ": '" + trimmed(text) + "'";
    return false;
  }
  std::int64_t seconds = 0;
  bool negative = false;
  std::size_t i = 0;
  if (text[0] == '-') {
    negative = true;
    i = 1;
  }
  for (; i < sep; ++i) {
    if (text[i] < '0' || text[i] > '9' || seconds > (INT64_MAX - 9) / 10) {
      error = "unexpected commit time '" + text.substr(0, sep) + "' from git log for " + ref;
      return false;
    }
    seconds = seconds * 10 + (text[i] - '0');
  }
  date.seconds = negative ? -seconds : seconds;
  std::string iso = text.substr(sep + 1);
  while (!iso.empty() && (iso.back() == '\n' || iso.back() == '\r')) iso.pop_back();
  date.iso = std::move(iso);
  return true;
}

bool read_range(const range_options& options, range& result, std::string& error) {
  result = range{};
  result.to = options.to;
  std::string sha;
  // A clear message for a missing TO (or a directory that is no repository) before the rest.
  if (!resolve(options.repo, options.to, sha, error)) return false;
  if (!options.from.empty() && !resolve(options.repo, options.from, sha, error)) return false;

  const std::string& base = options.from.empty() ? options.to : options.from;
  std::vector<std::string> tags;
  if (!merged_tags(options.repo, base, tags, error)) return false;
  relkit::commits::find_options find;
  find.channel = options.channel;
  const auto last = relkit::commits::find_last_release(options.format, tags, find);
  if (last) {
    result.last_tag = std::string(last->tag);
    result.last_version = last->version;
  }
  result.from = options.from.empty() ? result.last_tag : options.from;
  return log(options.repo, result.from, result.to, result.log, error, options.topo_order);
}

}  // namespace relkit::cli::git
