#include "file_update.hpp"

#include "io.hpp"

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace relkit::cli {

namespace {

// Links followed before giving up with ELOOP, as Linux does (its MAXSYMLINKS is 40).
constexpr int max_links = 40;

// The directory part of `path`: "." for "CHANGELOG.md", "/" for "/x".
std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// The text of the symbolic link `path`; 0 or errno.
int read_link(const std::string& path, std::string& target) {
  std::vector<char> buffer(256);
  for (;;) {
    const ssize_t n = ::readlink(path.c_str(), buffer.data(), buffer.size());
    if (n < 0) return errno;
    if (static_cast<std::size_t>(n) < buffer.size()) {
      target.assign(buffer.data(), static_cast<std::size_t>(n));
      return 0;
    }
    buffer.resize(buffer.size() * 2);  // perhaps cut: read again with more room
  }
}

// `given` with every symbolic link of its last component followed; `exists` false when the
// last path it reaches does not exist (a new file, or a link to a file yet to be created).
// 0 or errno (ELOOP after max_links links).
int resolve(const std::string& given, std::string& real, bool& exists) {
  std::string path = given;
  for (int links = 0;; ++links) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
      if (errno != ENOENT) return errno;
      real = path;
      exists = false;
      return 0;
    }
    if (!S_ISLNK(info.st_mode)) {
      real = path;
      exists = true;
      return 0;
    }
    if (links == max_links) return ELOOP;
    std::string target;
    if (const int e = read_link(path, target); e != 0) return e;
    if (!target.empty() && target[0] == '/') {
      path = target;
    } else {
      // Relative to the link's own directory, as the system reads it.
      const std::size_t slash = path.rfind('/');
      path = slash == std::string::npos ? target : path.substr(0, slash + 1) + target;
    }
  }
}

// Permission bits, set-user-ID, set-group-ID and sticky: what a file's mode keeps.
constexpr mode_t mode_bits = 07777;

// "0644".
std::string octal_mode(mode_t mode) {
  std::string text(4, '0');
  for (std::size_t i = 4; i-- > 0; mode >>= 3) text[i] = static_cast<char>('0' + (mode & 7U));
  return text;
}

int write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

bool fail(std::string_view action, std::string_view name, int error_number) {
  io_error(action, name, error_number);
  return false;
}

// Copies every extended attribute of `source` (user.*, the POSIX ACLs of system.*, ...) to
// the open file `fd`. 0, or errno with `failed` naming the attribute. A file system
// without extended attributes has none to lose; a security.* label the system refuses to
// copy (an SELinux policy) is the system's to set, so it is not an error.
int copy_attributes(const std::string& source, int fd, std::string& failed) {
  std::vector<char> names;
  for (;;) {
    const ssize_t size = ::llistxattr(source.c_str(), nullptr, 0);
    if (size < 0) return errno == ENOTSUP ? 0 : errno;
    if (size == 0) return 0;
    names.resize(static_cast<std::size_t>(size));
    const ssize_t got = ::llistxattr(source.c_str(), names.data(), names.size());
    if (got >= 0) {
      names.resize(static_cast<std::size_t>(got));
      break;
    }
    if (errno != ERANGE) return errno;  // ERANGE: one was added meanwhile, list again
  }
  std::vector<char> value;
  for (std::size_t at = 0; at < names.size();) {
    const std::string name(names.data() + at);
    at += name.size() + 1;
    ssize_t size = 0;
    for (;;) {
      size = ::lgetxattr(source.c_str(), name.c_str(), nullptr, 0);
      if (size < 0) break;
      value.resize(static_cast<std::size_t>(size));
      size = ::lgetxattr(source.c_str(), name.c_str(), value.data(), value.size());
      if (size >= 0 || errno != ERANGE) break;
    }
    if (size < 0) {
      if (errno == ENODATA) continue;  // removed meanwhile
      failed = name;
      return errno;
    }
    if (::fsetxattr(fd, name.c_str(), value.data(), static_cast<std::size_t>(size), 0) != 0) {
      const bool system_label = name.compare(0, 9, "security.") == 0;
      if (system_label && (errno == EPERM || errno == EACCES || errno == ENOTSUP)) continue;
      failed = name;
      return errno;
    }
  }
  return 0;
}

