// The JSON side of serialize.hpp: a writer and a reader that walk the same `serialize` functions as
// cereal's binary archive, directly on RapidJSON (the library cereal's JSON archive wraps).
//
// Why not cereal::JSONOutputArchive / JSONInputArchive:
//  * layout: cereal writes "cereal_class_version" into the first object of each type and
//    "value0"-style names for unnamed items; our files are meant to be read and diffed by people,
//    so the per-type versions go once into the header's "types" table instead;
//  * hostile input: cereal parses with kParseNanAndInfFlag on and with RapidJSON's recursive parser;
//    we parse iteratively, without NaN, after our own pre-scan (prescan.hpp);
//  * errors: cereal reports a wrong type as "rapidjson internal assertion failure: IsInt()" with no
//    location; this reader knows the path of every value ("journeys[3].cards[7].severity: ...") and
//    also refuses unknown and duplicate keys, so a typo in a hand-edited file is not silently lost.
// Include only from src/io/*.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "io/serialize.hpp"
#include "model/date.hpp"

namespace wm::io::detail {

// A problem found while reading; file_format.cpp turns it into "where: what".
struct ReadError {
    std::string where;
    std::string what;
};

std::string color_text(std::uint32_t rgb);                 // "#rrggbb"
std::optional<std::uint32_t> parse_color(std::string_view text);
std::string quote_excerpt(std::string_view text);          // "\"abc…\"" for messages, cut on a UTF-8 boundary
std::string describe(const rapidjson::Value& v);           // "a string", "an object", ...

// ---------------------------------------------------------------------------------------------
// Writer: pretty for files (JsonWriter), compact for the canonical text of one record's value
// (CompactJsonWriter, src/io/records.cpp), the same code for both.
// ---------------------------------------------------------------------------------------------
template <class Out>
class BasicJsonWriter {
public:
    explicit BasicJsonWriter(Out& out) : out_(out) {}

    template <class... Fs>
    void operator()(Fs&&... fs) { (write_field(fs), ...); }

    template <class T>
    void value(const T& v) {
        if constexpr (std::is_same_v<T, std::string>) {
            out_.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
        } else if constexpr (std::is_same_v<T, Id>) {
            if (v.is_nil()) out_.Null();
            else { const std::string s = v.str(); out_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
        } else if constexpr (std::is_same_v<T, Date>) {
            const std::string s = to_iso(v);
            out_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
        } else if constexpr (std::is_enum_v<T>) {
            const std::string_view s = enum_name(v);
            out_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
        } else if constexpr (std::is_same_v<T, bool>) {
            out_.Bool(v);
        } else if constexpr (std::is_same_v<T, int>) {
            out_.Int(v);
        } else if constexpr (std::is_same_v<T, double>) {
            out_.Double(v);  // RapidJSON's Grisu2: round-trips exactly under kParseFullPrecisionFlag
        } else if constexpr (IsOptional<T>::value) {
            if (v) value(*v);
            else out_.Null();
        } else if constexpr (IsVector<T>::value) {
            out_.StartArray();
            for (const auto& item : v) value(item);
            out_.EndArray();
        } else {
            static_assert(std::is_class_v<T>, "no JSON form for this type");
            out_.StartObject();
            serialize(*this, const_cast<T&>(v), cereal::detail::Version<T>::version);  // serialize only reads here
            out_.EndObject();
        }
    }

private:
    Out& out_;
    void key(const char* name) { out_.Key(name); }
    template <class T>
    void write_field(const Field<T>& f) { key(f.name); value(f.value); }
    void write_field(const ColorField& f) { key(f.name); value(color_text(f.value)); }
};
using JsonWriter = BasicJsonWriter<rapidjson::PrettyWriter<rapidjson::StringBuffer>>;
using CompactJsonWriter = BasicJsonWriter<rapidjson::Writer<rapidjson::StringBuffer>>;

// ---------------------------------------------------------------------------------------------
// Reader
// ---------------------------------------------------------------------------------------------
class JsonReader {
public:
    // `versions`: the file's "types" table (type name -> version), already checked against ours.
    explicit JsonReader(const std::map<std::string, std::uint32_t, std::less<>>& versions) : versions_(versions) {}

    template <class... Fs>
    void operator()(Fs&&... fs) { (read_field(fs), ...); }

