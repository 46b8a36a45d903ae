// Producing an error allocates nothing; only reading its message does. A
// program of its own because it replaces the global operator new.

#include <relkit/result.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>

namespace {
std::atomic<std::size_t> allocations{0};
}  // namespace

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  std::abort();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace {

enum class probe_errc { unexpected = 1 };
inline constexpr relkit::error_entry<probe_errc> probe_table[] = {
    {probe_errc::unexpected, "unexpected", "unexpected {token} in {text} after {number} bytes"},
};
inline constexpr relkit::error_domain probe_domain =
    relkit::make_error_domain<probe_table>("probe");
constexpr const relkit::error_domain& relkit_error_domain(probe_errc) noexcept {
  return probe_domain;
}

relkit::result<int> fail_at(std::string_view input, std::size_t at) {
  return relkit::error{probe_errc::unexpected, at,
                       relkit::error_args{}
                           .with_byte_of(input, at)
                           .with_text("a long description of the field being parsed")
                           .with_number(static_cast<std::int64_t>(at))};
}

TEST(ErrorAllocation, ProducingAndCopyingAnErrorAllocatesNothing) {
  const std::string input(200, '?');
  const std::size_t before = allocations.load();
  auto failed = fail_at(input, 150);
  const relkit::result<int> copy = failed;
  const relkit::error taken = std::move(failed).error();
  const bool same = taken == copy.error();
  EXPECT_EQ(allocations.load() - before, 0U);
  EXPECT_TRUE(same);
}

// The plan errors of rollout and migrations name their subject with a token
// joined from pieces and a formatted step number: still no allocation.
TEST(ErrorAllocation, JoinedTokensAndDecimalTextAllocateNothing) {
  const std::string name(100, 'n');
  const std::size_t before = allocations.load();
  const relkit::detail::integer_text step(std::size_t{123456});
  const relkit::error err{probe_errc::unexpected, relkit::no_position,
                          relkit::detail::joined_token({"\"", name, "\" in step ", step.view()}, 1)
                              .with_text("a plan")
                              .with_number(123456)};
  const bool cut = err.args.token().size() == relkit::error_args::token_capacity;
  EXPECT_EQ(allocations.load() - before, 0U);
  EXPECT_TRUE(cut);
  EXPECT_EQ(err.message(), "unexpected \"" + std::string(20, 'n') +
                               "...\" in step 123456 in a plan after 123456 bytes");
}

TEST(ErrorAllocation, TheMessageIsBuiltWhenRead) {
  const std::string input(200, '?');
  const auto failed = fail_at(input, 150);
  const std::size_t before = allocations.load();
  const std::string text = relkit::to_string(failed.error());
  EXPECT_GE(allocations.load() - before, 1U);
  EXPECT_EQ(text,
            "unexpected '?' in a long description of the field being parsed after 150 bytes at 150 "
            "[probe.unexpected]");
}

}  // namespace
