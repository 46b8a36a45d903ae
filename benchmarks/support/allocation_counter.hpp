#pragma once
// Counts every heap allocation of the benchmark program by replacing the
// global operator new, so a benchmark can report allocations per iteration.
// Replacement functions cannot be inline: include this header in exactly one
// translation unit per program (each benchmarks/<name>_bench.cpp is one).

#include <benchmark/benchmark.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace relkit_bench {

inline std::atomic<std::size_t> allocation_count{0};

// Allocations since `before` (an earlier allocation_count), per iteration.
inline double allocations_per_iteration(const benchmark::State& state, std::size_t before) {
  return static_cast<double>(allocation_count.load() - before) /
         static_cast<double>(state.iterations());
}

}  // namespace relkit_bench

// g++ 12 cannot see that this pair of replacements matches (malloc / free).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  relkit_bench::allocation_count.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  std::abort();  // no bad_alloc: the benchmarks also build with -fno-exceptions
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
