// SVG exports: wrapping, escaping, and the documents themselves — well-formed XML (checked by a small
// parser here), sizes from the layouts, every card and tile where the layout puts it, hostile text
// escaped, emotion curves, KPI text, folded descendants left out, determinism, degenerate inputs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "io/export_svg.hpp"
#include "layout/framework_layout.hpp"
#include "layout/journey_layout.hpp"
#include "model/date.hpp"
#include "model/sample.hpp"

using namespace wm;

namespace {

// [SECTION] A width model: 0.5 × size per code point (bold 0.55), so lines can be worked out by hand.
std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

io::SvgStyle test_style() {
    io::SvgStyle st;
    st.width = [](std::string_view text, float size, bool bold) { return (bold ? 0.55f : 0.5f) * size * static_cast<float>(code_points(text)); };
    return st;
}

const Date kToday = date_from_ymd(2026, 11, 23);

// [SECTION] A small XML reader: well-formedness and the elements with their attributes and text.
struct Element {
    std::string name;
    std::map<std::string, std::string> attrs;
    std::string text;   // direct character data, unescaped
    int parent = -1;
};

struct Xml {
    std::vector<Element> elements;
    std::string problem;   // "" when well-formed
};

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.'; }

// Character data or an attribute value: no '<', every '&' one of the five entities or a character
// reference, no control characters but white space. Returns the unescaped text, or sets `problem`.
std::string unescape(std::string_view raw, std::string& problem) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c == '<') problem = "raw '<' in text";
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') problem = "control character in text";
        if (c != '&') {
            out += static_cast<char>(c);
            continue;
        }
        static const std::pair<const char*, char> kEntities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool known = false;
        for (const auto& [entity, ch] : kEntities)
            if (raw.substr(i, std::char_traits<char>::length(entity)) == entity) {
                out += ch;
                i += std::char_traits<char>::length(entity) - 1;
                known = true;
                break;
            }
        if (!known) problem = "unknown entity at \"" + std::string(raw.substr(i, 8)) + "\"";
    }
    return out;
}

Xml parse_xml(const std::string& s) {
    Xml x;
    const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (s.rfind(decl, 0) != 0) return x.problem = "no XML declaration first", x;
    std::vector<int> open;
    bool root_done = false;
    std::size_t i = decl.size();
    while (i < s.size() && x.problem.empty()) {
        if (s[i] != '<') {
            const std::size_t end = std::min(s.find('<', i), s.size());
            const std::string text = unescape(std::string_view(s).substr(i, end - i), x.problem);
            if (s.substr(i, end - i).find('>') != std::string::npos) x.problem = "raw '>' in text";
            if (open.empty() && text.find_first_not_of(" \n") != std::string::npos) x.problem = "text outside the root";
            if (!open.empty()) x.elements[static_cast<std::size_t>(open.back())].text += text;
            i = end;
            continue;
        }
        if (s.compare(i, 2, "</") == 0) {
            std::size_t at = i + 2, start = at;
            while (at < s.size() && name_char(s[at])) ++at;
            const std::string name = s.substr(start, at - start);
            if (at >= s.size() || s[at] != '>') return x.problem = "bad end tag </" + name, x;
            if (open.empty() || x.elements[static_cast<std::size_t>(open.back())].name != name)
                return x.problem = "</" + name + "> closes " + (open.empty() ? "nothing" : x.elements[static_cast<std::size_t>(open.back())].name), x;
            open.pop_back();
            if (open.empty()) root_done = true;
            i = at + 1;
            continue;
        }
        if (root_done) return x.problem = "a second root", x;
        Element e;
        std::size_t at = i + 1;
        while (at < s.size() && name_char(s[at])) ++at;
        e.name = s.substr(i + 1, at - i - 1);
        if (e.name.empty()) return x.problem = "empty tag name", x;
        e.parent = open.empty() ? -1 : open.back();
        bool self_closing = false;
        for (;;) {
            while (at < s.size() && s[at] == ' ') ++at;
            if (at >= s.size()) return x.problem = "unterminated <" + e.name, x;
            if (s.compare(at, 2, "/>") == 0) {
                self_closing = true;
                at += 2;
                break;
            }
            if (s[at] == '>') {
                ++at;
                break;
            }
            const std::size_t name_at = at;
            while (at < s.size() && name_char(s[at])) ++at;
            const std::string attr = s.substr(name_at, at - name_at);
            if (attr.empty() || s.compare(at, 2, "=\"") != 0) return x.problem = "unquoted or bad attribute in <" + e.name, x;
            const std::size_t value_at = at + 2, close = s.find('"', value_at);
            if (close == std::string::npos) return x.problem = "unterminated attribute", x;
            if (e.attrs.count(attr)) return x.problem = "repeated attribute " + attr, x;
            e.attrs[attr] = unescape(std::string_view(s).substr(value_at, close - value_at), x.problem);
            at = close + 1;
            if (at < s.size() && s[at] != ' ' && s[at] != '>' && s[at] != '/') return x.problem = "no space between attributes", x;
        }
        x.elements.push_back(std::move(e));
        if (self_closing) {
            if (open.empty()) root_done = true;
        } else {
            open.push_back(static_cast<int>(x.elements.size()) - 1);
        }
        i = at;
    }
    if (x.problem.empty() && !open.empty()) x.problem = "unclosed <" + x.elements[static_cast<std::size_t>(open.back())].name + ">";
    if (x.problem.empty() && (x.elements.empty() || x.elements[0].name != "svg")) x.problem = "the root is not <svg>";
    return x;
}

