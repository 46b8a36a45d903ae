#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <limits>
#include <memory>
#include <string>
#include <type_traits>

namespace {

// A user-defined error enum, registered the way every component registers its
// own: one table of names and message templates.
enum class sample_errc { empty_input = 1, bad_digit = 2 };

inline constexpr relkit::error_entry<sample_errc> sample_table[] = {
    {sample_errc::empty_input, "empty_input", "empty input"},
    {sample_errc::bad_digit, "bad_digit", "unexpected {token} while parsing {text}"},
};
inline constexpr relkit::error_domain sample_domain =
    relkit::make_error_domain<sample_table>("sample");

constexpr const relkit::error_domain& relkit_error_domain(sample_errc) noexcept {
  return sample_domain;
}

enum class other_errc { empty_input = 1 };
inline constexpr relkit::error_entry<other_errc> other_table[] = {
    {other_errc::empty_input, "empty_input", "nothing here"},
};
inline constexpr relkit::error_domain other_domain =
    relkit::make_error_domain<other_table>("other");
constexpr const relkit::error_domain& relkit_error_domain(other_errc) noexcept {
  return other_domain;
}

relkit::error bad_digit_at(std::string_view text, std::size_t at) {
  return relkit::error{sample_errc::bad_digit, at,
                       relkit::error_args{}.with_byte_of(text, at).with_text("a digit")};
}

// Parses a single decimal digit: the shape of every relkit parser.
relkit::result<int> parse_digit(std::string_view text) {
  if (text.empty()) return relkit::error{sample_errc::empty_input, 0};
  if (text[0] < '0' || text[0] > '9') return bad_digit_at(text, 0);
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

TEST(Error, MessageIsBuiltFromTheTemplateAndHasNoPosition) {
  const relkit::error err = bad_digit_at("1234x", 4);
  EXPECT_EQ(err.message(), "unexpected 'x' while parsing a digit");
  EXPECT_EQ(err.position, 4U);
}

TEST(Error, ToStringAddsThePositionAndTheCode) {
  EXPECT_EQ(relkit::to_string(bad_digit_at("1234x", 4)),
            "unexpected 'x' while parsing a digit at 4 [sample.bad_digit]");
  EXPECT_EQ(relkit::to_string(relkit::error{sample_errc::empty_input, relkit::no_position}),
            "empty input [sample.empty_input]");
  EXPECT_EQ(relkit::to_string(relkit::error{sample_errc::empty_input, 0}),
            "empty input at 0 [sample.empty_input]");
}

TEST(Error, DefaultIsNoneWithoutPosition) {
  const relkit::error err;
  EXPECT_EQ(err.position, relkit::no_position);
  EXPECT_EQ(err.message(), "none");
  EXPECT_EQ(relkit::to_string(err), "none [none.none]");
}

TEST(Error, EqualityComparesCodePositionAndArguments) {
  const relkit::error a = bad_digit_at("x", 0);
  EXPECT_EQ(a, bad_digit_at("x", 0));
  EXPECT_NE(a, bad_digit_at("y", 0));
  EXPECT_NE(a, bad_digit_at("0x", 1));
  EXPECT_NE(a, (relkit::error{sample_errc::empty_input, 0}));
  EXPECT_NE((relkit::error{sample_errc::empty_input, 0}),
            (relkit::error{other_errc::empty_input, 0}));
}

TEST(ErrorArgs, NonPrintableBytesAreNamedInHex) {
  EXPECT_EQ(bad_digit_at(std::string_view("\x01", 1), 0).message(),
            "unexpected byte 0x01 while parsing a digit");
  EXPECT_EQ(bad_digit_at("\xc3\xa9", 0).message(), "unexpected byte 0xc3 while parsing a digit");
  EXPECT_EQ(bad_digit_at(" ", 0).message(), "unexpected ' ' while parsing a digit");
}

TEST(ErrorArgs, LongTokensAreCutAndMarked) {
  const std::string long_token(100, 'a');
  const auto args = relkit::error_args{}.with_token(long_token);
  EXPECT_EQ(args.token().size(), relkit::error_args::token_capacity);
  EXPECT_EQ(args.token(), std::string(relkit::error_args::token_capacity - 3, 'a') + "...");
  EXPECT_EQ(relkit::error_args{}.with_token(std::string(40, 'b')).token(), std::string(40, 'b'));
  EXPECT_EQ(relkit::error_args{}.with_token("").token(), "");
}

TEST(ErrorArgs, EveryPlaceholderExpands) {
  const auto args = relkit::error_args{}
                        .with_text("T1")
                        .with_text2("T2")
                        .with_token("tok")
                        .with_number(-9223372036854775807 - 1)
                        .with_number2(42);
  EXPECT_EQ(relkit::detail::expand_message("{text}/{text2}/{token}/{number}/{number2}", args),
            "T1/T2/tok/-9223372036854775808/42");
  EXPECT_EQ(relkit::detail::expand_message("{{literal} {unknown} {text", args),
            "{literal} {unknown} T1");
  EXPECT_EQ(relkit::detail::expand_message("", args), "");
}

// relkit's one integer formatter (messages, tokens, the gates' reason lines).
TEST(IntegerText, EveryIntegerTypeAndItsExtremes) {
  EXPECT_EQ(relkit::detail::integer_text(0).view(), "0");
  EXPECT_EQ(relkit::detail::integer_text(-42).view(), "-42");
  EXPECT_EQ(relkit::detail::integer_text(std::uint8_t{255}).view(), "255");
  EXPECT_EQ(relkit::detail::integer_text(std::size_t{100000}).view(), "100000");
  EXPECT_EQ(relkit::detail::integer_text(std::numeric_limits<std::uint64_t>::max()).view(),
            "18446744073709551615");
  EXPECT_EQ(relkit::detail::integer_text(std::numeric_limits<std::int64_t>::min()).view(),
            "-9223372036854775808");
  static_assert(relkit::detail::integer_text(-7).view() == "-7", "usable in constant expressions");
  std::string out = "n=";
  relkit::detail::append_decimal(out, std::numeric_limits<std::int32_t>::min());
  relkit::detail::append_decimal(out, 7U);
  EXPECT_EQ(out, "n=-21474836487");
}

// A token joined from pieces: the elastic piece (a piece of the input) is cut
// so that the others (its place, a closing quote) survive.
TEST(ErrorArgs, JoinedTokensKeepTheirPlaceWhenCut) {
  EXPECT_EQ(relkit::detail::joined_token({"\"", "smoke", "\" in step ", "12"}, 1).token(),
            "\"smoke\" in step 12");
  const std::string name(60, 'n');
  const auto cut = relkit::detail::joined_token({"\"", name, "\" in step ", "12"}, 1);
  EXPECT_EQ(cut.token().size(), relkit::error_args::token_capacity);
  EXPECT_EQ(cut.token(), "\"" + std::string(24, 'n') + "...\" in step 12");
  // Exactly full: nothing is cut.
  EXPECT_EQ(relkit::detail::joined_token({std::string(38, 'x'), "ab"}, 0).token(),
            std::string(38, 'x') + "ab");
  // The other pieces alone overflow: the whole is cut at the end.
  const auto whole = relkit::detail::joined_token({"a", std::string(45, 'z')}, 0);
  EXPECT_EQ(whole.token(), "a" + std::string(36, 'z') + "...");
  // No elastic piece (index past the end): cut at the end too.
  EXPECT_EQ(relkit::detail::joined_token({std::string(50, 'q')}, 1).token(),
            std::string(37, 'q') + "...");
  EXPECT_EQ(relkit::detail::joined_token({}, 0).token(), "");
}

TEST(ErrorDomain, UnknownCodesAreNamedUnknown) {
  const relkit::error stray{static_cast<sample_errc>(99), 0};
  EXPECT_EQ(relkit::to_string(stray.code), "sample.unknown");
  EXPECT_EQ(stray.message(), "unknown error");
}

TEST(Locate, LinesAndColumnsFromOne) {
  using relkit::locate;
  using relkit::text_location;
  EXPECT_EQ(locate("abc", 0), (text_location{1, 1}));
  EXPECT_EQ(locate("abc", 2), (text_location{1, 3}));
  EXPECT_EQ(locate("ab\ncd", 3), (text_location{2, 1}));
  EXPECT_EQ(locate("ab\ncd", 4), (text_location{2, 2}));
  EXPECT_EQ(locate("ab\r\ncd", 4), (text_location{2, 1}));
  EXPECT_EQ(locate("ab\r\ncd", 3), (text_location{1, 4}));  // on the \n of \r\n
  EXPECT_EQ(locate("ab\rcd", 3), (text_location{2, 1}));
  EXPECT_EQ(locate("\n\n\nx", 3), (text_location{4, 1}));
}

TEST(Locate, ColumnsCountCharactersNotBytes) {
  // "é" is two bytes, "€" three: the x after them is the third character.
  EXPECT_EQ(relkit::locate("\xc3\xa9\xe2\x82\xacx", 5), (relkit::text_location{1, 3}));
}

TEST(Locate, PastTheEndAndNoPosition) {
  EXPECT_EQ(relkit::locate("ab", 2), (relkit::text_location{1, 3}));
  EXPECT_EQ(relkit::locate("ab", 99), (relkit::text_location{1, 3}));
  EXPECT_EQ(relkit::locate("", 0), (relkit::text_location{1, 1}));
  EXPECT_EQ(relkit::locate("ab", relkit::no_position), (relkit::text_location{0, 0}));
  static_assert(relkit::locate("a\nb", 2).line == 2);
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
  EXPECT_EQ(r.error().message(), "unexpected 'x' while parsing a digit");
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
  EXPECT_EQ(err.message(), "empty input");
}

TEST(Result, AndThenChainsAndForwardsTheFirstError) {
  auto twice = [](int x) -> relkit::result<int> {
    if (x > 4) return bad_digit_at("9", 0);
    return x * 2;
  };
  EXPECT_EQ(*parse_digit("3").and_then(twice), 6);
  const auto too_big = parse_digit("9").and_then(twice);
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error().message(), "unexpected '9' while parsing a digit");
  const auto not_a_digit = parse_digit("?").and_then(twice);
  ASSERT_FALSE(not_a_digit);
  EXPECT_EQ(not_a_digit.error().code, sample_errc::bad_digit);
  EXPECT_EQ(not_a_digit.error().message(), "unexpected '?' while parsing a digit");
}

TEST(Result, TransformMapsTheValueOnly) {
  const auto text = parse_digit("4").transform([](int x) { return std::to_string(x * 10); });
  static_assert(std::is_same_v<std::decay_t<decltype(text)>, relkit::result<std::string>>);
  EXPECT_EQ(*text, "40");
  const auto failed = parse_digit("").transform([](int x) { return x + 1; });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, sample_errc::empty_input);
}

