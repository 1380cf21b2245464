// The SVG exports' shared part (see export_svg.hpp for the contract): text (sanitising, escaping,
// wrapping, cutting to fit), the element writer, pills and sparklines as the app draws them, the
// title block and the document around it. The pictures: export_svg_journey.cpp, export_svg_framework.cpp.
//
// [SECTION] index: text · writer · document · public text functions
#include "io/export_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/export_svg_internal.hpp"

namespace wm::io {
namespace svg {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// The code point at s[i], advancing i. Truncated or overlong sequences, surrogates and bytes that
// cannot start a sequence give U+FFFD and advance one byte, so decoding never stalls.
char32_t decode(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return ++i, c;
    int n = 0;
    char32_t cp = 0, least = 0;
    if ((c & 0xE0) == 0xC0) n = 1, cp = c & 0x1F, least = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F, least = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 3, cp = c & 0x07, least = 0x10000;
    else return ++i, 0xFFFD;
    for (int k = 1; k <= n; ++k) {
        if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return ++i, 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return ++i, 0xFFFD;
    i += static_cast<std::size_t>(n) + 1;
    return cp;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string hex(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// The longest prefix of a one-line `text` that fits max_w with "…" after it ("…" alone, or "").
std::string cut(const Writer& w, std::string_view text, float max_w, float size, bool bold) {
    std::string best;
    for (std::size_t i = 0; i < text.size();) {
        i += code_point_length(static_cast<unsigned char>(text[i]));
        std::string candidate(trim_right(text.substr(0, std::min(i, text.size()))));
        candidate += kEllipsis;
        if (w.measure(candidate, size, bold) > max_w) break;
        best = std::move(candidate);
    }
    if (best.empty() && w.measure(kEllipsis, size, bold) <= max_w) best = kEllipsis;
    return best;
}

void wrap_paragraph(const Writer& w, std::string_view para, float wrap, float size, bool bold, std::vector<std::string>& lines) {
    std::string line;
    bool any = false;
    for (std::size_t at = 0; at < para.size();) {
        if (para[at] == ' ') {
            ++at;
            continue;
        }
        const std::size_t end = std::min(para.find(' ', at), para.size());
        const std::string_view word = para.substr(at, end - at);
        at = end;
        any = true;
        if (!line.empty()) {
            std::string candidate = line + ' ';
            candidate += word;
            if (w.measure(candidate, size, bold) <= wrap) {
                line = std::move(candidate);
                continue;
            }
            lines.push_back(std::move(line));
            line.clear();
        }
        if (w.measure(word, size, bold) <= wrap) {
            line = word;
            continue;
        }
        // Too wide for any line: as many code points per line as fit (at least one); the last piece
        // starts the next line, so the following word may still join it.
        for (std::size_t i = 0; i < word.size();) {
            std::size_t stop = i + code_point_length(static_cast<unsigned char>(word[i]));
            while (stop < word.size()) {
                const std::size_t next = stop + code_point_length(static_cast<unsigned char>(word[stop]));
                if (w.measure(word.substr(i, next - i), size, bold) > wrap) break;
                stop = next;
            }
            stop = std::min(stop, word.size());
            if (stop < word.size()) lines.emplace_back(word.substr(i, stop - i));
            else line = word.substr(i);
            i = stop;
        }
    }
    if (any) lines.push_back(std::move(line));
    else lines.emplace_back();   // an empty paragraph is an empty line
}

}  // namespace

// [SECTION] Text ------------------------------------------------------------------------------------

std::size_t code_point_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

std::string sanitize(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = decode(text, i);
        if (cp == '\n') out += keep_newlines ? '\n' : ' ';
        else if (cp == '\t') out += ' ';
        else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) continue;
        else encode(cp, out);
    }
    return out;
}

std::string num(float v) {
    if (!std::isfinite(v)) return "0";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(v));
    std::string s(buf);
    for (char& c : s)
        if (c == ',') c = '.';   // a decimal comma, should the C locale ever have been changed
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string kpi_value_text(double value, const std::string& unit) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g", value);
    std::string s(buf);
    for (char& c : s)
        if (c == ',') c = '.';
    return unit.empty() ? s : s + " " + unit;
}


std::string level_name(const Workspace& ws, int level) {
    const auto& names = ws.settings.level_names;
    if (level >= 0 && static_cast<std::size_t>(level) < names.size() && !names[static_cast<std::size_t>(level)].empty())
        return names[static_cast<std::size_t>(level)];
    return "Level " + std::to_string(level);
}

std::uint32_t mix(std::uint32_t a, std::uint32_t b, float t) {
    auto ch = [&](int shift) {
        const float x = static_cast<float>((a >> shift) & 0xFF), y = static_cast<float>((b >> shift) & 0xFF);
        return static_cast<std::uint32_t>(std::lround(x + (y - x) * t)) << shift;
    };
    return ch(16) | ch(8) | ch(0);
}

std::uint32_t readable_on(std::uint32_t bg) {
    const unsigned r = (bg >> 16) & 0xFF, g = (bg >> 8) & 0xFF, b = bg & 0xFF;
    return (r * 299 + g * 587 + b * 114) / 1000 > 150 ? kTextOnLight : kWhite;
}

std::uint32_t health_color(kpi::Health health) {
    switch (health) {
        case kpi::Health::on_target: return kOk;
        case kpi::Health::off_target: return kError;
        case kpi::Health::no_target:
        case kpi::Health::no_data: break;
    }
    return kMuted;
}

// [SECTION] Writer ----------------------------------------------------------------------------------

float Writer::measure(std::string_view text, float size, bool bold) const {
    if (style_.width) return style_.width(text, size, bold);
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); i += code_point_length(static_cast<unsigned char>(text[i]))) ++n;
    return 0.55f * size * static_cast<float>(n);
}