float attr(const Element& e, const std::string& name) {
    auto it = e.attrs.find(name);
    return it == e.attrs.end() ? NAN : std::strtof(it->second.c_str(), nullptr);
}

bool near(float a, float b) { return std::fabs(a - b) < 0.011f; }

// A <rect> at exactly this place (to the printed two decimals) with this fill.
bool has_rect(const Xml& x, float rx, float ry, float w, float h, const std::string& fill) {
    for (const Element& e : x.elements)
        if (e.name == "rect" && near(attr(e, "x"), rx) && near(attr(e, "y"), ry) && near(attr(e, "width"), w) && near(attr(e, "height"), h) &&
            e.attrs.count("fill") && e.attrs.at("fill") == fill)
            return true;
    return false;
}

// Every line of text in the document (tspan contents, unescaped).
std::vector<std::string> lines_of(const Xml& x) {
    std::vector<std::string> out;
    for (const Element& e : x.elements)
        if (e.name == "tspan") out.push_back(e.text);
    return out;
}

bool has_line(const Xml& x, const std::string& line) {
    for (const Element& e : x.elements)
        if (e.name == "tspan" && e.text == line) return true;
    return false;
}

bool mentions(const Xml& x, const std::string& text) {
    for (const Element& e : x.elements)
        if ((e.name == "tspan" || e.name == "title" || e.name == "desc") && e.text.find(text) != std::string::npos) return true;
    return false;
}

// A one-line text as the exports fit it: whole, or a prefix ending with "…".
bool has_fitted_line(const Xml& x, const std::string& text) {
    const std::string ellipsis = "\xE2\x80\xA6";
    for (const std::string& l : lines_of(x)) {
        if (l == text) return true;
        if (l.size() > ellipsis.size() && l.compare(l.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0 &&
            text.rfind(l.substr(0, l.size() - ellipsis.size()), 0) == 0)
            return true;
    }
    return false;
}

const Element* first(const Xml& x, const std::string& name) {
    for (const Element& e : x.elements)
        if (e.name == name) return &e;
    return nullptr;
}

// The title block's background: the first white rect at the origin spanning the width.
float title_height(const Xml& x, float width) {
    for (const Element& e : x.elements)
        if (e.name == "rect" && near(attr(e, "x"), 0) && near(attr(e, "y"), 0) && near(attr(e, "width"), width) && e.attrs.at("fill") == "#FFFFFF")
            return attr(e, "height");
    return NAN;
}

struct Exported {
    layout::JourneyLayout layout;
    io::SvgDocument doc;
    Xml xml;
};

Exported export_journey(const Workspace& ws, const Journey& j, const io::SvgStyle& style = test_style()) {
    Exported e;
    e.layout = layout::layout_journey(ws, j, io::svg_text_height(style));
    e.doc = io::journey_svg(ws, j, e.layout, style, kToday);
    e.xml = parse_xml(e.doc.text);
    return e;
}

Card& add_card(Journey& j, Id lane, Id step, std::string text) {
    Card c;
    c.id = new_id();
    c.lane = lane;
    c.step = step;
    c.text = std::move(text);
    j.cards.push_back(c);
    return j.cards.back();
}

}  // namespace