    template <class T>
    void value(const rapidjson::Value& v, T& out) {
        if constexpr (std::is_same_v<T, std::string>) {
            if (!v.IsString()) fail("expected a string, found " + describe(v));
            if (v.GetStringLength() > limits::kMaxTextBytes)
                fail("text of " + std::to_string(v.GetStringLength()) + " bytes, more than the limit of " +
                     std::to_string(limits::kMaxTextBytes));
            out.assign(v.GetString(), v.GetStringLength());
        } else if constexpr (std::is_same_v<T, Id>) {
            if (v.IsNull()) { out = Id{}; return; }
            if (!v.IsString()) fail("expected an id (a UUID string or null), found " + describe(v));
            const auto id = Id::parse(std::string_view(v.GetString(), v.GetStringLength()));
            if (!id) fail("not a valid id: " + quote_excerpt(std::string_view(v.GetString(), v.GetStringLength())));
            out = *id;
        } else if constexpr (std::is_same_v<T, Date>) {
            if (!v.IsString()) fail("expected a date (\"YYYY-MM-DD\"), found " + describe(v));
            const auto d = parse_iso_date(std::string_view(v.GetString(), v.GetStringLength()));
            if (!d) fail("not a valid date (YYYY-MM-DD): " + quote_excerpt(std::string_view(v.GetString(), v.GetStringLength())));
            out = *d;
        } else if constexpr (std::is_enum_v<T>) {
            if (!v.IsString()) fail("expected a name, found " + describe(v));
            const std::string_view s(v.GetString(), v.GetStringLength());
            const auto e = enum_from_name<T>(s);
            if (!e) fail("unknown value " + quote_excerpt(s) + " (expected one of: " + choices<T>() + ")");
            out = *e;
        } else if constexpr (std::is_same_v<T, bool>) {
            if (!v.IsBool()) fail("expected true or false, found " + describe(v));
            out = v.GetBool();
        } else if constexpr (std::is_same_v<T, int>) {
            if (!v.IsInt()) fail("expected a whole number, found " + describe(v));
            out = v.GetInt();
        } else if constexpr (std::is_same_v<T, double>) {
            if (!v.IsNumber()) fail("expected a number, found " + describe(v));
            out = v.GetDouble();
        } else if constexpr (IsOptional<T>::value) {
            if (v.IsNull()) { out.reset(); return; }
            typename IsOptional<T>::element item{};
            value(v, item);
            out = std::move(item);
        } else if constexpr (IsVector<T>::value) {
            using E = typename IsVector<T>::element;
            if (!v.IsArray()) fail("expected a list, found " + describe(v));
            if (v.Size() > kListLimit<E>)
                fail(std::to_string(v.Size()) + " entries, more than the limit of " + std::to_string(kListLimit<E>));
            out.clear();
            out.reserve(v.Size());  // bounded by the parsed document, which the size cap bounds
            for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
                path_.push_back("[" + std::to_string(i) + "]");
                E item{};
                value(v[i], item);
                out.push_back(std::move(item));
                path_.pop_back();
            }
        } else {
            static_assert(std::is_class_v<T>, "no JSON form for this type");
            if (!v.IsObject()) fail("expected an object, found " + describe(v));
            const std::uint32_t version = version_of(TypeName<T>::name);
            const rapidjson::Value* saved_obj = obj_;
            std::vector<bool> used(v.MemberCount(), false);
            std::vector<bool>* saved_used = used_;
            obj_ = &v;
            used_ = &used;
            serialize(*this, out, version);
            check_all_used();
            obj_ = saved_obj;
            used_ = saved_used;
        }
    }

    [[noreturn]] void fail(const std::string& what) const;
    std::string where() const;

private:
    const std::map<std::string, std::uint32_t, std::less<>>& versions_;
    std::vector<std::string> path_;       // "journeys", "[3]", "stages", ...
    const rapidjson::Value* obj_ = nullptr;
    std::vector<bool>* used_ = nullptr;   // which members of *obj_ have been read

    std::uint32_t version_of(const char* type) const;
    const rapidjson::Value& member(const char* name);
    void check_all_used();

    template <class E>
    static std::string choices() {
        std::string out;
        for (const auto name : EnumNames<E>::names) {
            if (!out.empty()) out += ", ";
            out += name;
        }
        return out;
    }
    template <class T>
    void read_field(Field<T>& f) {
        const rapidjson::Value& v = member(f.name);
        path_.emplace_back(f.name);
        value(v, f.value);
        path_.pop_back();
    }
    void read_field(ColorField& f) {
        const rapidjson::Value& v = member(f.name);
        path_.emplace_back(f.name);
        if (!v.IsString()) fail("expected a colour (\"#rrggbb\"), found " + describe(v));
        const auto c = parse_color(std::string_view(v.GetString(), v.GetStringLength()));
        if (!c) fail("not a colour (#rrggbb): " + quote_excerpt(std::string_view(v.GetString(), v.GetStringLength())));
        f.value = *c;
        path_.pop_back();
    }
};

}  // namespace wm::io::detail
