// The merge report (merge.hpp): counts, and each conflict in words, naming things as people see them
// ("Card “Waits for the credit check” in Buying a phone plan › Passes the credit check"); and
// take_other, which applies the value a conflict did not keep.
//
// Names come from the merged records (live, or a tombstone's last values), so a conflict about
// something since deleted still reads well.
#include <algorithm>

#include <rapidjson/document.h>

#include "framework/framework.hpp"
#include "io/history_json.hpp"
#include "io/json_archive.hpp"
#include "io/merge_internal.hpp"
#include "model/validate.hpp"

namespace wm::io {

namespace detail {

namespace {

constexpr const char* kOpen = "\xE2\x80\x9C";   // “
constexpr const char* kClose = "\xE2\x80\x9D";  // ”
constexpr const char* kIn = " \xE2\x80\xBA ";    // ›
constexpr const char* kDash = " \xE2\x80\x94 ";  // —

std::string quote(const std::string& text) { return kOpen + text + kClose; }

// Cuts long texts for a sentence, on a character boundary.
std::string excerpt(std::string text) {
    constexpr std::size_t kMax = 80;
    if (text.size() <= kMax) return text;
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    return text + "\xE2\x80\xA6";
}

class Namer {
public:
    explicit Namer(const RecordSet& records) : r_(records) {}

    // The display value (JSON) of a field of an entity: live, else its tombstone's.
    const std::string* value(Id key, std::string_view field) const {
        const auto it = r_.entities.find(key);
        if (it == r_.entities.end()) return nullptr;
        const EntityRecords& e = it->second;
        const int slot = schema_of(e.kind).slot(field);
        if (slot < 0) return nullptr;
        const auto s = static_cast<std::size_t>(slot);
        if (s < e.live.size() && e.live[s].present) return &e.live[s].value;
        if (s < e.tomb.size() && e.tomb[s].present) return &e.tomb[s].value;
        return nullptr;
    }
    std::optional<Kind> kind(Id key) const {
        const auto it = r_.entities.find(key);
        return it == r_.entities.end() ? std::nullopt : std::optional<Kind>(it->second.kind);
    }
    Id id_field(Id key, std::string_view field) const {
        const std::string* v = value(key, field);
        if (!v || v->size() < 2 || v->front() != '"') return {};
        return Id::parse(std::string_view(*v).substr(1, v->size() - 2)).value_or(Id{});
    }
    std::string text_field(Id key, std::string_view field) const {
        const std::string* v = value(key, field);
        if (!v) return {};
        rapidjson::Document doc;
        doc.Parse(v->data(), v->size());
        return !doc.HasParseError() && doc.IsString() ? std::string(doc.GetString(), doc.GetStringLength()) : std::string();
    }

    // The name people know a thing by ("" when it has none).
    std::string name(Id key) const {
        const auto k = kind(key);
        if (!k) return {};
        switch (*k) {
        case Kind::card: return excerpt(text_field(key, "text"));
        case Kind::journey: case Kind::insight: case Kind::opportunity: case Kind::solution:
            return excerpt(text_field(key, "title"));
        case Kind::maturity_scan: return text_field(key, "date");
        case Kind::emotion_score: case Kind::criterion_score: case Kind::metric_value: case Kind::journey_link: return {};
        default: return excerpt(text_field(key, "name"));
        }
    }
    std::string named(Id key) const {
        const std::string n = name(key);
        return quote(n.empty() ? "(untitled)" : n);
    }

    // The journey a map thing lives in (nil for repository things).
    Id journey_of(Id key) const {
        const auto k = kind(key);
        if (!k) return {};
        switch (*k) {
        case Kind::journey: return key;
        case Kind::stage: case Kind::lane: case Kind::card: case Kind::emotion_score: return id_field(key, "@parent");
        case Kind::step: return id_field(id_field(key, "@parent"), "@parent");
        case Kind::metric: return id_field(key, "journey");
        case Kind::metric_value: return id_field(id_field(key, "@parent"), "journey");
        case Kind::journey_link: return id_field(key, "parent");
        default: return {};
        }
    }

