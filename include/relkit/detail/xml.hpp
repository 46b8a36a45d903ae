#pragma once
// A small bounded XML reader for relkit's report readers (JUnit, Cobertura,
// JaCoCo): a pull reader that hands out one event at a time (an element's
// start with its attributes, its end, a run of text), byte positions in every
// error, limits on input size, nesting depth, element count and attributes
// per element, and no recursion on the input. Memory is the open elements'
// names (views into the input), the current element's attributes and the
// current run of text: never a tree of the document.
//
// What it reads: XML 1.0 in UTF-8 (a UTF-8 byte order mark is skipped; any
// byte sequence that is not UTF-8, and any character XML 1.0 does not allow,
// such as a C0 control other than tab, LF and CR, is refused before anything
// else is read). Elements, attributes (values decoded and their whitespace
// normalized as XML 1.0 section 3.3.3 says), text and CDATA sections (line
// ends normalized to LF), comments and processing instructions (the XML
// declaration among them) skipped. Names are not checked against XML's
// character classes beyond ASCII: a byte of 0x80 or above is a name character.
//
// What it refuses, by construction: any DTD. A DOCTYPE declaration is
// accepted only as its name and external identifier (`<!DOCTYPE report
// PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">`, as JaCoCo, gcovr and
// istanbul write it), which is never read or fetched; an internal subset
// (`[` ... `]`, where entities are declared) is an error at its `[`. The only
// references are the five predefined entities (&lt; &gt; &amp; &quot;
// &apos;) and numeric character references (&#NN; &#xHH;) to characters XML
// allows; any other `&name;` is an error. So entity expansion (billion laughs)
// and external entities (XXE) cannot happen: there is nothing to expand.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

enum class xml_errc {
  too_large = 1,
  too_deep,
  too_many_elements,
  too_many_attributes,
  unexpected_end,
  unexpected_character,
  bad_name,
  duplicate_attribute,
  bad_reference,
  dtd_refused,
  mismatched_tag,
  bad_utf8,
  bad_character,
  trailing_content,
};

// Each error's args.text is a phrase that reads alone ("expected '='"), so a
// component that wraps an XML error ("invalid XML: {text}") keeps it; the
// limit errors also carry the limit in args.number; duplicate_attribute and
// mismatched_tag carry the name in args.token.
inline constexpr error_entry<xml_errc> xml_errc_table[] = {
    {xml_errc::too_large, "too_large", "XML input exceeds {number} bytes"},
    {xml_errc::too_deep, "too_deep", "XML nesting deeper than {number}"},
    {xml_errc::too_many_elements, "too_many_elements", "more than {number} XML elements"},
    {xml_errc::too_many_attributes, "too_many_attributes",
     "more than {number} attributes on one element"},
    {xml_errc::unexpected_end, "unexpected_end", "{text}"},
    {xml_errc::unexpected_character, "unexpected_character", "{text}"},
    {xml_errc::bad_name, "bad_name", "{text}"},
    {xml_errc::duplicate_attribute, "duplicate_attribute", "{text}: '{token}'"},
    {xml_errc::bad_reference, "bad_reference", "{text}"},
    {xml_errc::dtd_refused, "dtd_refused", "{text}"},
    {xml_errc::mismatched_tag, "mismatched_tag", "{text} <{token}>"},
    {xml_errc::bad_utf8, "bad_utf8", "{text}"},
    {xml_errc::bad_character, "bad_character", "{text}"},
    {xml_errc::trailing_content, "trailing_content", "{text}"},
};
inline constexpr relkit::error_domain xml_errc_domain = make_error_domain<xml_errc_table>("xml");
constexpr const relkit::error_domain& relkit_error_domain(xml_errc) noexcept {
  return xml_errc_domain;
}

struct xml_limits {
  std::size_t max_bytes = std::size_t{64} << 20U;  // 64 MiB
  std::size_t max_depth = 256;
  std::size_t max_elements = std::size_t{4} << 20U;
  std::size_t max_attributes = 256;  // on one element
};

struct xml_attribute {
  std::string_view name;           // as written, a prefix included ("xsi:schemaLocation")
  std::string value;               // decoded
  std::size_t position = 0;        // byte offset of the name
  std::size_t value_position = 0;  // byte offset of the value (after its quote)
};

