// relkit/detail/xml.hpp: the bounded XML reader of the report readers.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace {

using relkit::detail::xml_errc;
using relkit::detail::xml_event;
using relkit::detail::xml_limits;
using reader = relkit::detail::xml_reader<>;

// Every event of `text` as one line: "<a x=1>", "'text'", "</a>"; or the error.
std::string events(std::string_view text, const xml_limits& limits = {}) {
  reader r(text, limits);
  std::string out;
  for (int guard = 0; guard < 1000; ++guard) {
    auto e = r.next();
    if (!e) return out + "error " + relkit::to_string(e.error());
    switch (*e) {
      case xml_event::start_element:
        out += '<';
        out += r.name();
        for (std::size_t i = 0; i < r.attribute_count(); ++i) {
          out += ' ';
          out += r.attribute(i).name;
          out += '=';
          out += r.attribute(i).value;
        }
        out += '>';
        break;
      case xml_event::end_element:
        out += "</";
        out += r.name();
        out += '>';
        break;
      case xml_event::text:
        out += '\'' + r.text() + '\'';
        break;
      case xml_event::end_document:
        return out;
    }
  }
  return out + "no end";
}

relkit::error error_of(std::string_view text, const xml_limits& limits = {}) {
  reader r(text, limits);
  for (int guard = 0; guard < 1000; ++guard) {
    auto e = r.next();
    if (!e) return e.error();
    if (*e == xml_event::end_document) break;
  }
  ADD_FAILURE() << "no error in " << text;
  return relkit::error{};
}

void expect_error(std::string_view text, xml_errc code, std::size_t position,
                  std::string_view message, const xml_limits& limits = {}) {
  const relkit::error e = error_of(text, limits);
  EXPECT_EQ(e.code, code) << text << ": " << relkit::to_string(e);
  EXPECT_EQ(e.position, position) << text << ": " << relkit::to_string(e);
  EXPECT_EQ(e.message(), message) << text;
}

TEST(Xml, ReadsElementsAttributesAndText) {
  EXPECT_EQ(events("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n"
                   "<a x=\"1\" y='two'>hi<b/><c z=\"&lt;&amp;&gt;\">&quot;&apos;</c></a>\n"
                   "<!-- after --><?pi x?>\n"),
            "<a x=1 y=two>'hi'<b></b><c z=<&>>'\"''</c></a>");
  // Positions: the '<' of an element, the first byte of a text run.
  reader r("<a>\n  <b k=\"v\"/></a>");
  ASSERT_EQ(*r.next(), xml_event::start_element);
  EXPECT_EQ(r.position(), 0U);
  ASSERT_EQ(*r.next(), xml_event::text);
  EXPECT_EQ(r.position(), 3U);
  ASSERT_EQ(*r.next(), xml_event::start_element);
  EXPECT_EQ(r.position(), 6U);
  EXPECT_EQ(r.depth(), 2U);
  EXPECT_EQ(r.open_element(1), "a");
  ASSERT_NE(r.find_attribute("k"), nullptr);
  EXPECT_EQ(r.find_attribute("k")->position, 9U);
  EXPECT_EQ(r.find_attribute("k")->value_position, 12U);
  EXPECT_EQ(r.find_attribute("missing"), nullptr);
  ASSERT_EQ(*r.next(), xml_event::end_element);
  EXPECT_EQ(r.name(), "b");
  ASSERT_EQ(*r.next(), xml_event::end_element);
  EXPECT_EQ(r.name(), "a");
  EXPECT_EQ(r.depth(), 0U);
  ASSERT_EQ(*r.next(), xml_event::end_document);
  ASSERT_EQ(*r.next(), xml_event::end_document);
}

TEST(Xml, DecodesReferencesCdataAndNormalizesLineEnds) {
  EXPECT_EQ(events("<a>&#65;&#x42;&#xe9;&#x1F680;<![CDATA[<&x>]]>\r\nz\rw</a>"),
            "<a>'AB\xC3\xA9\xF0\x9F\x9A\x80<&x>\nz\nw'</a>");
  // Attribute values: a literal tab, LF, CR or CRLF is a space; a character
  // reference is kept as written.
  EXPECT_EQ(events("<a v=\"1\t2\n3\r\n4&#10;5\"/>"), "<a v=1 2 3 4\n5></a>");
  // A byte order mark, prefixed names, non-ASCII names.
  EXPECT_EQ(events("\xEF\xBB\xBF<x:a xmlns:x=\"u\"><\xC3\xA9t\xC3\xA9/></x:a>"),
            "<x:a xmlns:x=u><\xC3\xA9t\xC3\xA9></\xC3\xA9t\xC3\xA9></x:a>");
}