std::string Writer::fill_attrs(Paint p) const {
    std::string s = " fill=\"" + hex(p.rgb) + "\"";
    if (p.opacity < 1) s += " fill-opacity=\"" + num(std::max(0.0f, p.opacity)) + "\"";
    return s;
}

void Writer::rect(float x, float y, float w, float h, Paint fill, float rx) {
    if (w <= 0 || h <= 0) return;
    out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\"";
    if (rx > 0) out += " rx=\"" + num(rx) + "\"";
    out += fill_attrs(fill) + "/>\n";
}

void Writer::frame(float x, float y, float w, float h, Paint stroke, float width, float rx, float dash) {
    if (w <= 0 || h <= 0) return;
    out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\"";
    if (rx > 0) out += " rx=\"" + num(rx) + "\"";
    out += " fill=\"none\" stroke=\"" + hex(stroke.rgb) + "\" stroke-width=\"" + num(width) + "\"";
    if (stroke.opacity < 1) out += " stroke-opacity=\"" + num(stroke.opacity) + "\"";
    if (dash > 0) out += " stroke-dasharray=\"" + num(dash) + " " + num(dash) + "\"";
    out += "/>\n";
}

void Writer::line(float x1, float y1, float x2, float y2, Paint stroke, float width) {
    out += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" stroke=\"" + hex(stroke.rgb) +
           "\" stroke-width=\"" + num(width) + "\"";
    if (stroke.opacity < 1) out += " stroke-opacity=\"" + num(stroke.opacity) + "\"";
    out += "/>\n";
}

void Writer::circle(float cx, float cy, float r, Paint fill) {
    out += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\"" + fill_attrs(fill) + "/>\n";
}

void Writer::ring(float cx, float cy, float r, Paint stroke, float width) {
    out += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\"none\" stroke=\"" + hex(stroke.rgb) +
           "\" stroke-width=\"" + num(width) + "\"";
    if (stroke.opacity < 1) out += " stroke-opacity=\"" + num(stroke.opacity) + "\"";
    out += "/>\n";
}

void Writer::polyline(const std::vector<layout::Vec2>& points, Paint stroke, float width, std::string_view dasharray) {
    if (points.size() < 2) return;
    out += "<polyline points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) out += (i ? " " : "") + num(points[i].x) + "," + num(points[i].y);
    out += "\" fill=\"none\" stroke=\"" + hex(stroke.rgb) + "\" stroke-width=\"" + num(width) +
           "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"";
    if (stroke.opacity < 1) out += " stroke-opacity=\"" + num(stroke.opacity) + "\"";
    if (!dasharray.empty()) out += " stroke-dasharray=\"" + std::string(dasharray) + "\"";
    out += "/>\n";
}

