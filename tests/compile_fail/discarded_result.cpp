// Must NOT compile with -Werror: result<T> is [[nodiscard]], so a dropped
// error is a warning at the call site.
#include <relkit/relkit.hpp>

relkit::result<int> parse_answer() {
  return 42;
}

int main() {
  parse_answer();
  return 0;
}
