#pragma once
// relkit::error and relkit::result<T>: every relkit parser returns a value or
// an error, so the no-exception path is the natural one.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "relkit/config.hpp"
#include "relkit/error.hpp"

RELKIT_NAMESPACE_BEGIN

// Thrown by result<T>::value() on an error when exceptions are enabled.
class bad_result_access : public std::exception {
 public:
  explicit bad_result_access(relkit::error err)
      : error_(std::move(err)), what_(to_string(error_)) {}
  [[nodiscard]] const char* what() const noexcept override { return what_.c_str(); }
  [[nodiscard]] const relkit::error& error() const noexcept { return error_; }

 private:
  relkit::error error_;
  std::string what_;
};

namespace detail {
[[noreturn]] inline void throw_bad_result_access(const error& err) {
  RELKIT_THROW(bad_result_access(err));
}
}  // namespace detail

template <class T>
class result;

namespace detail {
// Internal access for relkit's parsers that fill a result in place (the value
// through operator*, a failure through emplace_error), sparing a move per call.
struct result_unset_tag {};
struct result_access {
  // Replaces r's value by the error made from `args`; returns it.
  template <class T, class... Args>
  static relkit::error& emplace_error(result<T>& r, Args&&... args) noexcept {
    return r.emplace_error(std::forward<Args>(args)...);
  }
  // A result holding nothing yet (neither a value nor an error is made): the
  // parser that asks for it calls emplace_default_value or emplace_error
  // before the result is read or leaves its hands. A failure then makes only
  // the error, never a value to destroy.
  template <class T>
  [[nodiscard]] static result<T> make_unset() noexcept {
    return result<T>(result_unset_tag{});
  }
  // Makes r's value, default-initialized, in an unset result; returns it.
  template <class T>
  static T& emplace_default_value(result<T>& r) {
    return r.emplace_default_value();
  }
};

// A hand-rolled tagged union rather than std::variant: std::variant's visitor
// tables cost every including translation unit ~0.1 s of compile time per
// result<T> type, and relkit has dozens of them.
template <class T>
class result_storage {
 public:
  template <class... Args>
  explicit result_storage(std::in_place_index_t<0>, Args&&... args) : has_value_(true) {
    ::new (slot()) T(std::forward<Args>(args)...);
  }
  template <class... Args>
  explicit result_storage(std::in_place_index_t<1>, Args&&... args) : has_value_(false) {
    ::new (slot()) relkit::error(std::forward<Args>(args)...);
  }
  result_storage(const result_storage& other) : has_value_(other.has_value_) {
    if (has_value_) {
      ::new (slot()) T(other.slots_.value);
    } else {
      ::new (slot()) relkit::error(other.slots_.error);
    }
  }
  result_storage(result_storage&& other) noexcept(std::is_nothrow_move_constructible_v<T>)
      : has_value_(other.has_value_) {
    if (has_value_) {
      ::new (slot()) T(std::move(other.slots_.value));
    } else {
      ::new (slot()) relkit::error(std::move(other.slots_.error));
    }
  }
  result_storage& operator=(const result_storage& other) {
    if (this == &other) return *this;
    if (has_value_ && other.has_value_) {
      slots_.value = other.slots_.value;
    } else if (!has_value_ && !other.has_value_) {
      slots_.error = other.slots_.error;
    } else {
      result_storage copy(other);  // a throwing copy leaves *this untouched
      destroy();
      construct_from(std::move(copy));
    }
    return *this;
  }
  result_storage& operator=(result_storage&& other) noexcept(
      std::is_nothrow_move_constructible_v<T>&& std::is_nothrow_move_assignable_v<T>) {
    if (this == &other) return *this;
    if (has_value_ && other.has_value_) {
      slots_.value = std::move(other.slots_.value);
    } else if (!has_value_ && !other.has_value_) {
      slots_.error = std::move(other.slots_.error);
    } else {
      destroy();
      construct_from(std::move(other));
    }
    return *this;
  }
  // Nothing made yet; see result_access::make_unset. Destroying it as an
  // error is a no-op: relkit::error is trivially destructible.
  explicit result_storage(result_unset_tag) noexcept : has_value_(false) {}
  ~result_storage() { destroy(); }