void Writer::polygon(const std::vector<layout::Vec2>& points, Paint fill) {
    out += "<polygon points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) out += (i ? " " : "") + num(points[i].x) + "," + num(points[i].y);
    out += "\"" + fill_attrs(fill) + "/>\n";
}

void Writer::text(float x, float top, const std::vector<std::string>& lines, float size, bool bold, Paint fill, Anchor anchor) {
    bool any = false;
    for (const std::string& l : lines) any = any || !l.empty();
    if (!any) return;
    const float first = top + size * style_.ascent;
    out += "<text x=\"" + num(x) + "\" y=\"" + num(first) + "\" font-size=\"" + num(size * style_.em) + "\"";
    if (bold) out += " font-weight=\"bold\"";
    if (anchor == Anchor::middle) out += " text-anchor=\"middle\"";
    if (anchor == Anchor::end) out += " text-anchor=\"end\"";
    out += fill_attrs(fill) + ">";
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].empty())
            out += "<tspan x=\"" + num(x) + "\" y=\"" + num(first + size * static_cast<float>(i)) + "\">" + xml_escape(lines[i]) + "</tspan>";
    out += "</text>\n";
}

void Writer::text(float x, float top, std::string_view line, float size, bool bold, Paint fill, Anchor anchor) {
    text(x, top, std::vector<std::string>{std::string(line)}, size, bold, fill, anchor);
}

std::string Writer::fit(std::string_view text, float max_w, float size, bool bold) const {
    std::string flat = sanitize(text, false);
    if (measure(flat, size, bold) <= max_w) return flat;
    return cut(*this, flat, max_w, size, bold);
}

std::vector<std::string> Writer::box(std::string_view text, float w, float h, float size, bool bold) const {
    std::vector<std::string> lines = wrap_lines(text, w, size, bold, style_);
    const auto room = static_cast<std::size_t>(std::max(0.0f, std::floor(h / size + 1e-3f)));
    if (lines.size() > room) {
        lines.resize(room);
        if (!lines.empty()) lines.back() = cut(*this, lines.back(), w, size, bold);
    }
    return lines;
}

float Writer::pill(float x, float y, float size, std::uint32_t col, std::string_view text, float max_x) {
    const float w = measure(text, size, false) + size * 0.7f;
    if (x + w > max_x) return 0;
    rect(x, y, w, size * 1.2f, {col, 0.16f}, size * 0.35f);
    this->text(x + size * 0.35f, y + size * 0.1f, text, size, false, {col});
    return w + size * 0.35f;
}

void Writer::sparkline(float x0, float y0, float x1, float y1, const kpi::Reading& reading, const Metric& metric) {
    if (x1 - x0 < 4 || y1 - y0 < 4) return;
    const kpi::SparkGeometry g = kpi::sparkline_geometry(reading, metric, x0, y0, x1, y1);
    if (g.points.empty()) {
        line(x0, y1 - 1, x1, y1 - 1, {kMuted, 0.4f}, 1);
        return;
    }
    if (g.target_y) line(x0, *g.target_y, x1, *g.target_y, {kMuted, 0.6f}, 1);
    std::vector<layout::Vec2> points;
    points.reserve(g.points.size());
    for (const kpi::SparkPoint& p : g.points) points.push_back({p.x, p.y});
    polyline(points, {kAccent}, 1.5f);
    circle(points.back().x, points.back().y, g.dot, {health_color(reading.health)});
}

void Writer::disclosure(float cx, float cy, float s, bool folded, Paint fill) {
    if (folded) polygon({{cx - s * 0.6f, cy - s}, {cx - s * 0.6f, cy + s}, {cx + s * 0.8f, cy}}, fill);
    else polygon({{cx - s, cy - s * 0.6f}, {cx + s, cy - s * 0.6f}, {cx, cy + s * 0.8f}}, fill);
}

