#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <type_traits>

namespace {

// A user-defined error enum, registered the way every component registers its own.
enum class sample_errc { empty_input = 1, bad_digit = 2 };

constexpr std::string_view describe_sample(int code) noexcept {
  switch (static_cast<sample_errc>(code)) {
    case sample_errc::empty_input:
      return "empty_input";
    case sample_errc::bad_digit:
      return "bad_digit";
  }
  return "unknown";
}

inline constexpr relkit::error_domain sample_domain{"sample", &describe_sample};

constexpr const relkit::error_domain& relkit_error_domain(sample_errc) noexcept {
  return sample_domain;
}

enum class other_errc { empty_input = 1 };
constexpr std::string_view describe_other(int) noexcept {
  return "empty_input";
}
inline constexpr relkit::error_domain other_domain{"other", &describe_other};
constexpr const relkit::error_domain& relkit_error_domain(other_errc) noexcept {
  return other_domain;
}

// Parses a single decimal digit: the shape of every relkit parser.
relkit::result<int> parse_digit(std::string_view text) {
  if (text.empty()) return relkit::error{sample_errc::empty_input, 0, "empty input at 0"};
  if (text[0] < '0' || text[0] > '9') {
    return relkit::error{sample_errc::bad_digit, 0,
                         std::string("unexpected '") + text[0] + "' at 0 while parsing a digit"};
  }
  return text[0] - '0';
}

TEST(ErrorCode, ComparesEqualToItsEnumAndNamesItself) {
  const relkit::error_code code = sample_errc::bad_digit;
  EXPECT_EQ(code.value(), 2);
  EXPECT_EQ(code.domain(), &sample_domain);
  EXPECT_TRUE(code == sample_errc::bad_digit);
  EXPECT_TRUE(sample_errc::bad_digit == code);
  EXPECT_TRUE(code != sample_errc::empty_input);
  EXPECT_EQ(relkit::to_string(code), "sample.bad_digit");
}

TEST(ErrorCode, SameValueInAnotherDomainDiffers) {
  const relkit::error_code mine = sample_errc::empty_input;
  const relkit::error_code theirs = other_errc::empty_input;
  EXPECT_EQ(mine.value(), theirs.value());
  EXPECT_NE(mine, theirs);
  EXPECT_TRUE(mine != other_errc::empty_input);
}

TEST(ErrorCode, DefaultIsNone) {
  const relkit::error_code code;
  EXPECT_EQ(code.domain(), nullptr);
  EXPECT_EQ(code.value(), 0);
  EXPECT_EQ(relkit::to_string(code), "none.none");
}

TEST(ErrorCode, IsUsableInConstantExpressions) {
  static_assert(relkit::error_code(sample_errc::bad_digit).value() == 2);
  static_assert(relkit::error_code(sample_errc::bad_digit) == sample_errc::bad_digit);
  static_assert(relkit::is_error_code_enum_v<sample_errc>);
  static_assert(!relkit::is_error_code_enum_v<int>);
  SUCCEED();
}

TEST(Error, ToStringAppendsTheCode) {
  const relkit::error err{sample_errc::bad_digit, 4, "unexpected 'x' at 4"};
  EXPECT_EQ(relkit::to_string(err), "unexpected 'x' at 4 [sample.bad_digit]");
}

TEST(Error, EqualityComparesCodePositionAndMessage) {
  const relkit::error a{sample_errc::bad_digit, 4, "m"};
  EXPECT_EQ(a, (relkit::error{sample_errc::bad_digit, 4, "m"}));
  EXPECT_NE(a, (relkit::error{sample_errc::empty_input, 4, "m"}));
  EXPECT_NE(a, (relkit::error{sample_errc::bad_digit, 5, "m"}));
  EXPECT_NE(a, (relkit::error{sample_errc::bad_digit, 4, "n"}));
}

TEST(Result, HoldsAValue) {
  const auto r = parse_digit("7");
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(*r, 7);
  EXPECT_EQ(r.value(), 7);
  EXPECT_EQ(r.value_or(-1), 7);
}

TEST(Result, HoldsAnErrorWithCodePositionAndMessage) {
  const auto r = parse_digit("x");
  ASSERT_FALSE(r.has_value());
  EXPECT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().code, sample_errc::bad_digit);
  EXPECT_EQ(r.error().position, 0u);
  EXPECT_EQ(r.error().message(), "unexpected 'x' at 0 while parsing a digit");
  EXPECT_EQ(r.value_or(-1), -1);
}