// [SECTION] Text ----------------------------------------------------------------------------------------

TEST_CASE("svg wrap_lines: words kept whole, long words broken by code point, newlines kept") {
    const io::SvgStyle st = test_style();   // size 10: 5 px per code point
    CHECK(io::wrap_lines("", 100, 10, false, st).empty());
    CHECK(io::wrap_lines("one two three", 1000, 10, false, st) == std::vector<std::string>{"one two three"});
    CHECK(io::wrap_lines("one two three", 35, 10, false, st) == std::vector<std::string>{"one two", "three"});   // "one two" is 35 px
    CHECK(io::wrap_lines("one two three", 34, 10, false, st) == std::vector<std::string>{"one", "two", "three"});
    CHECK(io::wrap_lines("abcdefghijkl xy", 25, 10, false, st) == std::vector<std::string>{"abcde", "fghij", "kl xy"});
    CHECK(io::wrap_lines("a\n\nb", 100, 10, false, st) == std::vector<std::string>{"a", "", "b"});
    CHECK(io::wrap_lines("  a   b  ", 100, 10, false, st) == std::vector<std::string>{"a b"});
    CHECK(io::wrap_lines("a\x01" "b\tc\r\nd", 100, 10, false, st) == std::vector<std::string>{"ab c", "d"});
    CHECK(io::wrap_lines("两行两行两", 10, 10, false, st) == std::vector<std::string>{"两行", "两行", "两"});
    CHECK(io::wrap_lines("abc", 0, 10, false, st) == std::vector<std::string>{"a", "b", "c"});   // one code point per line at least
    CHECK(io::wrap_lines("abcd", 20, 10, true, st) == std::vector<std::string>{"abc", "d"});      // bold: 5.5 px
    CHECK(io::wrap_lines("bad \xFF byte", 1000, 10, false, st) == std::vector<std::string>{"bad \xEF\xBF\xBD byte"});

    // The layout's measure agrees: lines × size, one line for empty text.
    const layout::TextHeight h = io::svg_text_height(st);
    CHECK(h("one two three", 34 * 15.0f / 10) == doctest::Approx(3 * 15.0f));
    CHECK(h("", 100) == doctest::Approx(15.0f));

    // No line wider than the wrap width, unless it is a single code point, over every sample card.
    const Workspace ws = sample_workspace();
    int lines = 0;
    for (const Journey& j : ws.journeys)
        for (const Card& c : j.cards)
            for (float wrap : {0.0f, 12.0f, 57.5f, 120.0f, 184.0f})
                for (const std::string& line : io::wrap_lines(c.text, wrap, 15, false, st)) {
                    ++lines;
                    if (code_points(line) > 1) CHECK(st.width(line, 15, false) <= wrap);
                }
    CHECK(lines > 1000);
}