// [SECTION] Document --------------------------------------------------------------------------------

namespace {
constexpr float kTitlePad = 16;
float title_size(const Writer& w) { return w.body() * 1.6f; }
float wrap_width(float width) { return std::max(1.0f, width - 2 * kTitlePad); }
}  // namespace

float title_block_height(const Writer& w, const TitleBlock& block, float width) {
    const float ww = wrap_width(width);
    const SvgStyle& st = w.style();
    float h = kTitlePad + static_cast<float>(std::max<std::size_t>(1, wrap_lines(block.title, ww, title_size(w), true, st).size())) * title_size(w);
    if (!block.lines.empty()) h += 6;
    for (const std::string& l : block.lines) h += static_cast<float>(wrap_lines(l, ww, w.body(), false, st).size()) * w.body();
    if (!block.footer.empty()) h += 4 + static_cast<float>(wrap_lines(block.footer, ww, w.small(), false, st).size()) * w.small();
    return h + kTitlePad;
}

void draw_title_block(Writer& w, const TitleBlock& block, float width) {
    const float height = title_block_height(w, block, width), ww = wrap_width(width);
    const SvgStyle& st = w.style();
    w.rect(0, 0, width, height, {kPaper});
    w.line(0, height - 0.5f, width, height - 0.5f, {kLine}, 1);
    float y = kTitlePad;
    const std::vector<std::string> title = wrap_lines(block.title, ww, title_size(w), true, st);
    w.text(kTitlePad, y, title, title_size(w), true, {kInk});
    y += static_cast<float>(std::max<std::size_t>(1, title.size())) * title_size(w);
    if (!block.lines.empty()) y += 6;
    for (const std::string& l : block.lines) {
        const std::vector<std::string> lines = wrap_lines(l, ww, w.body(), false, st);
        w.text(kTitlePad, y, lines, w.body(), false, {kInk});
        y += static_cast<float>(lines.size()) * w.body();
    }
    if (!block.footer.empty()) w.text(kTitlePad, y + 4, wrap_lines(block.footer, ww, w.small(), false, st), w.small(), false, {kMuted});
}

SvgDocument finish(const Writer& w, std::string_view title, std::string_view desc, float width, float height) {
    SvgDocument doc;
    doc.width = width;
    doc.height = height;
    const std::string W = num(width), H = num(height);
    std::string& out = doc.text;
    out.reserve(w.out.size() + 1024);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + W + "\" height=\"" + H + "\" viewBox=\"0 0 " + W + " " + H + "\">\n";
    out += "<title>" + xml_escape(title) + "</title>\n";
    out += "<desc>" + xml_escape(desc) + "</desc>\n";
    out += "<rect x=\"0\" y=\"0\" width=\"" + W + "\" height=\"" + H + "\" fill=\"" + hex(kCanvas) + "\"/>\n";
    out += "<g font-family=\"" + xml_escape(w.style().font_family) + "\">\n";
    out += w.out;
    out += "</g>\n</svg>\n";
    return doc;
}

}  // namespace svg

std::string xml_escape(std::string_view text) {
    const std::string clean = svg::sanitize(text, false);
    std::string out;
    out.reserve(clean.size());
    for (char c : clean) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::vector<std::string> wrap_lines(std::string_view text, float wrap_width, float size, bool bold, const SvgStyle& style) {
    const std::string clean = svg::sanitize(text, true);
    std::vector<std::string> lines;
    if (clean.empty()) return lines;
    const svg::Writer w(style);
    const std::string_view all(clean);
    for (std::size_t start = 0;;) {
        const std::size_t nl = all.find('\n', start);
        svg::wrap_paragraph(w, all.substr(start, (nl == std::string_view::npos ? all.size() : nl) - start), wrap_width, size, bold, lines);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

layout::TextHeight svg_text_height(const SvgStyle& style) {
    return [style](std::string_view text, float wrap) {
        const std::size_t n = wrap_lines(text, wrap, style.font_size, false, style).size();
        return static_cast<float>(std::max<std::size_t>(1, n)) * style.font_size;
    };
}

}  // namespace wm::io
