// Tiny JSON writer for the test hook's answers (objects of strings, numbers and booleans, and lists of objects).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace wm::ui::json {

inline void append_string(std::string& out, std::string_view text) {
    out.push_back('"');
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

class Writer {
public:
    Writer& begin() { comma(); out_.push_back('{'); first_ = true; return *this; }
    Writer& end() { out_.push_back('}'); first_ = false; return *this; }
    Writer& array() { comma(); out_.push_back('['); first_ = true; return *this; }   // elements: begin()…end()
    Writer& end_array() { out_.push_back(']'); first_ = false; return *this; }
    Writer& key(std::string_view k) { comma(); append_string(out_, k); out_.push_back(':'); first_ = true; return *this; }
    Writer& field(std::string_view k, std::string_view v) { key(k); append_string(out_, v); first_ = false; return *this; }
    Writer& field(std::string_view k, const std::string& v) { return field(k, std::string_view(v)); }
    Writer& field(std::string_view k, const char* v) { return field(k, std::string_view(v)); }
    Writer& field(std::string_view k, bool v) { key(k); out_ += v ? "true" : "false"; first_ = false; return *this; }
    Writer& field(std::string_view k, double v) {
        key(k);
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", v);
        out_ += buffer;
        first_ = false;
        return *this;
    }
    Writer& field(std::string_view k, float v) { return field(k, static_cast<double>(v)); }
    // A value already written as JSON (a list, say).
    Writer& raw(std::string_view k, std::string_view json) { key(k); out_ += json; first_ = false; return *this; }
    [[nodiscard]] const std::string& str() const { return out_; }

private:
    void comma() {
        if (!first_ && !out_.empty()) out_.push_back(',');
        first_ = false;
    }
    std::string out_;
    bool first_ = true;
};

inline std::string error(std::string_view message) {
    std::string out = R"({"ok":false,"error":)";
    append_string(out, message);
    out.push_back('}');
    return out;
}

}  // namespace wm::ui::json