TEST_CASE("svg xml_escape: the five markup characters, control characters dropped, invalid UTF-8 replaced") {
    CHECK(io::xml_escape("<a href=\"x\">Q&A's</a>") == "&lt;a href=&quot;x&quot;&gt;Q&amp;A&apos;s&lt;/a&gt;");
    CHECK(io::xml_escape("两行\nCafé\tx") == "两行 Café x");
    CHECK(io::xml_escape("a\x01\x1F\x7F" "b") == "ab");
    CHECK(io::xml_escape("\xC2\x85" "c") == "c");                 // C1 control
    CHECK(io::xml_escape("\xC0\xAF|\xED\xA0\x80|\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(io::xml_escape("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");
}

// [SECTION] Journey map -----------------------------------------------------------------------------------

TEST_CASE("svg journey map: every sample journey is well-formed, sized by its layout, cards at their rects") {
    const Workspace ws = sample_workspace();
    const io::SvgStyle st = test_style();
    for (const Journey& j : ws.journeys) {
        CAPTURE(j.title);
        const Exported e = export_journey(ws, j, st);
        const layout::JourneyLayout& L = e.layout;
        REQUIRE(e.xml.problem == "");
        const Element& root = e.xml.elements[0];
        CHECK(root.attrs.at("xmlns") == "http://www.w3.org/2000/svg");
        CHECK(e.doc.width == doctest::Approx(L.metrics.label_width + L.width));
        CHECK(attr(root, "width") == doctest::Approx(e.doc.width));
        CHECK(attr(root, "height") == doctest::Approx(e.doc.height));
        CHECK(root.attrs.at("viewBox") == "0 0 " + root.attrs.at("width") + " " + root.attrs.at("height"));
        // The maps are wide enough for one-line title block texts: 16 + 24 + 6 + 15 + 4 + 12.5 + 16.
        const float top = title_height(e.xml, e.doc.width);
        CHECK(top == doctest::Approx(93.5f));
        CHECK(e.doc.height == doctest::Approx(top + L.header_height() + L.height));
        CHECK(first(e.xml, "title")->text == j.title);
        REQUIRE(first(e.xml, "rect"));
        CHECK(first(e.xml, "rect")->attrs.at("fill") == "#F6F7F9");   // the opaque background, first
        CHECK(near(attr(*first(e.xml, "rect"), "width"), e.doc.width));
        CHECK(e.xml.elements[4].name == "g");   // svg, title, desc, background, then the one <g> naming the font
        CHECK(e.xml.elements[4].attrs.at("font-family") == st.font_family);
        CHECK(has_line(e.xml, j.title));
        CHECK(has_line(e.xml, ws.name + " \xC2\xB7 Exported 2026-11-23 from Waymark"));

        const float ox = L.metrics.label_width, oy = top + L.header_height();
        int cards = 0;
        for (const layout::Item& item : L.items) {
            if (item.kind != layout::ItemKind::card) continue;
            ++cards;
            const Card& card = j.cards[static_cast<std::size_t>(item.index)];
            CAPTURE(card.text);
            CHECK(has_rect(e.xml, ox + item.rect.x, oy + item.rect.y, item.rect.w, item.rect.h, "#FFFFFF"));
            const std::vector<std::string> lines = io::wrap_lines(card.text, item.rect.w - 2 * L.metrics.item_pad, st.font_size, false, st);
            // The box is as tall as its lines (the layout measured with svg_text_height), and each line is drawn.
            CHECK(item.rect.h == doctest::Approx(2 * L.metrics.item_pad + std::max<std::size_t>(1, lines.size()) * st.font_size +
                                                 (item.badges ? L.metrics.badge_row : 0)));
            for (const std::string& line : lines)
                if (!line.empty()) CHECK(has_line(e.xml, line));
        }
        CHECK(cards == static_cast<int>(j.cards.size()));   // the sample has no dangling or folded cards
        for (const Stage& s : j.stages) CHECK(has_fitted_line(e.xml, s.name));
        for (std::size_t l = 0; l < j.lanes.size(); ++l)   // lanes of a folded layer take no row
            if (L.row_of_lane(static_cast<int>(l)) >= 0) CHECK(has_line(e.xml, io::wrap_lines(j.lanes[l].name, L.metrics.label_width - 18, 15, false, st).front()));
    }
}

TEST_CASE("svg journey map: the same input gives the same bytes") {
    const Workspace ws = sample_workspace();
    const Workspace copy = sample_workspace();
    const Exported a = export_journey(ws, ws.journeys[2]);
    const Exported b = export_journey(copy, copy.journeys[2]);
    CHECK(a.doc.text == b.doc.text);
    CHECK(a.doc.text.size() > 20000);
    CHECK(a.doc.text != export_journey(ws, ws.journeys[1]).doc.text);
}

TEST_CASE("svg journey map: hostile text survives escaped, multi-line text as one tspan per line") {
    Workspace ws = blank_workspace("Q&A <ws>");
    Journey j;
    j.id = new_id();
    j.title = "Tom's \"plan\" <b>&</b>";
    j.level = 1;
    const Id step = new_id(), lane = new_id();
    j.stages = {Stage{new_id(), "A & B", {Step{step, "<step>", "", false}}}};
    j.lanes = {Lane{lane, "Doing", LaneKind::text, "", 0x6B7280, false}};
    add_card(j, lane, step, "</text><script>alert('x')</script>\nsecond & last\x01");
    ws.journeys.push_back(j);

    const Exported e = export_journey(ws, ws.journeys.back());
    REQUIRE(e.xml.problem == "");
    CHECK(e.doc.text.find("<script") == std::string::npos);
    CHECK(e.doc.text.find("&lt;/text&gt;&lt;scr") != std::string::npos);
    CHECK(e.doc.text.find("<title>Tom&apos;s &quot;plan&quot; &lt;b&gt;&amp;&lt;/b&gt;</title>") != std::string::npos);
    CHECK(has_line(e.xml, "Tom's \"plan\" <b>&</b>"));
    CHECK(has_line(e.xml, "A & B"));
    CHECK(has_line(e.xml, "<step>"));
    CHECK(has_line(e.xml, "Q&A <ws> \xC2\xB7 Exported 2026-11-23 from Waymark"));

    // The card: its lines, one tspan each, one line height (15) apart, at the card's text origin.
    const layout::Item& item = e.layout.items.at(0);
    const float top = title_height(e.xml, e.doc.width);
    const std::vector<std::string> lines = io::wrap_lines(j.cards[0].text, item.rect.w - 16, 15, false, test_style());
    REQUIRE(lines.size() >= 2);
    CHECK(lines.back() == "second & last");
    std::string joined;   // the first paragraph is one long word, broken by code point
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) joined += lines[i];
    CHECK(joined == "</text><script>alert('x')</script>");
    std::vector<const Element*> spans;
    for (const Element& el : e.xml.elements)
        if (el.name == "tspan" && el.parent >= 0 && e.xml.elements[static_cast<std::size_t>(el.parent)].name == "text") {
            for (const std::string& l : lines)
                if (el.text == l) spans.push_back(&el);
        }
    REQUIRE(spans.size() == lines.size());
    const float x = e.layout.metrics.label_width + item.rect.x + 8;
    const float baseline = top + e.layout.header_height() + item.rect.y + 8 + 15 * (1069.0f / 1362.0f);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        CHECK(near(attr(*spans[i], "x"), x));
        CHECK(near(attr(*spans[i], "y"), baseline + 15.0f * static_cast<float>(i)));
    }
    const Element& text = e.xml.elements[static_cast<std::size_t>(spans[0]->parent)];
    CHECK(near(attr(text, "font-size"), 15 * 1000.0f / 1362.0f));   // the app's 15 px Noto Sans is an 11 px em
    CHECK(text.attrs.at("fill") == "#1F2937");
}

