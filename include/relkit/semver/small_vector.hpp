#pragma once
// relkit::semver::small_vector<T, N>: a vector that keeps up to N elements in
// the object itself and moves to the heap beyond. A range's comparator sets
// (semver/comparator.hpp) are small_vectors, so parsing a common range (one
// set of one or two comparators) allocates nothing.
//
// It reads like std::vector: size, empty, capacity, data, operator[], front,
// back, begin/end (pointers), push_back, emplace_back, pop_back, insert,
// erase, clear, reserve, resize, ==, !=; and is made from an initializer list
// or an iterator range (a std::vector's begin() and end()). Moving one that
// holds its elements inline moves each element, and leaves the source empty.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <new>
#include <type_traits>
#include <utility>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {

template <class T, std::size_t N>
class small_vector {
  static_assert(N > 0, "small_vector needs room for one element inline");
  static_assert(std::is_nothrow_move_constructible_v<T>,
                "small_vector moves elements when it grows: T's move must not throw");
  static_assert(alignof(T) <= alignof(std::max_align_t), "over-aligned T is not supported");

 public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  static constexpr std::size_t inline_capacity = N;

  small_vector() noexcept : data_(inline_data()), end_(data_), limit_(data_ + N) {}
  small_vector(std::initializer_list<T> items) : small_vector() {
    append_copies(items.begin(), items.end(), items.size());
  }
  template <
      class InputIt,
      std::enable_if_t<std::is_base_of_v<std::input_iterator_tag,
                                         typename std::iterator_traits<InputIt>::iterator_category>,
                       int> = 0>
  small_vector(InputIt first, InputIt last) : small_vector() {
    for (; first != last; ++first) emplace_back(*first);
  }
  // Delegating constructors: once small_vector() has run, a throwing copy
  // destroys what was made (the destructor runs), without a try block.
  small_vector(const small_vector& other) : small_vector() {
    append_copies(other.begin(), other.end(), other.size());
  }
  small_vector(small_vector&& other) noexcept : small_vector() { take(std::move(other)); }
  small_vector& operator=(const small_vector& other) {
    if (this != &other) {
      clear();
      append_copies(other.begin(), other.end(), other.size());
    }
    return *this;
  }
  small_vector& operator=(small_vector&& other) noexcept {
    if (this != &other) {
      clear();
      take(std::move(other));
    }
    return *this;
  }
  small_vector& operator=(std::initializer_list<T> items) {
    clear();
    append_copies(items.begin(), items.end(), items.size());
    return *this;
  }
  ~small_vector() {
    destroy_all();
    release();
  }

  [[nodiscard]] std::size_t size() const noexcept { return static_cast<std::size_t>(end_ - data_); }
  [[nodiscard]] bool empty() const noexcept { return end_ == data_; }
  [[nodiscard]] std::size_t capacity() const noexcept {
    return static_cast<std::size_t>(limit_ - data_);
  }
  [[nodiscard]] T* data() noexcept { return data_; }
  [[nodiscard]] const T* data() const noexcept { return data_; }