enum class xml_event : std::uint8_t {
  start_element,  // name(), position() of its '<', attributes()
  end_element,    // name(); an empty element (<a/>) gives a start and an end
  text,           // text(): a run of character data and CDATA, decoded
  end_document,   // the root element was closed and nothing but comments and
                  // processing instructions follow; next() keeps returning it
};

namespace xml {

// `what` is a string literal (see xml_errc_table).
[[nodiscard]] inline relkit::error make_error(xml_errc code, std::size_t pos, const char* what,
                                              std::size_t limit = 0) noexcept {
  return relkit::error{
      code, pos,
      relkit::error_args{}.with_text(what).with_number(static_cast<std::int64_t>(limit))};
}

[[nodiscard]] constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

[[nodiscard]] constexpr bool is_name_start(char c) noexcept {
  return relkit::detail::is_alpha(c) || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80U;
}

[[nodiscard]] constexpr bool is_name_char(char c) noexcept {
  return is_name_start(c) || relkit::detail::is_digit(c) || c == '-' || c == '.';
}

// A character XML 1.0 allows (production [2] Char).
[[nodiscard]] constexpr bool is_xml_char(std::uint32_t cp) noexcept {
  if (cp < 0x20U) return cp == 0x9U || cp == 0xAU || cp == 0xDU;
  if (cp < 0xD800U) return true;
  if (cp < 0xE000U) return false;
  if (cp < 0xFFFEU) return true;
  return cp >= 0x10000U && cp <= 0x10FFFFU;
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80U) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800U) {
    out += static_cast<char>(0xC0U | (cp >> 6U));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000U) {
    out += static_cast<char>(0xE0U | (cp >> 12U));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (cp >> 18U));
    out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  }
}

// The first byte of `in` that starts a sequence that is not UTF-8 (overlong
// forms, surrogates and code points above U+10FFFF included) or a character
// XML does not allow; in.size() when there is none.
struct utf8_check {
  std::size_t position = 0;
  bool bad_encoding = false;  // false: a valid character XML refuses
};

[[nodiscard]] inline utf8_check check_utf8(std::string_view in) noexcept {
  std::size_t i = 0;
  const std::size_t n = in.size();
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(in[i]);
    if (b0 < 0x80U) {
      if (b0 < 0x20U && b0 != 0x9U && b0 != 0xAU && b0 != 0xDU) return {i, false};
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    std::uint32_t min = 0;
    if (b0 >= 0xC2U && b0 <= 0xDFU) {
      len = 2;
      cp = b0 & 0x1FU;
      min = 0x80U;
    } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
      len = 3;
      cp = b0 & 0x0FU;
      min = 0x800U;
    } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
      len = 4;
      cp = b0 & 0x07U;
      min = 0x10000U;
    } else {
      return {i, true};
    }
    if (n - i < len) return {i, true};
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(in[i + k]);
      if ((b & 0xC0U) != 0x80U) return {i, true};
      cp = (cp << 6U) | (b & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFFU || (cp >= 0xD800U && cp <= 0xDFFFU)) return {i, true};
    if (!is_xml_char(cp)) return {i, false};
    i += len;
  }
  return {n, false};
}

}  // namespace xml

// Reads one document event by event:
//
//   xml_reader<> r(text);
//   while (true) {
//     auto e = r.next();
//     if (!e) return std::move(e).error();
//     if (*e == xml_event::end_document) break;
//     ...
//   }
//
// The views name() and attribute names point into the input, which must
// outlive the reader; text() and attribute values are the reader's and last
// until the next call.
template <class Unused = void>
class xml_reader {
 public:
  explicit xml_reader(std::string_view in, const xml_limits& limits = {})
      : in_(in), limits_(limits) {}