TEST_CASE("svg journey map: a journey without stages or lanes is a small valid document") {
    Workspace ws = blank_workspace("t");
    Journey j;
    j.id = new_id();
    j.title = "Empty";
    ws.journeys.push_back(j);
    const Exported e = export_journey(ws, ws.journeys.back());
    REQUIRE(e.xml.problem == "");
    CHECK(e.doc.width == doctest::Approx(200));
    const float top = title_height(e.xml, 200);
    CHECK(top > 60);
    CHECK(e.doc.height == doctest::Approx(top + 32 + 58));
    CHECK(has_line(e.xml, "Empty"));
    CHECK(has_line(e.xml, "Lanes"));

    // Stages but no lanes, and lanes but no stages.
    Journey& k = ws.journeys.back();
    k.stages = {Stage{new_id(), "Only", {}}};
    const Exported s = export_journey(ws, k);
    REQUIRE(s.xml.problem == "");
    CHECK(s.doc.width == doctest::Approx(200 + 150));
    CHECK(has_line(s.xml, "No steps"));
    k.stages.clear();
    k.lanes = {Lane{new_id(), "Feeling", LaneKind::emotion, "Layer", 0x6B7280, false}};
    const Exported l = export_journey(ws, k);
    REQUIRE(l.xml.problem == "");
    CHECK(l.doc.height == doctest::Approx(title_height(l.xml, 200) + 90 + 28 + 140));
}