 protected:
  [[nodiscard]] bool holds_value() const noexcept { return has_value_; }
  // Null unless the matching alternative is active.
  [[nodiscard]] T* value_ptr() noexcept {
    return has_value_ ? static_cast<T*>(static_cast<void*>(&slots_)) : nullptr;
  }
  [[nodiscard]] const T* value_ptr() const noexcept {
    return has_value_ ? static_cast<const T*>(static_cast<const void*>(&slots_)) : nullptr;
  }
  [[nodiscard]] relkit::error* error_ptr() noexcept { return has_value_ ? nullptr : &slots_.error; }
  [[nodiscard]] const relkit::error* error_ptr() const noexcept {
    return has_value_ ? nullptr : &slots_.error;
  }
  // Makes the value of an unset result (or of one holding an error),
  // default-initialized.
  T& emplace_default_value() {
    static_assert(std::is_trivially_destructible_v<relkit::error>);
    ::new (slot()) T;
    has_value_ = true;
    return slots_.value;
  }
  // Replaces the value (or error) by an error made in place from `args`.
  template <class... Args>
  relkit::error& emplace_error(Args&&... args) noexcept {
    destroy();
    ::new (slot()) relkit::error(std::forward<Args>(args)...);
    has_value_ = false;
    return slots_.error;
  }

 private:
  void destroy() noexcept {
    if (has_value_) {
      slots_.value.~T();
    } else {
      slots_.error.~error();
    }
  }
  void construct_from(result_storage&& other) {
    if (other.has_value_) {
      ::new (slot()) T(std::move(other.slots_.value));
    } else {
      ::new (slot()) relkit::error(std::move(other.slots_.error));
    }
    has_value_ = other.has_value_;
  }

  // The union and its members share an address, so placement-new into slot()
  // starts the member's lifetime without touching a user operator&.
  void* slot() noexcept { return static_cast<void*>(&slots_); }

  union slots {
    slots() noexcept {}
    ~slots() {}
    T value;
    relkit::error error;
  } slots_;
  bool has_value_;
};

// Deletes result<T>'s copy operations when T cannot be copied, so
// std::is_copy_constructible reports the truth for result<std::unique_ptr<X>>.
template <bool Copyable>
struct copy_control {};
template <>
struct copy_control<false> {
  copy_control() = default;
  copy_control(const copy_control&) = delete;
  copy_control(copy_control&&) = default;
  copy_control& operator=(const copy_control&) = delete;
  copy_control& operator=(copy_control&&) = default;
  ~copy_control() = default;
};
}  // namespace detail