TEST(Result, ArrowReachesMembers) {
  relkit::result<std::string> r = std::string("abc");
  EXPECT_EQ(r->size(), 3u);
  r->push_back('d');
  EXPECT_EQ(*r, "abcd");
}

TEST(Result, MovesOutMoveOnlyValues) {
  relkit::result<std::unique_ptr<int>> r = std::make_unique<int>(5);
  std::unique_ptr<int> taken = std::move(r).value();
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, 5);
}

TEST(Result, ErrorCanBeMovedOut) {
  auto r = parse_digit("");
  relkit::error err = std::move(r).error();
  EXPECT_EQ(err.code, sample_errc::empty_input);
  EXPECT_EQ(err.message(), "empty input at 0");
}

TEST(Result, AndThenChainsAndForwardsTheFirstError) {
  auto twice = [](int x) -> relkit::result<int> {
    if (x > 4) return relkit::error{sample_errc::bad_digit, 0, "too big at 0"};
    return x * 2;
  };
  EXPECT_EQ(*parse_digit("3").and_then(twice), 6);
  const auto too_big = parse_digit("9").and_then(twice);
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error().message(), "too big at 0");
  const auto not_a_digit = parse_digit("?").and_then(twice);
  ASSERT_FALSE(not_a_digit);
  EXPECT_EQ(not_a_digit.error().code, sample_errc::bad_digit);
  EXPECT_EQ(not_a_digit.error().message(), "unexpected '?' at 0 while parsing a digit");
}

TEST(Result, TransformMapsTheValueOnly) {
  const auto text = parse_digit("4").transform([](int x) { return std::to_string(x * 10); });
  static_assert(std::is_same_v<std::decay_t<decltype(text)>, relkit::result<std::string>>);
  EXPECT_EQ(*text, "40");
  const auto failed = parse_digit("").transform([](int x) { return x + 1; });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, sample_errc::empty_input);
}

TEST(Result, EqualityComparesAlternativeAndContents) {
  EXPECT_EQ(parse_digit("1"), parse_digit("1"));
  EXPECT_NE(parse_digit("1"), parse_digit("2"));
  EXPECT_NE(parse_digit("1"), parse_digit("x"));
  EXPECT_EQ(parse_digit("x"), parse_digit("x"));
}

// Counts live instances so the tests can prove every alternative switch
// destroys exactly what it constructed.
struct tracked {
  static inline int live = 0;
  std::string text;
  explicit tracked(std::string t) : text(std::move(t)) { ++live; }
  tracked(const tracked& other) : text(other.text) { ++live; }
  tracked(tracked&& other) noexcept : text(std::move(other.text)) { ++live; }
  tracked& operator=(const tracked&) = default;
  tracked& operator=(tracked&&) noexcept = default;
  ~tracked() { --live; }
};

TEST(Result, CopyAndMoveAssignmentSwitchAlternativesWithoutLeaking) {
  ASSERT_EQ(tracked::live, 0);
  {
    relkit::result<tracked> value = tracked("a long string that does not fit in SSO");
    relkit::result<tracked> failure = relkit::error{sample_errc::bad_digit, 3, "bad digit at 3"};
    EXPECT_EQ(tracked::live, 1);

    relkit::result<tracked> copy = value;  // value -> value copy
    EXPECT_EQ(copy->text, "a long string that does not fit in SSO");
    EXPECT_EQ(tracked::live, 2);

    copy = failure;  // value -> error
    ASSERT_FALSE(copy.has_value());
    EXPECT_EQ(copy.error().position, 3U);
    EXPECT_EQ(tracked::live, 1);

    copy = value;  // error -> value
    ASSERT_TRUE(copy.has_value());
    EXPECT_EQ(copy->text, "a long string that does not fit in SSO");
    EXPECT_EQ(tracked::live, 2);

    copy = std::move(failure);  // value -> error, by move
    EXPECT_EQ(copy.error().message(), "bad digit at 3");
    EXPECT_EQ(tracked::live, 1);

    copy = std::move(value);  // error -> value, by move
    EXPECT_EQ(copy->text, "a long string that does not fit in SSO");
    EXPECT_EQ(tracked::live, 2);  // the moved-from value is still alive

    auto& self = copy;
    copy = self;  // self-assignment keeps the value
    EXPECT_EQ(copy->text, "a long string that does not fit in SSO");
    EXPECT_EQ(tracked::live, 2);
  }
  EXPECT_EQ(tracked::live, 0);
}