TEST_CASE("svg journey map: emotion curves, badges, derived items and collapsed lanes") {
    Workspace ws = blank_workspace("t");
    Persona anna;
    anna.id = new_id();
    anna.name = "Anna";
    anna.initials = "AB";
    anna.color = 0xDB2777;
    ws.personas.push_back(anna);
    Journey j;
    j.id = new_id();
    j.title = "Feelings";
    j.level = 1;
    const Id look = new_id(), call = new_id(), feel = new_id(), pains = new_id(), research = new_id(), hidden = new_id();
    j.stages = {Stage{new_id(), "Explore", {Step{look, "Look", "", true}, Step{call, "Call", "", false}}}};
    j.lanes = {Lane{feel, "Feeling", LaneKind::emotion, "", 0x0EA5E9, false}, Lane{pains, "Pains", LaneKind::pain, "", 0xDC2626, false},
               Lane{research, "Research", LaneKind::insight, "", 0x6B7280, false}, Lane{hidden, "Folded", LaneKind::text, "", 0x6B7280, true}};
    j.emotions = {EmotionScore{feel, look, Id{}, 2}, EmotionScore{feel, call, Id{}, -1}, EmotionScore{feel, call, anna.id, -3}};
    Card& pain = add_card(j, pains, call, "Hidden fees");
    pain.severity = 3;
    pain.personas = {anna.id};
    add_card(j, hidden, look, "Never drawn");
    Insight in;
    in.id = new_id();
    in.title = "Price confusion";
    in.evidence = Evidence::validated;
    in.last_validated = date_from_ymd(2026, 10, 1);
    in.steps = {StepRef{j.id, call}};
    ws.insights.push_back(in);
    ws.journeys.push_back(j);

    const Exported e = export_journey(ws, ws.journeys.back());
    REQUIRE(e.xml.problem == "");
    const layout::JourneyLayout& L = e.layout;
    const float top = title_height(e.xml, e.doc.width), ox = L.metrics.label_width, oy = top + L.header_height();

    // Everyone's curve, in the text colour (no persona's): two points, ten segments between them;
    // Anna's: a single dot (no line). The legend's line samples are two-point lines.
    std::vector<const Element*> curves, samples;
    for (const Element& el : e.xml.elements)
        if (el.name == "polyline" && el.attrs.at("stroke") == "#1F2937") {
            const std::string& p = el.attrs.at("points");
            (std::count(p.begin(), p.end(), ' ') > 1 ? curves : samples).push_back(&el);
        }
    REQUIRE(curves.size() == 1);
    CHECK(samples.size() == 1);
    CHECK(has_line(e.xml, "Everyone"));   // the legend names each curve
    CHECK(has_line(e.xml, "Anna"));
    const std::string& pts = curves[0]->attrs.at("points");
    CHECK(std::count(pts.begin(), pts.end(), ' ') == 10);
    const layout::Row& row = L.rows[0];
    const float x0 = ox + L.columns[0].x + L.columns[0].w / 2, y0 = oy + layout::emotion_y(row, 2, -3, 3, L.metrics);
    CHECK(near(std::strtof(pts.c_str(), nullptr), x0));
    CHECK(near(std::strtof(pts.c_str() + pts.find(',') + 1, nullptr), y0));
    // Anna, the first persona, marks her points with squares (layout::CurveMarker): her score's, and
    // the one in her legend sample; her avatar on the pain card is a circle. Everyone's are circles.
    int anna_squares = 0, anna_circles = 0, everyone_circles = 0;
    for (const Element& el : e.xml.elements) {
        if (!el.attrs.count("fill")) continue;
        const std::string& fill = el.attrs.at("fill");
        if (el.name == "polygon" && fill == "#DB2777" && el.attrs.count("points")) {
            const std::string& p = el.attrs.at("points");
            anna_squares += std::count(p.begin(), p.end(), ' ') == 3;   // four corners
        }
        if (el.name == "circle" && fill == "#DB2777") ++anna_circles;
        if (el.name == "circle" && fill == "#1F2937") ++everyone_circles;
    }
    CHECK(anna_squares == 2);
    CHECK(anna_circles == 1);
    CHECK(everyone_circles >= 3);   // two points and the legend's
    CHECK(has_line(e.xml, "+2"));
    CHECK(has_line(e.xml, "\xE2\x88\x92" "1"));   // a real minus sign (U+2212), as on the map
    CHECK(has_line(e.xml, "\xE2\x88\x92" "3"));

    // Badges: severity dots (3 filled, 2 rings), the avatar's initials; the insight with its evidence.
    int filled = 0, rings = 0;
    for (const Element& el : e.xml.elements) {
        if (el.name != "circle") continue;
        if (el.attrs.count("fill") && el.attrs.at("fill") == "#DC2626") ++filled;
        if (el.attrs.count("stroke") && el.attrs.at("stroke") == "#DC2626") ++rings;
    }
    CHECK(filled == 3);
    CHECK(rings == 2);
    CHECK(has_line(e.xml, "AB"));
    CHECK(has_line(e.xml, "Price confusion"));
    CHECK(has_line(e.xml, "validated"));
    CHECK(!has_line(e.xml, "stale"));
    CHECK(has_line(e.xml, "Moment of truth"));

    // The collapsed lane: a thin row with its name, no items.
    CHECK(L.rows.back().h == doctest::Approx(L.metrics.lane_collapsed));
    CHECK(has_line(e.xml, "Folded"));
    CHECK(!has_line(e.xml, "Never drawn"));
}