TEST(Result, TransformWithAVoidCallableGivesResultVoid) {
  int seen = 0;
  const auto done = parse_digit("4").transform([&seen](int x) { seen = x; });
  static_assert(std::is_same_v<std::decay_t<decltype(done)>, relkit::result<void>>);
  EXPECT_TRUE(done.has_value());
  EXPECT_EQ(seen, 4);
  const auto failed = parse_digit("").transform([&seen](int) { seen = -1; });
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code, sample_errc::empty_input);
  EXPECT_EQ(seen, 4);
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
    relkit::result<tracked> failure = bad_digit_at("123x", 3);
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
    EXPECT_EQ(copy.error().message(), "unexpected 'x' while parsing a digit");
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
  relkit::result<std::unique_ptr<int>> b = relkit::error{sample_errc::empty_input, 0};
  b = std::move(a);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(**b, 7);
}

TEST(ResultVoid, SuccessAndFailure) {
  const relkit::result<void> ok;
  EXPECT_TRUE(ok.has_value());
  const relkit::result<void> failed = relkit::error{sample_errc::empty_input, 3};
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().position, 3u);
  EXPECT_NE(ok, failed);
}

TEST(Namespace, IsVersionedInline) {
#if RELKIT_HAS_EXCEPTIONS
  static_assert(std::is_same_v<relkit::result<int>, relkit::v0::result<int>>);
  static_assert(std::is_same_v<relkit::error, relkit::v0::error>);
#else  // its own ABI namespace: no ODR clash with units built with exceptions
  static_assert(std::is_same_v<relkit::result<int>, relkit::v0_noexcept::result<int>>);
  static_assert(std::is_same_v<relkit::error, relkit::v0_noexcept::error>);
#endif
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
    EXPECT_STREQ(e.what(), "unexpected 'x' while parsing a digit at 0 [sample.bad_digit]");
  }
}

TEST(ResultVoid, ValueOnAnErrorThrows) {
  const relkit::result<void> failed = relkit::error{sample_errc::empty_input, 3};
  EXPECT_THROW(failed.value(), relkit::bad_result_access);
}
#else
TEST(ResultDeathTest, ValueOnAnErrorAbortsWithTheMessage) {
  const auto r = parse_digit("x");
  EXPECT_DEATH((void)r.value(),
               "relkit: unexpected 'x' while parsing a digit at 0 \\[sample.bad_digit\\]");
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
