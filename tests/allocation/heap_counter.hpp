// Live and peak heap bytes of a test program: every replaceable form of the
// global operator new and delete is replaced (plain, array, nothrow, sized),
// so no allocation reaches another allocator (ASan provides all of them, and a
// nothrow new of its own freed by this delete is a heap overflow). Include it in
// exactly one translation unit of a program of its own.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

namespace heap_counter {
inline std::size_t live_bytes = 0;
inline std::size_t peak_bytes = 0;
// Each block carries its size in front of it, so the unsized delete can count it.
constexpr std::size_t header = alignof(std::max_align_t);

inline void* allocate(std::size_t size) noexcept {
  auto* block = static_cast<unsigned char*>(std::malloc(size + header));
  if (block == nullptr) return nullptr;
  *reinterpret_cast<std::size_t*>(block) = size;
  live_bytes += size;
  if (live_bytes > peak_bytes) peak_bytes = live_bytes;
  return block + header;
}
inline void release(void* p) noexcept {
  if (p == nullptr) return;
  auto* block = static_cast<unsigned char*>(p) - header;
  live_bytes -= *reinterpret_cast<std::size_t*>(block);
  std::free(block);
}
}  // namespace heap_counter

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  void* p = heap_counter::allocate(size);
  if (p == nullptr) std::abort();
  return p;
}
void* operator new[](std::size_t size) {
  return operator new(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return heap_counter::allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return heap_counter::allocate(size);
}
void operator delete(void* p) noexcept {
  heap_counter::release(p);
}
void operator delete[](void* p) noexcept {
  heap_counter::release(p);
}
void operator delete(void* p, std::size_t) noexcept {
  heap_counter::release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  heap_counter::release(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  heap_counter::release(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  heap_counter::release(p);
}