// [SECTION] Framework --------------------------------------------------------------------------------------

TEST_CASE("svg framework: the sample's grid, every tile at its rect with its title, sizes from the layout") {
    const Workspace ws = sample_workspace();
    const io::SvgStyle st = test_style();
    const layout::FrameworkLayout L = layout::layout_framework(ws, {});
    const std::vector<layout::JourneyFacts> facts = layout::journey_facts(ws);
    const io::SvgDocument doc = io::framework_svg(ws, L, facts, nullptr, st, kToday);
    const Xml x = parse_xml(doc.text);
    REQUIRE(x.problem == "");
    CHECK(doc.width == doctest::Approx(L.metrics.label_width + L.width));
    const float top = title_height(x, doc.width);
    CHECK(top == doctest::Approx(16 + 24 + 6 + 2 * 15 + 4 + 12.5f + 16));
    CHECK(doc.height == doctest::Approx(top + L.metrics.stage_header + L.height));
    CHECK(attr(x.elements[0], "width") == doctest::Approx(doc.width));
    CHECK(attr(x.elements[0], "height") == doctest::Approx(doc.height));
    CHECK(has_line(x, "Journey framework"));
    CHECK(has_line(x, ws.name));
    CHECK(has_line(x, std::to_string(ws.journeys.size()) + " journeys \xC2\xB7 3 levels"));
    CHECK(has_line(x, "Exported 2026-11-23 from Waymark"));

    REQUIRE(L.tiles.size() == ws.journeys.size() - 1);   // all but the lifecycle
    const float ox = L.metrics.label_width, oy = top + L.metrics.stage_header;
    int whole = 0;
    for (const layout::FwTile& t : L.tiles) {
        const Journey* j = find_by_id(ws.journeys, t.journey);
        REQUIRE(j);
        CAPTURE(j->title);
        CHECK(has_rect(x, ox + t.rect.x, oy + t.rect.y, t.rect.w, t.rect.h, "#FFFFFF"));
        CHECK(has_fitted_line(x, j->title));
        whole += has_line(x, j->title);
    }
    CHECK(whole >= 10);
    for (const layout::FwColumn& c : L.columns) CHECK(has_fitted_line(x, c.name));
    for (const layout::FwGroup& g : L.groups) CHECK(has_fitted_line(x, g.label));
    CHECK(has_fitted_line(x, "L1 " + ws.settings.level_names[1]));
    CHECK(has_fitted_line(x, "L2 " + ws.settings.level_names[2]));
    CHECK(has_line(x, "L1 Macro jour\xE2\x80\xA6"));   // 120.5 px of room: 13 bold code points and "…"


    // Determinism, and the caller's evaluation gives what the export's own does.
    const kpi::Evaluation eval(ws);
    CHECK(io::framework_svg(ws, L, facts, &eval, st, kToday).text == doc.text);
}