  [[nodiscard]] T& operator[](std::size_t i) noexcept { return data_[i]; }
  [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  [[nodiscard]] T& front() noexcept { return data_[0]; }
  [[nodiscard]] const T& front() const noexcept { return data_[0]; }
  [[nodiscard]] T& back() noexcept { return end_[-1]; }
  [[nodiscard]] const T& back() const noexcept { return end_[-1]; }

  [[nodiscard]] T* begin() noexcept { return data_; }
  [[nodiscard]] const T* begin() const noexcept { return data_; }
  [[nodiscard]] const T* cbegin() const noexcept { return data_; }
  [[nodiscard]] T* end() noexcept { return end_; }
  [[nodiscard]] const T* end() const noexcept { return end_; }
  [[nodiscard]] const T* cend() const noexcept { return end_; }
  [[nodiscard]] reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  [[nodiscard]] const_reverse_iterator rbegin() const noexcept {
    return const_reverse_iterator(end());
  }
  [[nodiscard]] reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  [[nodiscard]] const_reverse_iterator rend() const noexcept {
    return const_reverse_iterator(begin());
  }

  void reserve(std::size_t wanted) {
    if (wanted > capacity()) grow_to(wanted);
  }

  // The element is made before anything moves, so `args` may refer to an
  // element of this vector.
  template <class... Args>
  T& emplace_back(Args&&... args) {
    if (end_ == limit_) return grow_and_emplace(std::forward<Args>(args)...);
    T* slot = end_;
    ::new (static_cast<void*>(slot)) T(std::forward<Args>(args)...);
    ++end_;
    return *slot;
  }
  void push_back(const T& value) { emplace_back(value); }
  void push_back(T&& value) { emplace_back(std::move(value)); }
  void pop_back() noexcept {
    --end_;
    end_->~T();
  }

  // Inserts at `pos` (moving the tail one place up); returns the new element.
  template <class... Args>
  T* emplace(const T* pos, Args&&... args) {
    const auto at = static_cast<std::size_t>(pos - data_);
    emplace_back(std::forward<Args>(args)...);
    std::rotate(data_ + at, end_ - 1, end_);
    return data_ + at;
  }
  T* insert(const T* pos, const T& value) { return emplace(pos, value); }
  T* insert(const T* pos, T&& value) { return emplace(pos, std::move(value)); }

  T* erase(const T* pos) noexcept { return erase(pos, pos + 1); }
  T* erase(const T* first, const T* last) noexcept {
    T* const from = data_ + (first - data_);
    T* const to = data_ + (last - data_);
    if (from != to) {
      T* const new_end = std::move(to, end(), from);
      for (T* p = new_end; p != end_; ++p) p->~T();
      end_ = new_end;
    }
    return from;
  }
  void clear() noexcept {
    destroy_all();
    end_ = data_;
  }
  void resize(std::size_t count) {
    while (size() > count) pop_back();
    reserve(count);
    while (size() < count) emplace_back();
  }

  [[nodiscard]] friend bool operator==(const small_vector& a, const small_vector& b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
  }
  [[nodiscard]] friend bool operator!=(const small_vector& a, const small_vector& b) noexcept {
    return !(a == b);
  }

 private:
  [[nodiscard]] T* inline_data() noexcept { return static_cast<T*>(static_cast<void*>(inline_)); }
  [[nodiscard]] bool is_inline() const noexcept {
    return static_cast<const void*>(data_) == static_cast<const void*>(inline_);
  }
  void destroy_all() noexcept {
    for (T* p = end_; p != data_;) (--p)->~T();
  }
  void release() noexcept {
    if (!is_inline()) ::operator delete(static_cast<void*>(data_));
  }
  // Steals a heap buffer, or moves the inline elements one by one; `other`
  // ends empty. Precondition: *this is empty.
  void take(small_vector&& other) noexcept {
    if (!other.is_inline()) {
      release();
      data_ = other.data_;
      end_ = other.end_;
      limit_ = other.limit_;
      other.data_ = other.inline_data();
      other.end_ = other.data_;
      other.limit_ = other.data_ + N;
      return;
    }
    // other.size() <= N <= capacity(), and *this is empty
    for (T* p = other.data_; p != other.end_; ++p, ++end_) {
      ::new (static_cast<void*>(end_)) T(std::move(*p));
    }
    other.clear();
  }
  template <class It>
  void append_copies(It first, It last, std::size_t count) {
    reserve(size() + count);
    for (; first != last; ++first) {
      ::new (static_cast<void*>(end_)) T(*first);
      ++end_;
    }
  }
  [[nodiscard]] std::size_t next_capacity(std::size_t wanted) const noexcept {
    return std::max(wanted, capacity() * 2);
  }
  // Moves the elements to a new buffer of `cap` elements (cap > size()).
  void move_to(T* fresh, std::size_t cap) noexcept {
    T* to = fresh;
    for (T* p = data_; p != end_; ++p, ++to) {
      ::new (static_cast<void*>(to)) T(std::move(*p));
      p->~T();
    }
    release();
    data_ = fresh;
    end_ = to;
    limit_ = fresh + cap;
  }
  [[nodiscard]] static T* allocate(std::size_t cap) {
    return static_cast<T*>(::operator new(cap * sizeof(T)));
  }
  void grow_to(std::size_t wanted) {
    const std::size_t cap = next_capacity(wanted);
    move_to(allocate(cap), cap);
  }
  template <class... Args>
  T& grow_and_emplace(Args&&... args) {
    const std::size_t count = size();
    const std::size_t cap = next_capacity(count + 1);
    T* const fresh = allocate(cap);
    // Made first: `args` may refer to an element about to move. Should it
    // throw, the new buffer is freed and nothing else has changed.
    struct buffer_guard {
      T* held;
      ~buffer_guard() {
        if (held != nullptr) ::operator delete(static_cast<void*>(held));
      }
    } guard{fresh};
    ::new (static_cast<void*>(fresh + count)) T(std::forward<Args>(args)...);
    guard.held = nullptr;
    move_to(fresh, cap);
    ++end_;
    return end_[-1];
  }

  T* data_;
  T* end_;
  T* limit_;  // one past the storage
  alignas(T) unsigned char inline_[N * sizeof(T)];
};

}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