  [[nodiscard]] relkit::result<xml_event> next() {
    if (pending_end_) {
      pending_end_ = false;
      return close_element();
    }
    if (state_ == state::start) {
      auto ok = begin();
      if (!ok) return std::move(ok).error();
    }
    while (true) {
      if (state_ == state::done) return xml_event::end_document;
      if (state_ == state::content) return read_content();
      const bool prolog = state_ == state::prolog;
      skip_space();
      if (pos_ >= in_.size()) {
        if (prolog) return xml::make_error(xml_errc::unexpected_end, pos_, "no root element");
        state_ = state::done;
        return xml_event::end_document;
      }
      if (starts_with("<?")) {
        auto ok = skip_processing_instruction();
        if (!ok) return std::move(ok).error();
      } else if (starts_with("<!--")) {
        auto ok = skip_comment();
        if (!ok) return std::move(ok).error();
      } else if (prolog && starts_with("<!DOCTYPE")) {
        if (seen_doctype_) {
          return xml::make_error(xml_errc::unexpected_character, pos_, "a second DOCTYPE");
        }
        seen_doctype_ = true;
        auto ok = skip_doctype();
        if (!ok) return std::move(ok).error();
      } else if (!prolog) {
        return xml::make_error(xml_errc::trailing_content, pos_, "content after the root element");
      } else if (in_[pos_] == '<' && pos_ + 1 < in_.size() && in_[pos_ + 1] != '!' &&
                 in_[pos_ + 1] != '/') {
        return read_start_tag();
      } else {
        return xml::make_error(xml_errc::unexpected_character, pos_, "expected the root element");
      }
    }
  }

  // The element of the last start_element or end_element event.
  [[nodiscard]] std::string_view name() const noexcept { return name_; }
  // Byte offset of the last event: an element's '<', the first byte of a text run.
  [[nodiscard]] std::size_t position() const noexcept { return event_position_; }
  // Elements open after the last event (a start_element counts its own).
  [[nodiscard]] std::size_t depth() const noexcept { return open_.size(); }
  // The element `levels` above the current one (0: the innermost open element).
  [[nodiscard]] std::string_view open_element(std::size_t levels) const noexcept {
    return levels < open_.size() ? open_[open_.size() - 1 - levels] : std::string_view();
  }
  [[nodiscard]] std::size_t attribute_count() const noexcept { return attribute_count_; }
  [[nodiscard]] const xml_attribute& attribute(std::size_t i) const noexcept {
    return attributes_[i];
  }
  // The last start_element's attribute `attr_name`, or null.
  [[nodiscard]] const xml_attribute* find_attribute(std::string_view attr_name) const noexcept {
    for (std::size_t i = 0; i < attribute_count_; ++i) {
      if (attributes_[i].name == attr_name) return &attributes_[i];
    }
    return nullptr;
  }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

 private:
  enum class state : std::uint8_t { start, prolog, content, epilog, done };