// Truncates the file with several names at `path` and writes `bytes` into it.
bool rewrite_in_place(const file_update& file, std::string_view bytes) {
  int fd = -1;
  do {
    fd = ::open(file.path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return fail("write", file.name, errno);
  int e = write_all(fd, bytes);
  if (e == 0 && ::fsync(fd) != 0) e = errno;
  if (::close(fd) != 0 && e == 0) e = errno;
  if (e != 0) {
    err("relkit: cannot write " + file.name + ": " + reason(e) + " (the file has " +
        std::to_string(file.links) +
        " hard links, so it was rewritten in place and may now be incomplete: restore it from "
        "version control)\n");
    return false;
  }
  return true;
}

}  // namespace

bool begin_update(const std::string& given, file_update& file, std::string& text) {
  file = file_update{};
  file.given = given;
  if (const int e = resolve(given, file.path, file.exists); e != 0) {
    return fail("resolve", given, e);
  }
  file.name = file.path == given ? given : file.path + " (the target of " + given + ")";
  if (!file.exists) return true;

  int fd = -1;
  do {
    fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return fail("read", file.name, errno);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int e = errno;
    ::close(fd);
    return fail("read", file.name, e);
  }
  if (S_ISDIR(info.st_mode)) {
    ::close(fd);
    return fail("write", file.name, EISDIR);
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    err("relkit: cannot write " + file.name +
        ": not a regular file (relkit replaces the file it prepends to)\n");
    return false;
  }
  const int read_status = read_descriptor(fd, text);
  ::close(fd);
  if (read_status != 0) return fail("read", file.name, read_status);
  file.mode = info.st_mode & mode_bits;
  file.owner = info.st_uid;
  file.group = info.st_gid;
  file.links = info.st_nlink;

  // Read-only: no write permission for this user, or none for anybody (which the
  // superuser, whom access() always lets write, must respect too). rename() would
  // replace the file all the same, as it needs only the directory's permission.
  const bool denied = ::access(file.path.c_str(), W_OK) != 0;
  if (denied && errno != EACCES) return fail("write", file.name, errno);  // EROFS, ...
  const mode_t writable = 0222;
  if ((file.mode & writable) == 0) {
    err("relkit: cannot write " + file.name + ": the file is read-only (mode " +
        octal_mode(file.mode) + "); make it writable (chmod u+w " + file.path +
        ") and run again\n");
    return false;
  }
  if (denied) {
    err("relkit: cannot write " + file.name + ": " + reason(EACCES) + " (mode " +
        octal_mode(file.mode) + ", owner uid " + std::to_string(file.owner) +
        "); make it writable for you and run again\n");
    return false;
  }
  return true;
}

bool commit_update(const file_update& file, std::string_view bytes) {
  if (file.exists && file.links > 1) return rewrite_in_place(file, bytes);
  const std::string directory = directory_of(file.path);
  const std::size_t slash = file.path.rfind('/');
  const std::string base = slash == std::string::npos ? file.path : file.path.substr(slash + 1);
  std::string temporary = (slash == std::string::npos ? std::string() : directory + "/") + "." +
                          base + ".relkit-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    const int e = errno;
    if (!file.exists && (e == ENOENT || e == ENOTDIR)) return fail("create", file.name, e);
    err("relkit: cannot create a temporary file in " + directory + " to replace " + file.name +
        ": " + reason(e) +
        " (relkit writes the new file beside the old one and renames it over it)\n");
    return false;
  }
  auto abandon = [&](std::string_view action, const std::string& name, int e) {
    ::close(fd);
    ::unlink(temporary.c_str());
    return fail(action, name, e);
  };
  mode_t mode = 0;
  if (file.exists) {
    // The owner where the system allows it (the superuser; any user for a group of its
    // own), before the mode, which a change of owner may clear bits of.
    if (::fchown(fd, file.owner, file.group) != 0 &&
        ::fchown(fd, static_cast<uid_t>(-1), file.group) != 0) {
      // Neither: the new file keeps this process's owner and group.
    }
    mode = file.mode;
    std::string attribute;
    if (const int e = copy_attributes(file.path, fd, attribute); e != 0) {
      ::close(fd);
      ::unlink(temporary.c_str());
      err("relkit: cannot copy the extended attribute " + attribute + " of " + file.name +
          " to the new file: " + reason(e) + " (the file is unchanged)\n");
      return false;
    }
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    const mode_t readable_and_writable = 0666;
    mode = readable_and_writable & ~mask;
  }
  if (::fchmod(fd, mode) != 0) return abandon("set the mode of", temporary, errno);
  if (const int e = write_all(fd, bytes); e != 0) return abandon("write", temporary, e);
  if (::fsync(fd) != 0) return abandon("write", temporary, errno);
  if (::close(fd) != 0) {
    const int e = errno;
    ::unlink(temporary.c_str());
    return fail("write", temporary, e);
  }
  if (::rename(temporary.c_str(), file.path.c_str()) != 0) {
    const int e = errno;
    ::unlink(temporary.c_str());
    return fail("replace", file.name, e);
  }
  // The rename itself on disk; a directory that cannot be synced changes nothing above.
  const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    if (::fsync(dir) != 0) {
      // Not every file system syncs directories; the file itself is synced.
    }
    ::close(dir);
  }
  return true;
}

}  // namespace relkit::cli