TEST_CASE("svg framework: a folded journey's descendants are not drawn, its tile says how many") {
    const Workspace ws = sample_workspace();
    const layout::FrameworkLayout open = layout::layout_framework(ws, {});
    // A level-1 journey with children.
    const layout::FwTile* parent = nullptr;
    for (const layout::FwTile& t : open.tiles)
        if (t.has_children && find_by_id(ws.journeys, t.journey)->level == 1) {
            parent = &t;
            break;
        }
    REQUIRE(parent);
    std::vector<std::string> children;
    for (const JourneyLink& link : ws.links)
        if (link.parent == parent->journey) children.push_back(find_by_id(ws.journeys, link.child)->title);
    REQUIRE(!children.empty());

    layout::FrameworkOptions options;
    options.collapsed = {parent->journey};
    const layout::FrameworkLayout folded = layout::layout_framework(ws, options);
    const io::SvgDocument doc = io::framework_svg(ws, folded, layout::journey_facts(ws), nullptr, test_style(), kToday);
    const Xml x = parse_xml(doc.text);
    REQUIRE(x.problem == "");
    const layout::FwTile& t = folded.tiles[static_cast<std::size_t>(folded.tile_of(parent->journey))];
    CHECK(t.hidden == static_cast<int>(children.size()));
    CHECK(has_line(x, std::to_string(t.hidden) + " hidden"));
    for (const std::string& child : children) {
        CAPTURE(child);
        CHECK(!mentions(x, child));
    }
    CHECK(folded.tiles.size() == open.tiles.size() - children.size());
}

TEST_CASE("svg framework: KPI value against target coloured by health, sparkline, stage KPI, empty workspace") {
    Workspace ws = blank_workspace("KPIs");
    Journey& life = ws.journeys[0];
    Journey m;
    m.id = new_id();
    m.title = "M1";
    m.level = 1;
    ws.links.push_back(JourneyLink{life.id, m.id, life.stages[0].id, {}});
    Metric nps;
    nps.id = new_id();
    nps.name = "NPS";
    nps.journey = m.id;
    nps.target = 45;
    nps.values = {MetricValue{date_from_ymd(2026, 1, 1), 40, ""}, MetricValue{date_from_ymd(2026, 2, 1), 42, ""}};
    Metric reach;
    reach.id = new_id();
    reach.name = "Reach";
    reach.unit = "k";
    reach.journey = life.id;
    reach.stage = life.stages[0].id;
    reach.values = {MetricValue{date_from_ymd(2026, 2, 1), 1250.4, ""}};
    ws.metrics = {nps, reach};
    ws.journeys.push_back(m);

    const layout::FrameworkLayout L = layout::layout_framework(ws, {});
    const io::SvgDocument doc = io::framework_svg(ws, L, layout::journey_facts(ws), nullptr, test_style(), kToday);
    const Xml x = parse_xml(doc.text);
    REQUIRE(x.problem == "");
    CHECK(has_line(x, "NPS 42 / 45"));
    CHECK(has_line(x, "Reach 1250 k"));
    CHECK(has_line(x, "Current \xC2\xB7 Unmapped"));
    CHECK(has_line(x, "No persona"));
    CHECK(has_line(x, "0 insights \xC2\xB7 0 opps."));
    CHECK(has_line(x, "Not mapped"));   // the stages nothing hangs from
    int off_target = 0, sparklines = 0;
    for (const Element& e : x.elements) {
        if (e.name == "circle" && e.attrs.at("fill") == "#DC2626") ++off_target;
        if (e.name == "polyline" && e.attrs.at("stroke") == "#4F46E5") ++sparklines;
    }
    CHECK(off_target == 2);   // the health dot and the sparkline's last point
    CHECK(sparklines == 1);   // Reach has a single value: no line

    // No lifecycle journey: a small, valid document that says so.
    const Workspace none;
    const layout::FrameworkLayout empty = layout::layout_framework(none, {});
    const io::SvgDocument small = io::framework_svg(none, empty, layout::journey_facts(none), nullptr, test_style(), kToday);
    const Xml sx = parse_xml(small.text);
    REQUIRE(sx.problem == "");
    CHECK(small.width == doctest::Approx(150));
    CHECK(small.height == doctest::Approx(title_height(sx, 150) + 78));
    CHECK(mentions(sx, "no lifecycle journey"));
}