  [[nodiscard]] relkit::result<void> begin() {
    if (in_.size() > limits_.max_bytes) {
      return xml::make_error(xml_errc::too_large, limits_.max_bytes,
                             "XML input exceeds the byte limit", limits_.max_bytes);
    }
    if (in_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    const xml::utf8_check check = xml::check_utf8(in_.substr(pos_));
    if (check.position + pos_ < in_.size()) {
      return check.bad_encoding
                 ? xml::make_error(xml_errc::bad_utf8, check.position + pos_, "invalid UTF-8")
                 : xml::make_error(xml_errc::bad_character, check.position + pos_,
                                   "a character XML does not allow");
    }
    state_ = state::prolog;
    return {};
  }

  [[nodiscard]] bool starts_with(std::string_view s) const noexcept {
    return in_.substr(pos_, s.size()) == s;
  }

  bool skip_space() noexcept {
    const std::size_t start = pos_;
    while (pos_ < in_.size() && xml::is_space(in_[pos_])) ++pos_;
    return pos_ > start;
  }

  [[nodiscard]] std::string_view read_name() noexcept {
    const std::size_t start = pos_;
    if (pos_ >= in_.size() || !xml::is_name_start(in_[pos_])) return {};
    ++pos_;
    while (pos_ < in_.size() && xml::is_name_char(in_[pos_])) ++pos_;
    return in_.substr(start, pos_ - start);
  }

  // pos_ at "<!--"; leaves pos_ after "-->".
  [[nodiscard]] relkit::result<void> skip_comment() {
    const std::size_t end = in_.find("-->", pos_ + 4);
    if (end == std::string_view::npos) {
      return xml::make_error(xml_errc::unexpected_end, pos_, "unterminated comment");
    }
    pos_ = end + 3;
    return {};
  }

  // pos_ at "<?"; leaves pos_ after "?>".
  [[nodiscard]] relkit::result<void> skip_processing_instruction() {
    const std::size_t start = pos_;
    pos_ += 2;
    if (read_name().empty()) {
      return xml::make_error(xml_errc::bad_name, pos_, "expected a processing instruction target");
    }
    const std::size_t end = in_.find("?>", pos_);
    if (end == std::string_view::npos) {
      return xml::make_error(xml_errc::unexpected_end, start,
                             "unterminated processing instruction");
    }
    pos_ = end + 2;
    return {};
  }

  // A quoted literal of a DOCTYPE's external identifier; pos_ at the quote.
  [[nodiscard]] relkit::result<void> skip_literal(std::size_t doctype) {
    if (pos_ >= in_.size()) {
      return xml::make_error(xml_errc::unexpected_end, doctype, "unterminated DOCTYPE");
    }
    const char quote = in_[pos_];
    if (quote != '"' && quote != '\'') {
      return xml::make_error(xml_errc::unexpected_character, pos_, "expected a quoted literal");
    }
    const std::size_t end = in_.find(quote, pos_ + 1);
    if (end == std::string_view::npos) {
      return xml::make_error(xml_errc::unexpected_end, doctype, "unterminated DOCTYPE");
    }
    pos_ = end + 1;
    return {};
  }

  // pos_ at "<!DOCTYPE". Only `<!DOCTYPE name [SYSTEM "x" | PUBLIC "x" "y"]>`:
  // the external DTD is never read, and an internal subset is refused.
  [[nodiscard]] relkit::result<void> skip_doctype() {
    const std::size_t start = pos_;
    pos_ += 9;
    if (!skip_space()) {
      return xml::make_error(xml_errc::unexpected_character, pos_,
                             "expected whitespace after <!DOCTYPE");
    }
    if (read_name().empty()) {
      return xml::make_error(xml_errc::bad_name, pos_, "expected the DOCTYPE's root element name");
    }
    bool spaced = skip_space();
    const bool system = starts_with("SYSTEM");
    const bool public_id = starts_with("PUBLIC");
    if (spaced && (system || public_id)) {
      pos_ += 6;
      if (!skip_space()) {
        return xml::make_error(xml_errc::unexpected_character, pos_, "expected whitespace");
      }
      auto ok = skip_literal(start);
      if (!ok) return ok;
      if (public_id) {
        if (!skip_space()) {
          return xml::make_error(xml_errc::unexpected_character, pos_, "expected whitespace");
        }
        ok = skip_literal(start);
        if (!ok) return ok;
      }
      skip_space();
    }
    if (pos_ >= in_.size()) {
      return xml::make_error(xml_errc::unexpected_end, start, "unterminated DOCTYPE");
    }
    if (in_[pos_] == '[') {
      return xml::make_error(xml_errc::dtd_refused, pos_,
                             "a DTD internal subset (entity declarations) is refused");
    }
    if (in_[pos_] != '>') {
      return xml::make_error(xml_errc::unexpected_character, pos_,
                             "expected '>' ending the DOCTYPE");
    }
    ++pos_;
    return {};
  }

  // pos_ at '&'; appends the character and leaves pos_ after the ';'.
  [[nodiscard]] relkit::result<void> read_reference(std::string& out) {
    const std::size_t start = pos_;
    ++pos_;
    if (pos_ < in_.size() && in_[pos_] == '#') {
      ++pos_;
      const bool hex = pos_ < in_.size() && in_[pos_] == 'x';
      if (hex) ++pos_;
      const std::size_t digits = pos_;
      std::uint32_t cp = 0;
      while (pos_ < in_.size() && in_[pos_] != ';') {
        const int d = hex ? relkit::detail::hex_digit_value(in_[pos_])
                          : (relkit::detail::is_digit(in_[pos_]) ? in_[pos_] - '0' : -1);
        if (d < 0) {
          return xml::make_error(xml_errc::bad_reference, start,
                                 "invalid digit in a character reference");
        }
        if (cp <= 0x10FFFFU) cp = cp * (hex ? 16U : 10U) + static_cast<std::uint32_t>(d);
        ++pos_;
      }
      if (pos_ >= in_.size()) {
        return xml::make_error(xml_errc::bad_reference, start, "character reference without ';'");
      }
      if (pos_ == digits) {
        return xml::make_error(xml_errc::bad_reference, start, "empty character reference");
      }
      if (!xml::is_xml_char(cp)) {
        return xml::make_error(xml_errc::bad_reference, start,
                               "character reference to a character XML does not allow");
      }
      ++pos_;
      xml::append_utf8(out, cp);
      return {};
    }
    const std::string_view entity = read_name();
    if (entity.empty() || pos_ >= in_.size() || in_[pos_] != ';') {
      return xml::make_error(xml_errc::bad_reference, start,
                             "'&' not followed by a reference ending in ';'");
    }
    ++pos_;
    if (entity == "lt") {
      out += '<';
    } else if (entity == "gt") {
      out += '>';
    } else if (entity == "amp") {
      out += '&';
    } else if (entity == "quot") {
      out += '"';
    } else if (entity == "apos") {
      out += '\'';
    } else {
      return xml::make_error(xml_errc::bad_reference, start,
                             "an entity other than lt, gt, amp, quot and apos");
    }
    return {};
  }

  // pos_ at the opening quote.
  [[nodiscard]] relkit::result<void> read_attribute_value(std::string& out) {
    const std::size_t start = pos_;
    const char quote = in_[pos_++];
    while (true) {
      std::size_t run = pos_;
      while (run < in_.size() && in_[run] != quote && in_[run] != '&' && in_[run] != '<' &&
             in_[run] != '\t' && in_[run] != '\n' && in_[run] != '\r') {
        ++run;
      }
      out.append(in_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ >= in_.size()) {
        return xml::make_error(xml_errc::unexpected_end, start, "unterminated attribute value");
      }
      const char c = in_[pos_];
      if (c == quote) {
        ++pos_;
        return {};
      }
      if (c == '<') {
        return xml::make_error(xml_errc::unexpected_character, pos_, "'<' in an attribute value");
      }
      if (c == '&') {
        auto ok = read_reference(out);
        if (!ok) return ok;
        continue;
      }
      // Whitespace normalization: a literal tab, LF, CR or CRLF is one space.
      if (c == '\r' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      out += ' ';
    }
  }

  // pos_ at '<' of a start tag.
  [[nodiscard]] relkit::result<xml_event> read_start_tag() {
    const std::size_t start = pos_;
    if (++elements_ > limits_.max_elements) {
      return xml::make_error(xml_errc::too_many_elements, start, "too many XML elements",
                             limits_.max_elements);
    }
    if (open_.size() >= limits_.max_depth) {
      return xml::make_error(xml_errc::too_deep, start, "XML nested too deep", limits_.max_depth);
    }
    ++pos_;
    const std::string_view element = read_name();
    if (element.empty())
      return xml::make_error(xml_errc::bad_name, pos_, "expected an element name");
    attribute_count_ = 0;
    while (true) {
      const bool spaced = skip_space();
      if (pos_ >= in_.size()) {
        return xml::make_error(xml_errc::unexpected_end, start, "unterminated start tag");
      }
      if (in_[pos_] == '>') {
        ++pos_;
        break;
      }
      if (starts_with("/>")) {
        pos_ += 2;
        pending_end_ = true;
        break;
      }
      if (!spaced) {
        return xml::make_error(xml_errc::unexpected_character, pos_,
                               "expected whitespace, '>' or '/>'");
      }
      const std::size_t name_at = pos_;
      const std::string_view attr_name = read_name();
      if (attr_name.empty()) {
        return xml::make_error(xml_errc::bad_name, pos_, "expected an attribute name");
      }
      if (attribute_count_ >= limits_.max_attributes) {
        return xml::make_error(xml_errc::too_many_attributes, name_at,
                               "too many attributes on one element", limits_.max_attributes);
      }
      if (find_attribute(attr_name) != nullptr) {
        return relkit::error{
            xml_errc::duplicate_attribute, name_at,
            relkit::error_args{}.with_text("attribute given twice").with_token(attr_name)};
      }
      skip_space();
      if (pos_ >= in_.size() || in_[pos_] != '=') {
        if (pos_ >= in_.size()) {
          return xml::make_error(xml_errc::unexpected_end, start, "unterminated start tag");
        }
        return xml::make_error(xml_errc::unexpected_character, pos_, "expected '='");
      }
      ++pos_;
      skip_space();
      if (pos_ >= in_.size()) {
        return xml::make_error(xml_errc::unexpected_end, start, "unterminated start tag");
      }
      if (in_[pos_] != '"' && in_[pos_] != '\'') {
        return xml::make_error(xml_errc::unexpected_character, pos_, "expected a quoted value");
      }
      if (attribute_count_ == attributes_.size()) attributes_.emplace_back();
      xml_attribute& attr = attributes_[attribute_count_];
      attr.name = attr_name;
      attr.position = name_at;
      attr.value_position = pos_ + 1;
      attr.value.clear();
      auto ok = read_attribute_value(attr.value);
      if (!ok) return std::move(ok).error();
      ++attribute_count_;
    }
    open_.push_back(element);
    name_ = element;
    event_position_ = start;
    state_ = state::content;
    return xml_event::start_element;
  }

  [[nodiscard]] xml_event close_element() {
    name_ = open_.back();
    open_.pop_back();
    if (open_.empty()) state_ = state::epilog;
    return xml_event::end_element;
  }

  // Inside the root element.
  [[nodiscard]] relkit::result<xml_event> read_content() {
    while (true) {
      if (pos_ >= in_.size()) {
        return xml::make_error(xml_errc::unexpected_end, pos_, "unclosed element");
      }
      if (in_[pos_] != '<' || starts_with("<![CDATA[")) return read_text();
      if (starts_with("<!--")) {
        auto ok = skip_comment();
        if (!ok) return std::move(ok).error();
      } else if (starts_with("<?")) {
        auto ok = skip_processing_instruction();
        if (!ok) return std::move(ok).error();
      } else if (starts_with("</")) {
        const std::size_t start = pos_;
        pos_ += 2;
        const std::string_view element = read_name();
        if (element.empty()) {
          return xml::make_error(xml_errc::bad_name, pos_, "expected an element name");
        }
        skip_space();
        if (pos_ >= in_.size()) {
          return xml::make_error(xml_errc::unexpected_end, start, "unterminated end tag");
        }
        if (in_[pos_] != '>') {
          return xml::make_error(xml_errc::unexpected_character, pos_, "expected '>'");
        }
        if (element != open_.back()) {
          return relkit::error{
              xml_errc::mismatched_tag, start,
              relkit::error_args{}.with_text("end tag does not close").with_token(open_.back())};
        }
        ++pos_;
        event_position_ = start;
        return close_element();
      } else if (starts_with("<!")) {
        return xml::make_error(xml_errc::unexpected_character, pos_,
                               "expected a comment or a CDATA section after '<!'");
      } else {
        return read_start_tag();
      }
    }
  }

  // A run of character data and CDATA sections, up to the next other markup.
  [[nodiscard]] relkit::result<xml_event> read_text() {
    text_.clear();
    event_position_ = pos_;
    while (pos_ < in_.size()) {
      const char c = in_[pos_];
      if (c == '<') {
        if (!starts_with("<![CDATA[")) break;
        const std::size_t end = in_.find("]]>", pos_ + 9);
        if (end == std::string_view::npos) {
          return xml::make_error(xml_errc::unexpected_end, pos_, "unterminated CDATA section");
        }
        append_normalized(in_.substr(pos_ + 9, end - pos_ - 9));
        pos_ = end + 3;
      } else if (c == '&') {
        auto ok = read_reference(text_);
        if (!ok) return std::move(ok).error();
      } else {
        std::size_t run = pos_;
        while (run < in_.size() && in_[run] != '<' && in_[run] != '&') ++run;
        append_normalized(in_.substr(pos_, run - pos_));
        pos_ = run;
      }
    }
    return xml_event::text;
  }

  // Appends `s` with CRLF and lone CR written as LF (XML 1.0 section 2.11).
  void append_normalized(std::string_view s) {
    std::size_t from = 0;
    while (true) {
      const std::size_t cr = s.find('\r', from);
      if (cr == std::string_view::npos) {
        text_.append(s.data() + from, s.size() - from);
        return;
      }
      text_.append(s.data() + from, cr - from);
      text_ += '\n';
      from = cr + 1;
      if (from < s.size() && s[from] == '\n') ++from;
    }
  }

  std::string_view in_;
  xml_limits limits_;
  std::size_t pos_ = 0;
  state state_ = state::start;
  bool seen_doctype_ = false;
  bool pending_end_ = false;
  std::size_t elements_ = 0;
  std::vector<std::string_view> open_;
  std::vector<xml_attribute> attributes_;
  std::size_t attribute_count_ = 0;
  std::string_view name_;
  std::size_t event_position_ = 0;
  std::string text_;
};

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