// A value of T or an error. Construct from either; test with `if (r)`; read
// with `*r` / `r->` after testing, or `value()`, which raises on an error.
template <class T>
class [[nodiscard]] result : private detail::result_storage<T>,
                             private detail::copy_control<std::is_copy_constructible_v<T>> {
  static_assert(!std::is_reference_v<T>, "result<T&> is not supported; use result<T*>");
  static_assert(!std::is_same_v<std::remove_cv_t<T>, relkit::error>, "result<error> is ambiguous");
  using storage = detail::result_storage<T>;

 public:
  using value_type = T;
  using error_type = relkit::error;

  template <class U = T, std::enable_if_t<std::is_default_constructible_v<U>, int> = 0>
  result() : storage(std::in_place_index<0>) {}
  result(const T& value) : storage(std::in_place_index<0>, value) {}                // NOLINT
  result(T&& value) : storage(std::in_place_index<0>, std::move(value)) {}          // NOLINT
  result(const relkit::error& err) : storage(std::in_place_index<1>, err) {}        // NOLINT
  result(relkit::error&& err) : storage(std::in_place_index<1>, std::move(err)) {}  // NOLINT

 private:
  explicit result(detail::result_unset_tag tag) noexcept : storage(tag) {}

 public:
  [[nodiscard]] bool has_value() const noexcept { return this->holds_value(); }
  explicit operator bool() const noexcept { return has_value(); }

  [[nodiscard]] T& value() & {
    if (!has_value()) detail::throw_bad_result_access(*this->error_ptr());
    return *this->value_ptr();
  }
  [[nodiscard]] const T& value() const& {
    if (!has_value()) detail::throw_bad_result_access(*this->error_ptr());
    return *this->value_ptr();
  }
  [[nodiscard]] T&& value() && { return std::move(value()); }

  // Precondition: has_value(). Checked: a broken precondition aborts with a
  // message rather than reading the wrong alternative.
  [[nodiscard]] T& operator*() & noexcept { return checked_value(); }
  [[nodiscard]] const T& operator*() const& noexcept { return checked_value(); }
  [[nodiscard]] T&& operator*() && noexcept { return std::move(checked_value()); }
  [[nodiscard]] T* operator->() noexcept { return &checked_value(); }
  [[nodiscard]] const T* operator->() const noexcept { return &checked_value(); }

  // Precondition: !has_value().
  [[nodiscard]] const relkit::error& error() const& noexcept {
    const auto* err = this->error_ptr();
    if (err == nullptr) detail::abort_with_message("result::error() called on a value");
    return *err;
  }
  [[nodiscard]] relkit::error&& error() && noexcept {
    auto* err = this->error_ptr();
    if (err == nullptr) detail::abort_with_message("result::error() called on a value");
    return std::move(*err);
  }

  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return has_value() ? *this->value_ptr() : static_cast<T>(std::forward<U>(fallback));
  }
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) && {
    return has_value() ? std::move(*this->value_ptr()) : static_cast<T>(std::forward<U>(fallback));
  }

  // f(const T&) -> result<U>; the error passes through untouched.
  template <class F>
  auto and_then(F&& f) const& -> std::invoke_result_t<F, const T&> {
    if (has_value()) return std::forward<F>(f)(*this->value_ptr());
    return *this->error_ptr();
  }
  // f(const T&) -> U, giving result<U> (result<void> when f returns nothing);
  // the error passes through untouched.
  template <class F>
  auto transform(F&& f) const& -> result<std::invoke_result_t<F, const T&>> {
    if (!has_value()) return *this->error_ptr();
    if constexpr (std::is_void_v<std::invoke_result_t<F, const T&>>) {
      std::forward<F>(f)(*this->value_ptr());
      return {};
    } else {
      return std::forward<F>(f)(*this->value_ptr());
    }
  }

  friend bool operator==(const result& a, const result& b) {
    if (a.has_value() != b.has_value()) return false;
    return a.has_value() ? *a.value_ptr() == *b.value_ptr() : *a.error_ptr() == *b.error_ptr();
  }
  friend bool operator!=(const result& a, const result& b) { return !(a == b); }

 private:
  friend struct detail::result_access;

  T& checked_value() noexcept {
    auto* value = this->value_ptr();
    if (value == nullptr) detail::abort_with_message("result value accessed on an error");
    return *value;
  }
  const T& checked_value() const noexcept {
    const auto* value = this->value_ptr();
    if (value == nullptr) detail::abort_with_message("result value accessed on an error");
    return *value;
  }
};

// Success or an error, for operations that produce nothing but can fail.
template <>
class [[nodiscard]] result<void> {
 public:
  using value_type = void;
  using error_type = relkit::error;

  result() noexcept = default;
  result(const relkit::error& err) : error_(err) {}        // NOLINT
  result(relkit::error&& err) : error_(std::move(err)) {}  // NOLINT

  [[nodiscard]] bool has_value() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return has_value(); }

  void value() const {
    if (error_) detail::throw_bad_result_access(*error_);
  }
  [[nodiscard]] const relkit::error& error() const& noexcept {
    if (!error_) detail::abort_with_message("result::error() called on a value");
    return *error_;
  }

  friend bool operator==(const result& a, const result& b) { return a.error_ == b.error_; }
  friend bool operator!=(const result& a, const result& b) { return !(a == b); }

 private:
  std::optional<relkit::error> error_;
};

RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