    // "Card “Waits…” in Buying a phone plan › Passes the credit check", "Persona “Anna”".
    std::string describe(Id key) const {
        const auto k = kind(key);
        if (!k) return "Something";
        auto place = [&](Id journey, Id step) {
            std::string out = " in " + excerpt(text_field(journey, "title"));
            if (!step.is_nil()) out += kIn + excerpt(text_field(step, "name"));
            return out;
        };
        switch (*k) {
        case Kind::workspace: return "The workspace " + named(key);
        case Kind::journey: return "Journey " + named(key);
        case Kind::stage: return "Stage " + named(key) + place(id_field(key, "@parent"), {});
        case Kind::step: {
            const Id stage = id_field(key, "@parent");
            return "Step " + named(key) + " in " + excerpt(text_field(id_field(stage, "@parent"), "title")) + kIn +
                   excerpt(text_field(stage, "name"));
        }
        case Kind::lane: return "Lane " + named(key) + place(id_field(key, "@parent"), {});
        case Kind::card: return "Card " + named(key) + place(id_field(key, "@parent"), id_field(key, "step"));
        case Kind::emotion_score: {
            const Id persona = id_field(key, "persona");
            return "The emotion score" + place(id_field(key, "@parent"), id_field(key, "step")) + " (" +
                   (persona.is_nil() ? std::string("everyone") : named(persona)) + ")";
        }
        case Kind::journey_link:
            return "The link of " + named(id_field(key, "child")) + " under " + named(id_field(key, "parent"));
        case Kind::persona: return "Persona " + named(key);
        case Kind::insight: return "Insight " + named(key);
        case Kind::opportunity: return "Opportunity " + named(key);
        case Kind::solution: return "Solution " + named(key) + " of " + named(id_field(key, "@parent"));
        case Kind::criterion_score:
            return "The score of " + named(id_field(key, "@parent")) + " on " + named(id_field(key, "criterion"));
        case Kind::metric: return "KPI " + named(key);
        case Kind::metric_value: {
            std::string segment = text_field(key, "segment");
            return "The value of KPI " + named(id_field(key, "@parent")) + " on " + text_field(key, "date") +
                   (segment.empty() ? std::string() : " (" + segment + ")");
        }
        case Kind::channel: return "Channel " + named(key);
        case Kind::maturity_scan: return "The maturity scan of " + text_field(key, "date");
        case Kind::criterion: return "Criterion " + named(key);
        }
        return "Something";
    }

    // A value for a sentence: texts quoted, references by name, lists joined, flags in words.
    std::string show(const std::string& json) const {
        rapidjson::Document doc;
        doc.Parse(json.data(), json.size());
        if (doc.HasParseError()) return json;
        return show(doc);
    }

private:
    const RecordSet& r_;

