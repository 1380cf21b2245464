// Non-template parts of the JSON reader and writer (json_archive.hpp).
#include "io/json_archive.hpp"

namespace wm::io::detail {

namespace {
constexpr char kHex[] = "0123456789abcdef";
}

std::string color_text(std::uint32_t rgb) {
    std::string out = "#000000";
    for (int i = 0; i < 6; ++i) out[static_cast<std::size_t>(6 - i)] = kHex[(rgb >> (4 * i)) & 0xF];
    return out;
}

std::optional<std::uint32_t> parse_color(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    std::uint32_t rgb = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = text[i];
        std::uint32_t digit = 0;
        if (c >= '0' && c <= '9') digit = static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f') digit = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') digit = static_cast<std::uint32_t>(c - 'A' + 10);
        else return std::nullopt;
        rgb = (rgb << 4) | digit;
    }
    return rgb;
}

std::string quote_excerpt(std::string_view text) {
    constexpr std::size_t kMax = 40;
    if (text.size() <= kMax) return "\"" + std::string(text) + "\"";
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return "\"" + std::string(text.substr(0, cut)) + "…\"";
}

std::string describe(const rapidjson::Value& v) {
    switch (v.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType: return "false";
    case rapidjson::kTrueType: return "true";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "a list";
    case rapidjson::kStringType: return "the text " + quote_excerpt(std::string_view(v.GetString(), v.GetStringLength()));
    case rapidjson::kNumberType: {
        if (v.IsInt64()) return "the number " + std::to_string(v.GetInt64());
        if (v.IsUint64()) return "the number " + std::to_string(v.GetUint64());
        return "the number " + std::to_string(v.GetDouble());
    }
    }
    return "an unknown value";
}

std::string JsonReader::where() const {
    std::string out;
    for (const auto& segment : path_) {
        if (!out.empty() && segment[0] != '[') out += '.';
        out += segment;
    }
    return out.empty() ? "workspace" : out;
}

void JsonReader::fail(const std::string& what) const { throw ReadError{where(), what}; }

std::uint32_t JsonReader::version_of(const char* type) const {
    const auto it = versions_.find(std::string_view(type));
    if (it == versions_.end()) fail("the header's \"types\" table gives no version for \"" + std::string(type) + "\"");
    return it->second;
}

const rapidjson::Value& JsonReader::member(const char* name) {
    const std::string_view key(name);
    for (rapidjson::SizeType i = 0; i < obj_->MemberCount(); ++i) {
        const auto& m = obj_->MemberBegin()[i];
        if (std::string_view(m.name.GetString(), m.name.GetStringLength()) == key) {
            (*used_)[i] = true;
            return m.value;
        }
    }
    fail("missing field \"" + std::string(name) + "\"");
}

void JsonReader::check_all_used() {
    for (rapidjson::SizeType i = 0; i < obj_->MemberCount(); ++i) {
        if ((*used_)[i]) continue;
        const auto& m = obj_->MemberBegin()[i];
        const std::string_view key(m.name.GetString(), m.name.GetStringLength());
        bool duplicate = false;
        for (rapidjson::SizeType k = 0; k < i && !duplicate; ++k) {
            const auto& other = obj_->MemberBegin()[k];
            duplicate = std::string_view(other.name.GetString(), other.name.GetStringLength()) == key;
        }
        fail((duplicate ? "field appears twice: " : "unknown field ") + quote_excerpt(key));
    }
}

}  // namespace wm::io::detail
