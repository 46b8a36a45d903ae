#include <cstdlib>
int deref(int *p) {
  if (p == nullptr) {
    return *p;
  }
  return 0;
}
int leak() {
  int *q = static_cast<int *>(std::malloc(sizeof(int)));
  *q = 1;
  return 0;
}
int divide(int a) {
  int z = 0;
  return a / z;
}