    std::string show(const rapidjson::Value& v) const {
        if (v.IsNull()) return "none";
        if (v.IsBool()) return v.GetBool() ? "yes" : "no";
        if (v.IsString()) {
            const std::string_view s(v.GetString(), v.GetStringLength());
            if (const auto id = Id::parse(s)) {
                const std::string n = name(*id);
                return n.empty() ? std::string("something deleted") : quote(n);
            }
            return quote(excerpt(std::string(s)));
        }
        if (v.IsNumber()) {
            std::string n = compact_json(v);
            if (n.size() > 2 && n.compare(n.size() - 2, 2, ".0") == 0) n.resize(n.size() - 2);
            return n;
        }
        if (v.IsArray()) {
            if (v.Empty()) return "none";
            std::string out;
            for (rapidjson::SizeType i = 0; i < v.Size() && i < 8; ++i) out += (i ? ", " : "") + show(v[i]);
            if (v.Size() > 8) out += " and " + std::to_string(v.Size() - 8) + " more";
            return out;
        }
        // An object: a step reference or a scan answer.
        if (v.HasMember("journey") && v.HasMember("step") && v["journey"].IsString() && v["step"].IsString()) {
            const auto j = Id::parse(std::string_view(v["journey"].GetString(), v["journey"].GetStringLength()));
            const auto st = Id::parse(std::string_view(v["step"].GetString(), v["step"].GetStringLength()));
            if (j && st) return excerpt(text_field(*j, "title")) + kIn + excerpt(text_field(*st, "name"));
        }
        return compact_json(v);
    }
};

// "severity", "emotion scale minimum"-like labels from field names; "" for the name field itself.
std::string field_label(Kind kind, const std::string& field) {
    if (field == "@parent") return "place";
    if (field == "@order") return "position";
    if ((kind == Kind::card && field == "text") || field == "title" || (field == "name" && kind != Kind::workspace)) return {};
    std::string label = field;
    for (const char* prefix : {"settings.scoring.", "settings."})
        if (label.rfind(prefix, 0) == 0) label.erase(0, std::string_view(prefix).size());
    std::replace(label.begin(), label.end(), '_', ' ');
    return label;
}

std::string side(bool theirs) { return theirs ? "theirs" : "yours"; }

}  // namespace

MergeReport make_report(const MergeState& state, const Workspace& result, bool theirs_had_history) {
    (void)result;
    MergeReport report;
    report.had_history = theirs_had_history;
    const RecordSet& u = state.merged;
    const RecordSet& ours = *state.ours;
    const Namer namer(u);

    for (const auto& [key, e] : u.entities) {
        const auto it = ours.entities.find(key);
        const EntityRecords* o = it == ours.entities.end() ? nullptr : &it->second;
        const bool was = o && o->in_content;
        if (e.in_content && !was) {
            ++report.entities.added;
            report.records.added += e.live.size();
        } else if (!e.in_content && was) {
            ++report.entities.removed;
            report.records.removed += o->live.size();
        } else if (e.in_content && was) {
            std::size_t changed = 0;
            for (std::size_t s = 0; s < e.live.size() && s < o->live.size(); ++s) changed += e.shown_value(s) != o->shown_value(s);
            report.records.changed += changed;
            report.entities.changed += changed > 0;
        }
    }

    for (const Finding& f : state.findings) {
        Conflict c;
        c.kind = f.kind;
        c.entity = f.entity;
        const Kind kind = namer.kind(f.entity).value_or(Kind::workspace);
        c.entity_kind = std::string(kind_name(kind));
        c.journey = namer.journey_of(f.entity);
        const std::string what = namer.describe(f.entity);
        c.place = what;
        switch (f.kind) {
        case ConflictKind::both_changed: {
            c.field = schema_of(kind).fields[static_cast<std::size_t>(f.slot)];
            c.yours_json = f.yours_json;
            c.theirs_json = f.theirs_json;
            c.theirs_kept = f.theirs_kept;
            if (c.field == "@order") {
                c.sentence = what + ": moved on both sides" + kDash + side(c.theirs_kept) +
                             (u.entities.at(f.entity).in_content ? " kept." : " newer, and then it was deleted.");
                break;
            }
            c.yours = namer.show(f.yours_json);
            c.theirs = namer.show(f.theirs_json);
            const std::string label = field_label(kind, c.field);
            c.sentence = what + (label.empty() ? "" : ", " + label) + ": yours " + c.yours + ", theirs " + c.theirs + kDash;
            // The newer value may be the one a side had when it deleted the thing: say so.
            if (u.entities.at(f.entity).in_content) c.sentence += side(c.theirs_kept) + " kept.";
            else c.sentence += side(c.theirs_kept) + " newer, and then it was deleted on " + (c.theirs_kept ? "theirs." : "yours.");
            break;
        }
        case ConflictKind::kept: {
            const std::string deleter = f.yours_deleted ? "your side" : "their side";
            const std::string other = f.yours_deleted ? "theirs" : "yours";
            if (f.no_history)
                c.sentence = what + " was deleted on " + deleter + "; the other copy has no merge history, so it is kept.";
            else if (!f.needed_by.is_nil())
                c.sentence = what + " was deleted on " + deleter + ", but " + namer.describe(f.needed_by) +
                             " needs it (added or changed on " + other + ")" + kDash + "kept.";
            else
                c.sentence = what + " was deleted on " + deleter + " but changed on " + other + kDash + "kept.";
            c.theirs_kept = f.yours_deleted;
            break;
        }
        case ConflictKind::left_out:
            c.sentence = "Left out the link of " + namer.named(namer.id_field(f.entity, "child")) + " under " +
                         namer.named(namer.id_field(f.entity, "parent")) + ": " + f.reason;
            break;
        case ConflictKind::adjusted: {
            // Old news when this copy already had the same record and showed the same adjusted value
            // (a copy merged again): only adjustments this merge brings are reported.
            const auto it = ours.entities.find(f.entity);
            const auto slot = static_cast<std::size_t>(f.slot);
            if (it != ours.entities.end() && it->second.in_content && it->second.live[slot].value == f.yours_json &&
                it->second.shown_value(slot) == f.theirs_json)
                continue;
            c.field = schema_of(kind).fields[static_cast<std::size_t>(f.slot)];
            c.yours = namer.show(f.yours_json);
            c.theirs = namer.show(f.theirs_json);
            c.yours_json = f.yours_json;
            c.theirs_json = f.theirs_json;
            const std::string label = field_label(kind, c.field);
            c.sentence = what + (label.empty() ? "" : ", " + label) + ": " + c.theirs + " instead of " + c.yours +
                         ", because what it named was deleted or changed on the other side.";
            break;
        }
        }
        report.conflicts.push_back(std::move(c));
    }
    // A stable order for people and tests: by kind, then the place, then the entity and field.
    std::sort(report.conflicts.begin(), report.conflicts.end(), [](const Conflict& a, const Conflict& b) {
        return std::tie(a.kind, a.journey, a.entity, a.field) < std::tie(b.kind, b.journey, b.entity, b.field);
    });
    return report;
}

}  // namespace detail

std::string MergeReport::summary() const {
    std::string out = std::to_string(entities.added) + " added, " + std::to_string(entities.changed) + " changed, " +
                      std::to_string(entities.removed) + " removed";
    std::size_t both = 0;
    for (const Conflict& c : conflicts) both += c.kind == ConflictKind::both_changed;
    out += "; " + std::to_string(both) + (both == 1 ? " conflict" : " conflicts");
    if (conflicts.size() > both) out += ", " + std::to_string(conflicts.size() - both) + " other notes";
    out += ".";
    if (!had_history)
        out += " The other copy had no merge history, so everything in it counted as new or changed; nothing was dropped.";
    return out;
}

TakeResult take_other(const Workspace& current, const Conflict& conflict) {
    if (conflict.kind != ConflictKind::both_changed)
        return {std::nullopt, "Only a value both sides changed can be swapped for the other one."};
    RecordsResult records = records_of(current);
    if (!records.records) {
        Decomposed d = decompose(current);
        records.records = std::move(d.records);
    }
    RecordSet& r = *records.records;
    const auto it = r.entities.find(conflict.entity);
    if (it == r.entities.end() || !it->second.in_content)
        return {std::nullopt, "That " + std::string(conflict.entity_kind) + " is no longer in the workspace."};
    EntityRecords& e = it->second;
    const int slot = schema_of(e.kind).slot(conflict.field);
    if (slot < 0) return {std::nullopt, "That field does not exist."};
    const auto s = static_cast<std::size_t>(slot);
    e.live[s].value = conflict.theirs_kept ? conflict.yours_json : conflict.theirs_json;
    e.source = nullptr;  // compose must read the new value, not copy the struct
    std::erase_if(e.shown, [&](const auto& entry) { return entry.first == s; });
    ComposeResult composed = compose(r);
    if (!composed.workspace) return {std::nullopt, "The other value no longer fits the workspace."};
    std::vector<std::string> problems = validate(*composed.workspace);
    if (problems.empty()) problems = check_framework(*composed.workspace);
    if (!problems.empty())
        return {std::nullopt, "The other value no longer fits the workspace (it names something that was deleted or moved since)."};
    composed.workspace->merge = current.merge;  // the next stamp records the change
    return {std::move(composed.workspace), {}};
}

}  // namespace wm::io