// JaCoCo, gcovr and istanbul write a DOCTYPE naming an external DTD: read
// past, never opened.
TEST(Xml, SkipsADoctypeWithOnlyAnExternalIdentifier) {
  EXPECT_EQ(events("<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report "
                   "1.1//EN\" \"report.dtd\"><report/>"),
            "<report></report>");
  EXPECT_EQ(events("<!DOCTYPE coverage SYSTEM 'http://cobertura.sourceforge.net/xml/"
                   "coverage-04.dtd'>\n<coverage/>"),
            "<coverage></coverage>");
  EXPECT_EQ(events("<!DOCTYPE a><a/>"), "<a></a>");
}

TEST(Xml, RefusesBillionLaughs) {
  const std::string_view lol =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE lolz [\n"
      " <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
      "]>\n"
      "<lolz>&lol3;</lolz>\n";
  ASSERT_EQ(lol.find('['), 37U);
  expect_error(lol, xml_errc::dtd_refused, 37,
               "a DTD internal subset (entity declarations) is refused");
  // Without its DTD, the reference is to an entity that does not exist.
  expect_error("<lolz>&lol3;</lolz>", xml_errc::bad_reference, 6,
               "an entity other than lt, gt, amp, quot and apos");
}

TEST(Xml, RefusesExternalEntities) {
  const std::string_view xxe =
      "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      "<foo>&xxe;</foo>";
  ASSERT_EQ(xxe.find('['), 35U);
  expect_error(xxe, xml_errc::dtd_refused, 35,
               "a DTD internal subset (entity declarations) is refused");
  expect_error(
      "<!DOCTYPE foo SYSTEM \"file:///etc/passwd\" [<!ENTITY % p SYSTEM \"x\"> %p;]><foo/>",
      xml_errc::dtd_refused, 42, "a DTD internal subset (entity declarations) is refused");
  expect_error("<foo>&xxe;</foo>", xml_errc::bad_reference, 5,
               "an entity other than lt, gt, amp, quot and apos");
}

TEST(Xml, LimitErrorsNameTheLimit) {
  xml_limits limits;
  limits.max_bytes = 4;
  expect_error("<a/>x", xml_errc::too_large, 4, "XML input exceeds 4 bytes", limits);
  EXPECT_EQ(events("<a/>", limits), "<a></a>");
  limits = {};
  limits.max_depth = 2;
  expect_error("<a><b><c/></b></a>", xml_errc::too_deep, 6, "XML nesting deeper than 2", limits);
  limits = {};
  limits.max_elements = 2;
  expect_error("<a><b/><c/></a>", xml_errc::too_many_elements, 7, "more than 2 XML elements",
               limits);
  limits = {};
  limits.max_attributes = 1;
  expect_error("<a x=\"1\" y=\"2\"/>", xml_errc::too_many_attributes, 9,
               "more than 1 attributes on one element", limits);
}

TEST(Xml, EveryErrorHasItsPosition) {
  expect_error("", xml_errc::unexpected_end, 0, "no root element");
  expect_error("<!-- only -->", xml_errc::unexpected_end, 13, "no root element");
  expect_error("<a>", xml_errc::unexpected_end, 3, "unclosed element");
  expect_error("<a><b", xml_errc::unexpected_end, 3, "unterminated start tag");
  expect_error("<a x=\"1", xml_errc::unexpected_end, 5, "unterminated attribute value");
  expect_error("<a><!-- x", xml_errc::unexpected_end, 3, "unterminated comment");
  expect_error("<a><![CDATA[x", xml_errc::unexpected_end, 3, "unterminated CDATA section");
  expect_error("<?xml x", xml_errc::unexpected_end, 0, "unterminated processing instruction");
  expect_error("<!DOCTYPE a", xml_errc::unexpected_end, 0, "unterminated DOCTYPE");
  expect_error("<a></a", xml_errc::unexpected_end, 3, "unterminated end tag");

  expect_error("<a x=1/>", xml_errc::unexpected_character, 5, "expected a quoted value");
  expect_error("<a x/>", xml_errc::unexpected_character, 4, "expected '='");
  expect_error("<a x=\"1\"y=\"2\"/>", xml_errc::unexpected_character, 8,
               "expected whitespace, '>' or '/>'");
  expect_error("<a x=\"<\"/>", xml_errc::unexpected_character, 6, "'<' in an attribute value");
  expect_error("text<a/>", xml_errc::unexpected_character, 0, "expected the root element");
  expect_error("<a></a >x", xml_errc::trailing_content, 8, "content after the root element");
  expect_error("<a></a x>", xml_errc::unexpected_character, 7, "expected '>'");
  expect_error("<a><!ELEMENT a ANY></a>", xml_errc::unexpected_character, 3,
               "expected a comment or a CDATA section after '<!'");
  expect_error("<!DOCTYPE a><!DOCTYPE a><a/>", xml_errc::unexpected_character, 12,
               "a second DOCTYPE");
  expect_error("<!DOCTYPEa><a/>", xml_errc::unexpected_character, 9,
               "expected whitespace after <!DOCTYPE");
  expect_error("<!DOCTYPE a PUBLIC \"x\"><a/>", xml_errc::unexpected_character, 22,
               "expected whitespace");
  expect_error("<!DOCTYPE a SYSTEM x><a/>", xml_errc::unexpected_character, 19,
               "expected a quoted literal");
  expect_error("<!DOCTYPE a junk><a/>", xml_errc::unexpected_character, 12,
               "expected '>' ending the DOCTYPE");

  expect_error("<1/>", xml_errc::bad_name, 1, "expected an element name");
  expect_error("<a =\"1\"/>", xml_errc::bad_name, 3, "expected an attribute name");
  expect_error("<a></ >", xml_errc::bad_name, 5, "expected an element name");
  expect_error("<? x?><a/>", xml_errc::bad_name, 2, "expected a processing instruction target");
  expect_error("<!DOCTYPE [<a/>", xml_errc::bad_name, 10,
               "expected the DOCTYPE's root element name");

  expect_error("<a x=\"1\" x=\"2\"/>", xml_errc::duplicate_attribute, 9,
               "attribute given twice: 'x'");

  expect_error("<a>&foo;</a>", xml_errc::bad_reference, 3,
               "an entity other than lt, gt, amp, quot and apos");
  expect_error("<a>&amp</a>", xml_errc::bad_reference, 3,
               "'&' not followed by a reference ending in ';'");
  expect_error("<a>a & b</a>", xml_errc::bad_reference, 5,
               "'&' not followed by a reference ending in ';'");
  expect_error("<a>&#;</a>", xml_errc::bad_reference, 3, "empty character reference");
  expect_error("<a>&#x12g;</a>", xml_errc::bad_reference, 3,
               "invalid digit in a character reference");
  expect_error("<a>&#65</a>", xml_errc::bad_reference, 3, "invalid digit in a character reference");
  expect_error("<a>&#65", xml_errc::bad_reference, 3, "character reference without ';'");
  expect_error("<a>&#0;</a>", xml_errc::bad_reference, 3,
               "character reference to a character XML does not allow");
  expect_error("<a>&#xD800;</a>", xml_errc::bad_reference, 3,
               "character reference to a character XML does not allow");
  expect_error("<a>&#x110000;</a>", xml_errc::bad_reference, 3,
               "character reference to a character XML does not allow");
  expect_error("<a>&#99999999999999999999;</a>", xml_errc::bad_reference, 3,
               "character reference to a character XML does not allow");
  expect_error("<a v=\"&x;\"/>", xml_errc::bad_reference, 6,
               "an entity other than lt, gt, amp, quot and apos");

  expect_error("<a></b>", xml_errc::mismatched_tag, 3, "end tag does not close <a>");

  expect_error("<a>\xC0\xAF</a>", xml_errc::bad_utf8, 3, "invalid UTF-8");          // overlong
  expect_error("<a>\xED\xA0\x80</a>", xml_errc::bad_utf8, 3, "invalid UTF-8");      // surrogate
  expect_error("<a>\xF4\x90\x80\x80</a>", xml_errc::bad_utf8, 3, "invalid UTF-8");  // > U+10FFFF
  expect_error("<a>\xE2\x82</a>", xml_errc::bad_utf8, 3, "invalid UTF-8");          // truncated
  expect_error("<a>\xFF</a>", xml_errc::bad_utf8, 3, "invalid UTF-8");
  // UTF-16 is not read: its first bytes are not UTF-8.
  expect_error(std::string_view("\xFF\xFE<\0a\0", 6), xml_errc::bad_utf8, 0, "invalid UTF-8");

  expect_error("<a>\x01</a>", xml_errc::bad_character, 3, "a character XML does not allow");
  expect_error(std::string_view("<a>\0</a>", 8), xml_errc::bad_character, 3,
               "a character XML does not allow");
  expect_error("<a>\xEF\xBF\xBE</a>", xml_errc::bad_character, 3,
               "a character XML does not allow");  // U+FFFE

  expect_error("<a/><b/>", xml_errc::trailing_content, 4, "content after the root element");
  expect_error("<a/>text", xml_errc::trailing_content, 4, "content after the root element");
  expect_error("<a/><!DOCTYPE a>", xml_errc::trailing_content, 4, "content after the root element");
}

TEST(Xml, ErrorsCarryTheirDomain) {
  const relkit::error e = error_of("<a></b>");
  EXPECT_EQ(relkit::to_string(e), "end tag does not close <a> at 3 [xml.mismatched_tag]");
}

}  // namespace
