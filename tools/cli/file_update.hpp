// Replacing a file's content without losing anything else about it (`relkit changelog
// --prepend`): the real file behind a chain of symbolic links is written, the links stay;
// its mode (and owner, where the system allows) is kept; a read-only file is refused; the
// new content goes to a temporary file beside the real file, carrying its extended
// attributes (POSIX ACLs among them), which is synced and renamed over it, so that a reader
// sees the old file or the new one, never a part. A file with several names (hard links)
// is rewritten in place instead, so that every name keeps seeing the one file.
#pragma once

#include <string>
#include <string_view>

#include <sys/types.h>

namespace relkit::cli {

struct file_update {
  std::string given;  // the path as the user wrote it
  std::string path;   // the real file: `given` with every symbolic link followed
  std::string name;   // how messages name it: `path`, and "(the target of GIVEN)" for a link
  bool exists = false;
  mode_t mode = 0;  // when it exists: its permission bits (07777) and owner
  uid_t owner = 0;
  gid_t group = 0;
  nlink_t links = 0;  // its names: above 1, a rename would split them, so it is rewritten
};

// Follows the symbolic links of `given` (a relative link target is relative to the link's
// directory) to the real file, checks that it is a regular file relkit may write (a
// directory, a device or a read-only file is refused, with how to fix it) and reads its
// bytes into `text` (nothing when the file does not exist: it will be created). False
// after writing the message, which names the file and the system's reason, on stderr.
bool begin_update(const std::string& given, file_update& file, std::string& text);

// Replaces the real file's content by `bytes`: writes a temporary file in the real file's
// directory with the file's mode, owner and extended attributes (a new file: 0666 minus
// the umask, as any program creates one), fsyncs it and renames it over the real file; on
// failure the temporary file is removed and the real file is unchanged. A file with hard
// links is truncated and written in place (not atomic: a failed write leaves it partial,
// and the message says so). False after the message.
bool commit_update(const file_update& file, std::string_view bytes);

}  // namespace relkit::cli