TEST(Result, CopyabilityAndNoexceptFollowTheValueType) {
  static_assert(!std::is_copy_constructible_v<relkit::result<std::unique_ptr<int>>>);
  static_assert(!std::is_copy_assignable_v<relkit::result<std::unique_ptr<int>>>);
  static_assert(std::is_move_constructible_v<relkit::result<std::unique_ptr<int>>>);
  static_assert(std::is_copy_constructible_v<relkit::result<std::string>>);
  static_assert(std::is_nothrow_move_constructible_v<relkit::result<std::string>>);
  relkit::result<std::unique_ptr<int>> a = std::make_unique<int>(7);
  relkit::result<std::unique_ptr<int>> b =
      relkit::error{sample_errc::empty_input, 0, "empty input at 0"};
  b = std::move(a);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(**b, 7);
}

TEST(ResultVoid, SuccessAndFailure) {
  const relkit::result<void> ok;
  EXPECT_TRUE(ok.has_value());
  const relkit::result<void> failed = relkit::error{sample_errc::empty_input, 3, "nothing at 3"};
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().position, 3u);
  EXPECT_NE(ok, failed);
}

TEST(Namespace, IsVersionedInline) {
  static_assert(std::is_same_v<relkit::result<int>, relkit::v0::result<int>>);
  static_assert(std::is_same_v<relkit::error, relkit::v0::error>);
  SUCCEED();
}

TEST(Version, MacrosAgree) {
  EXPECT_EQ(RELKIT_VERSION,
            RELKIT_VERSION_MAJOR * 10000 + RELKIT_VERSION_MINOR * 100 + RELKIT_VERSION_PATCH);
}

#if RELKIT_HAS_EXCEPTIONS
TEST(Result, ValueOnAnErrorThrowsBadResultAccessCarryingTheError) {
  const auto r = parse_digit("x");
  try {
    (void)r.value();
    FAIL() << "value() on an error did not throw";
  } catch (const relkit::bad_result_access& e) {
    EXPECT_EQ(e.error().code, sample_errc::bad_digit);
    EXPECT_EQ(e.error().position, 0u);
    EXPECT_STREQ(e.what(), "unexpected 'x' at 0 while parsing a digit [sample.bad_digit]");
  }
}

TEST(ResultVoid, ValueOnAnErrorThrows) {
  const relkit::result<void> failed = relkit::error{sample_errc::empty_input, 3, "nothing at 3"};
  EXPECT_THROW(failed.value(), relkit::bad_result_access);
}
#else
TEST(ResultDeathTest, ValueOnAnErrorAbortsWithTheMessage) {
  const auto r = parse_digit("x");
  EXPECT_DEATH((void)r.value(),
               "relkit: unexpected 'x' at 0 while parsing a digit \\[sample.bad_digit\\]");
}
#endif

TEST(ResultDeathTest, DereferencingAnErrorAbortsWithAMessage) {
  const auto r = parse_digit("x");
  EXPECT_DEATH((void)*r, "relkit: result value accessed on an error");
}

TEST(ResultDeathTest, ErrorOfAValueAbortsWithAMessage) {
  const auto r = parse_digit("1");
  EXPECT_DEATH((void)r.error(), "relkit: result::error\\(\\) called on a value");
}

}  // namespace
