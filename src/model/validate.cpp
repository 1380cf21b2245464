// validate(): see validate.hpp. One pass to index every id, then one pass over every field.
//
// Paths are built only when a problem is reported (a 1M-card workspace must validate without 1M
// string allocations), so each check receives a `where` callable rather than a string.
#include "model/validate.hpp"

#include <cmath>
#include <cstddef>
#include <unordered_map>
#include <tuple>
#include <unordered_set>

#include "model/date.hpp"
#include "model/enum_names.hpp"
#include "model/limits.hpp"

namespace wm {

bool is_valid_utf8(std::string_view text) { return scan_text(text).valid; }

TextScan scan_text(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    TextScan out{true, n + 2};  // the quotes
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            // What RapidJSON's writer escapes: quote and backslash as two bytes, control characters
            // as \u00XX (six; \n, \t... take two, counted as six to stay an upper bound).
            if (c == '"' || c == '\\') out.json_bytes += 1;
            else if (c < 0x20) out.json_bytes += 5;
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else return {false, out.json_bytes};  // continuation byte first, overlong C0/C1, or F5..FF
        if (n - i < len) return {false, out.json_bytes};
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return {false, out.json_bytes};
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return {false, out.json_bytes};
        if (cp >= 0xD800 && cp <= 0xDFFF) return {false, out.json_bytes};
        i += len;
    }
    return out;
}

namespace {

std::string idx(std::string_view name, std::size_t i) {
    std::string out(name);
    out += '[';
    out += std::to_string(i);
    out += ']';
    return out;
}

// Where each id lives, to resolve references and to check "in its own journey".
struct JourneyIndex {
    std::unordered_set<Id> stages, steps, lanes;
    std::unordered_map<Id, Id> step_stage;  // step -> its stage
};

// The file-size bound adds up, per field, what the pretty printer writes (two-space indent): the
// indent of the key, "key": value and ",\n" — with each value at its longest (an id or null, the
// longest double, a text after escaping). The keys are the fields' names as this walk passes them,
// which are the model's member names, as in the file. tests/unit/limits_test.cpp checks the bound
// against real exports and snapshots.
constexpr std::size_t kIdBytes = 38;      // a quoted UUID (longer than null)
constexpr std::size_t kNumberBytes = 24;  // the longest number RapidJSON writes; longer than any enumeration word
constexpr std::size_t kDateBytes = 12;    // "YYYY-MM-DD"
constexpr std::size_t kBoolBytes = 5;     // false; also null
constexpr std::size_t kFileOverheadBytes = 1024;  // header, "types" table, the workspace's braces

// The "merge" section beside the workspace (src/io/history_json.hpp), pretty-printed: each entry a
// line of indent, quoted key, quoted value and punctuation. A stamp is at most 15 digits, "@" and 16
// hex digits. Values are written as they are stored.
std::size_t merge_bytes(const MergeHistory& h) {
    if (h.empty()) return 0;
    constexpr std::size_t kStampBytes = 34;
    constexpr std::size_t kLine = 16;  // indent, quotes, ": ", ",\n"
    std::size_t n = 400;               // the section's own keys and braces
    n += h.versions.size() * (kLine + 16 + 16);
    for (const auto& s : h.stamps) n += kLine + s.key.size() + kStampBytes;
    for (const auto& o : h.order) n += kLine + o.key.size() + o.text.size();
    for (const auto& s : h.shadows) n += kLine + s.key.size() + s.text.size();
    for (const auto* list : {&h.held_back, &h.tombstones})
        for (const auto& d : *list) {
            n += 200 + d.kind.size();  // braces, "key", "kind", "stamps", "values"
            for (const auto& s : d.stamps) n += kLine + 4 + s.key.size() + kStampBytes;
            for (const auto& v : d.values) n += kLine + 4 + v.key.size() + v.text.size();
        }
    return n;
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// One walk over every field, in two modes. Full (validate): ids, references, ranges and limits, each
// problem with its path. Limits only (check_limits, run after every edit): the sizes, counts, ranges
// and UTF-8 that the loader checks, without the id index, stopping at the first problem, in words for
// the person whose edit is refused. Both modes add up the file-size bound.
class Checker {
public:
    Checker(const Workspace& ws, bool limits_only) : ws_(ws), limits_only_(limits_only) {}

    [[nodiscard]] std::size_t file_bytes() const { return file_bytes_; }

    std::vector<std::string> run() {
        if (!limits_only_) index();
        file_bytes_ += kFileOverheadBytes;
        check_settings();
        indent_ = 4;
        list_field("journeys");
        for (std::size_t j = 0; j < ws_.journeys.size(); ++j) check_journey(j);
        auto top = [] { return std::string("workspace"); };
        count(top, "journeys", ws_.journeys.size(), limits::kMaxJourneys);
        count(top, "cards (all journeys)", total_cards_, limits::kMaxCards);
        count(top, "emotion scores (all journeys)", total_emotions_, limits::kMaxEmotionScores);
        check_links();
        check_repositories();
        file_bytes_ += merge_bytes(ws_.merge);
        if (omitted_ > 0) out_.push_back("… and " + std::to_string(omitted_) + " more problems");
        return std::move(out_);
    }

private:
    const Workspace& ws_;
    const bool limits_only_;
    std::size_t file_bytes_ = 0;
    std::vector<std::string> out_;
    std::size_t omitted_ = 0;
    std::unordered_set<Id> all_ids_;
    std::unordered_map<Id, JourneyIndex> journeys_;
    std::unordered_set<Id> personas_, insights_, opportunities_, metrics_, channels_, criteria_;

    template <class Where>
    void report(const Where& where, const std::string& what) {
        if (limits_only_) {
            if (out_.empty()) out_.push_back(what);  // the first problem is the one the person reads
        } else if (out_.size() < limits::kMaxProblemsReported) {
            out_.push_back(where() + ": " + what);
        } else {
            ++omitted_;
        }
    }
    // Accounting for the file-size bound. `indent_` is the indent of the keys being walked.
    void line(std::string_view key, std::size_t value_bytes) { file_bytes_ += indent_ + key.size() + 6 + value_bytes; }
    void item() { file_bytes_ += 2 * indent_ + 1; }  // "{\n" and "},\n", two spaces less deep than its keys
    // A list field's key and brackets, and `n` scalar elements of `element_bytes` each (objects count
    // themselves with item() and line()).
    void list_field(std::string_view key, std::size_t n = 0, std::size_t element_bytes = 0) {
        file_bytes_ += indent_ + key.size() + 6 + indent_ + 3 + n * (indent_ + 4 + element_bytes);
    }
    std::size_t indent_ = 4;

    // Ids: registered in document order, so the second use of an id is the one reported.
    template <class Where>
    void own_id(const Where& where, Id id) {
        line("id", kIdBytes);
        if (limits_only_) return;  // commands give every new thing a fresh id
        if (id.is_nil()) report(where, "missing id");
        else if (!all_ids_.insert(id).second) report(where, "duplicate id " + id.str());
    }
    template <class Where>
    void text(const Where& where, std::string_view field, const std::string& s, bool element = false) {
        const TextScan scan = scan_text(s);
        if (element) file_bytes_ += indent_ + 4 + scan.json_bytes;  // inside list_field's brackets
        else line(field, scan.json_bytes);
        if (s.size() > limits::kMaxTextBytes) {
            if (limits_only_)
                report(where, "A text of " + thousands(s.size()) + " bytes is longer than the " +
                                  thousands(limits::kMaxTextBytes) + " bytes a text can hold");
            else
                report(where, std::string(field) + " is " + std::to_string(s.size()) + " bytes long, more than the limit of " +
                                  std::to_string(limits::kMaxTextBytes));
        } else if (!scan.valid) {
            report(where, limits_only_ ? std::string("A text is not valid UTF-8") : std::string(field) + " is not valid UTF-8");
        }
    }
    template <class Where>
    void texts(const Where& where, std::string_view field, const std::vector<std::string>& list) {
        list_field(field);
        count(where, field, list.size(), limits::kMaxStrings);
        for (std::size_t i = 0; i < list.size(); ++i) text(where, idx(field, i), list[i], true);
    }
    template <class Where>
    void count(const Where& where, std::string_view field, std::size_t n, std::size_t max) {
        if (n <= max) return;
        if (limits_only_)
            report(where, "There would be " + thousands(n) + " " + std::string(field) + ", more than the limit of " + thousands(max));
        else
            report(where, std::string(field) + " has " + std::to_string(n) + " entries, more than the limit of " +
                              std::to_string(max));
    }
    template <class Where>
    void ref(const Where& where, std::string_view field, Id id, const std::unordered_set<Id>& set, std::string_view what,
             bool optional) {
        line(field, kIdBytes);
        resolve(where, field, id, set, what, optional);
    }
    // Commands keep references resolving (tests/unit/limits_test.cpp checks it over random edits), so
    // the limits-only walk does not look them up.
    template <class Where>
    void resolve(const Where& where, std::string_view field, Id id, const std::unordered_set<Id>& set, std::string_view what,
                 bool optional) {
        if (limits_only_) return;
        if (id.is_nil()) {
            if (!optional) report(where, std::string(field) + " is missing");
        } else if (set.count(id) == 0) {
            report(where, std::string(field) + " refers to unknown " + std::string(what) + " " + id.str());
        }
    }
    template <class Where>
    void refs(const Where& where, std::string_view field, const std::vector<Id>& ids, const std::unordered_set<Id>& set,
              std::string_view what) {
        count(where, field, ids.size(), limits::kMaxRefs);
        list_field(field, ids.size(), kIdBytes);
        for (std::size_t i = 0; i < ids.size() && !limits_only_; ++i) resolve(where, idx(field, i), ids[i], set, what, false);
    }
    template <class Where>
    void finite(const Where& where, std::string_view field, double v) {
        line(field, kNumberBytes);
        if (!std::isfinite(v)) report(where, std::string(field) + " is not a finite number");
    }
    template <class Where>
    void range(const Where& where, std::string_view field, long long v, long long lo, long long hi) {
        line(field, kNumberBytes);
        if (v < lo || v > hi)
            report(where, std::string(field) + " is " + std::to_string(v) + ", outside " + std::to_string(lo) + ".." +
                              std::to_string(hi));
    }
    template <class E, class Where>
    void enumeration(const Where& where, std::string_view field, E v) {
        line(field, kNumberBytes);
        if (static_cast<std::size_t>(v) >= enum_count<E>())
            report(where, std::string(field) + " has unknown value " + std::to_string(static_cast<int>(v)));
    }
    // Years 1..9999: what "YYYY-MM-DD" can print.
    template <class Where>
    void date(const Where& where, std::string_view field, Date d) {
        line(field, kDateBytes);
        if (d < date_from_ymd(1, 1, 1) || d > date_from_ymd(9999, 12, 31))
            report(where, std::string(field) + " is outside the years 1..9999");
    }
    template <class Where>
    void color(const Where& where, std::string_view field, std::uint32_t c) {
        line(field, kDateBytes);  // "#rrggbb"
        if (c > 0xFFFFFFu) report(where, std::string(field) + " is not an #rrggbb colour");
    }
    template <class Where>
    void step_ref(const Where& where, const StepRef& r) {
        indent_ += 4;  // an object in a list field of the current object
        item();
        line("journey", kIdBytes);
        line("step", kIdBytes);
        indent_ -= 4;
        if (limits_only_) return;
        const auto j = journeys_.find(r.journey);
        if (j == journeys_.end()) report(where, "journey refers to unknown journey " + r.journey.str());
        else if (j->second.steps.count(r.step) == 0) report(where, "step " + r.step.str() + " is not a step of that journey");
    }

    void index() {
        for (const auto& j : ws_.journeys) {
            auto& ji = journeys_[j.id];
            for (const auto& s : j.stages) {
                ji.stages.insert(s.id);
                for (const auto& st : s.steps) { ji.steps.insert(st.id); ji.step_stage.emplace(st.id, s.id); }
            }
            for (const auto& l : j.lanes) ji.lanes.insert(l.id);
        }
        for (const auto& p : ws_.personas) personas_.insert(p.id);
        for (const auto& i : ws_.insights) insights_.insert(i.id);
        for (const auto& o : ws_.opportunities) opportunities_.insert(o.id);
        for (const auto& m : ws_.metrics) metrics_.insert(m.id);
        for (const auto& c : ws_.channels) channels_.insert(c.id);
        for (const auto& c : ws_.settings.scoring.criteria) criteria_.insert(c.id);
    }

    void check_settings() {
        const Settings& s = ws_.settings;
        auto at = [] { return std::string("settings"); };
        indent_ = 4;
        own_id([] { return std::string("workspace"); }, ws_.id);
        text([] { return std::string("workspace"); }, "name", ws_.name);
        indent_ = 6;
        if (s.level_names.empty()) report(at, "level_names is empty (at least one level is needed)");
        texts(at, "level_names", s.level_names);
        range(at, "emotion_min", s.emotion_min, -limits::kEmotionBound, limits::kEmotionBound);
        range(at, "emotion_max", s.emotion_max, -limits::kEmotionBound, limits::kEmotionBound);
        if (s.emotion_min >= s.emotion_max) report(at, "emotion_min must be below emotion_max");
        range(at, "stale_after_days", s.stale_after_days, 0, 100'000);
        text(at, "default_template", s.default_template);
        auto sc = [] { return std::string("settings.scoring"); };
        indent_ = 8;
        text(sc, "preset", s.scoring.preset);
        finite(sc, "evidence_weight", s.scoring.evidence_weight);
        if (!(s.scoring.evidence_weight >= 0 && s.scoring.evidence_weight <= 1)) report(sc, "evidence_weight is outside 0..1");
        count(sc, "criteria", s.scoring.criteria.size(), limits::kMaxCriteria);
        list_field("criteria");
        indent_ = 12;
        for (std::size_t i = 0; i < s.scoring.criteria.size(); ++i) {
            const Criterion& c = s.scoring.criteria[i];
            auto w = [i] { return idx("settings.scoring.criteria", i); };
            item();
            own_id(w, c.id);
            text(w, "name", c.name);
            text(w, "description", c.description);
            enumeration(w, "group", c.group);
            finite(w, "weight", c.weight);
            line("scale_min", kNumberBytes);
            line("scale_max", kNumberBytes);
            if (c.scale_min >= c.scale_max) report(w, "scale_min must be below scale_max");
        }
    }

    void check_journey(std::size_t jn) {
        const Journey& j = ws_.journeys[jn];
        const JourneyIndex& ji = limits_only_ ? no_index_ : journeys_[j.id];
        auto at = [jn] { return idx("journeys", jn); };
        indent_ = 8;
        item();
        own_id(at, j.id);
        text(at, "title", j.title);
        text(at, "description", j.description);
        text(at, "owner", j.owner);
        const long long levels = static_cast<long long>(ws_.settings.level_names.size());
        line("level", kNumberBytes);
        if (j.level < 0 || j.level >= levels)
            report(at, "level " + std::to_string(j.level) + " is not one of the " + std::to_string(levels) +
                           " configured levels");
        enumeration(at, "state", j.state);
        enumeration(at, "status", j.status);
        line("counterpart", kIdBytes);
        if (!j.counterpart.is_nil() && !limits_only_) {
            if (j.counterpart == j.id) report(at, "counterpart is the journey itself");
            else if (journeys_.count(j.counterpart) == 0) report(at, "counterpart refers to unknown journey " + j.counterpart.str());
        }
        refs(at, "personas", j.personas, personas_, "persona");
        texts(at, "tags", j.tags);
        refs(at, "metrics", j.metrics, metrics_, "metric");

        count(at, "stages", j.stages.size(), limits::kMaxStages);
        list_field("stages");
        for (std::size_t s = 0; s < j.stages.size(); ++s) {
            const Stage& stage = j.stages[s];
            auto ws = [jn, s] { return idx("journeys", jn) + "." + idx("stages", s); };
            indent_ = 12;
            item();
            own_id(ws, stage.id);
            text(ws, "name", stage.name);
            count(ws, "steps", stage.steps.size(), limits::kMaxSteps);
            list_field("steps");
            indent_ = 16;
            for (std::size_t t = 0; t < stage.steps.size(); ++t) {
                const Step& step = stage.steps[t];
                auto wt = [jn, s, t] { return idx("journeys", jn) + "." + idx("stages", s) + "." + idx("steps", t); };
                item();
                line("moment_of_truth", kBoolBytes);
                own_id(wt, step.id);
                text(wt, "name", step.name);
                text(wt, "description", step.description);
            }
        }
        indent_ = 8;
        count(at, "lanes", j.lanes.size(), limits::kMaxLanes);
        list_field("lanes");
        list_field("cards");
        list_field("emotions");
        indent_ = 12;
        for (std::size_t l = 0; l < j.lanes.size(); ++l) {
            const Lane& lane = j.lanes[l];
            auto wl = [jn, l] { return idx("journeys", jn) + "." + idx("lanes", l); };
            item();
            line("collapsed", kBoolBytes);
            own_id(wl, lane.id);
            text(wl, "name", lane.name);
            enumeration(wl, "kind", lane.kind);
            text(wl, "layer", lane.layer);
            color(wl, "color", lane.color);
        }
        total_cards_ += j.cards.size();
        for (std::size_t c = 0; c < j.cards.size(); ++c) {
            const Card& card = j.cards[c];
            auto wc = [jn, c] { return idx("journeys", jn) + "." + idx("cards", c); };
            item();
            own_id(wc, card.id);
            ref(wc, "lane", card.lane, ji.lanes, "lane of this journey", false);
            ref(wc, "step", card.step, ji.steps, "step of this journey", false);
            text(wc, "text", card.text);
            refs(wc, "personas", card.personas, personas_, "persona");
            range(wc, "severity", card.severity, 0, limits::kMaxSeverity);
            ref(wc, "channel", card.channel, channels_, "channel", true);
            refs(wc, "insights", card.insights, insights_, "insight");
            refs(wc, "opportunities", card.opportunities, opportunities_, "opportunity");
        }
        total_emotions_ += j.emotions.size();
        for (std::size_t e = 0; e < j.emotions.size(); ++e) {
            const EmotionScore& em = j.emotions[e];
            auto we = [jn, e] { return idx("journeys", jn) + "." + idx("emotions", e); };
            item();
            ref(we, "lane", em.lane, ji.lanes, "lane of this journey", false);
            ref(we, "step", em.step, ji.steps, "step of this journey", false);
            ref(we, "persona", em.persona, personas_, "persona", true);
            range(we, "score", em.score, ws_.settings.emotion_min, ws_.settings.emotion_max);
        }
    }

    void check_links() {
        indent_ = 4;
        count([] { return std::string("workspace"); }, "links", ws_.links.size(), limits::kMaxLinks);
        list_field("links");
        indent_ = 8;
        for (std::size_t i = 0; i < ws_.links.size(); ++i) {
            const JourneyLink& l = ws_.links[i];
            auto w = [i] { return idx("links", i); };
            item();
            line("parent", kIdBytes);
            line("child", kIdBytes);
            line("stage", kIdBytes);
            line("step", kIdBytes);
            if (limits_only_) continue;
            const auto parent = journeys_.find(l.parent);
            if (parent == journeys_.end()) report(w, "parent refers to unknown journey " + l.parent.str());
            if (journeys_.count(l.child) == 0) report(w, "child refers to unknown journey " + l.child.str());
            if (parent == journeys_.end()) continue;
            if (parent->second.stages.count(l.stage) == 0) {
                report(w, "stage " + l.stage.str() + " is not a stage of the parent journey");
            } else if (!l.step.is_nil()) {
                const auto st = parent->second.step_stage.find(l.step);
                if (st == parent->second.step_stage.end() || st->second != l.stage)
                    report(w, "step " + l.step.str() + " is not a step of that stage");
            }
        }
    }

    void check_repositories() {
        auto top = [] { return std::string("workspace"); };
        indent_ = 4;
        count(top, "personas", ws_.personas.size(), limits::kMaxPersonas);
        for (const char* list : {"personas", "insights", "opportunities", "metrics", "channels", "scans"}) list_field(list);
        indent_ = 8;
        for (std::size_t i = 0; i < ws_.personas.size(); ++i) {
            const Persona& p = ws_.personas[i];
            auto w = [i] { return idx("personas", i); };
            indent_ = 8;
            item();
            own_id(w, p.id);
            text(w, "name", p.name); text(w, "role", p.role); text(w, "segment", p.segment);
            text(w, "quote", p.quote); text(w, "initials", p.initials);
            texts(w, "goals", p.goals); texts(w, "needs", p.needs); texts(w, "pains", p.pains); texts(w, "jobs", p.jobs);
            color(w, "color", p.color);
        }
        count(top, "insights", ws_.insights.size(), limits::kMaxInsights);
        for (std::size_t i = 0; i < ws_.insights.size(); ++i) {
            const Insight& in = ws_.insights[i];
            auto w = [i] { return idx("insights", i); };
            indent_ = 8;
            item();
            own_id(w, in.id);
            text(w, "title", in.title); text(w, "text", in.text); text(w, "source_detail", in.source_detail);
            enumeration(w, "type", in.type); enumeration(w, "source", in.source); enumeration(w, "evidence", in.evidence);
            if (in.last_validated) date(w, "last_validated", *in.last_validated);
            else line("last_validated", kBoolBytes);
            range(w, "impact", in.impact, -limits::kMaxImpact, limits::kMaxImpact);
            refs(w, "personas", in.personas, personas_, "persona");
            count(w, "steps", in.steps.size(), limits::kMaxRefs);
            list_field("steps");
            for (std::size_t s = 0; s < in.steps.size(); ++s)
                step_ref([i, s] { return idx("insights", i) + "." + idx("steps", s); }, in.steps[s]);
            texts(w, "tags", in.tags);
        }
        count(top, "opportunities", ws_.opportunities.size(), limits::kMaxOpportunities);
        for (std::size_t i = 0; i < ws_.opportunities.size(); ++i) {
            const Opportunity& o = ws_.opportunities[i];
            auto w = [i] { return idx("opportunities", i); };
            indent_ = 8;
            item();
            own_id(w, o.id);
            line("will_not_do", kBoolBytes);
            text(w, "title", o.title); text(w, "description", o.description); text(w, "owner", o.owner);
            text(w, "will_not_do_reason", o.will_not_do_reason);
            enumeration(w, "status", o.status);
            count(w, "journeys", o.journeys.size(), limits::kMaxRefs);
            list_field("journeys", o.journeys.size(), kIdBytes);
            for (std::size_t k = 0; k < o.journeys.size() && !limits_only_; ++k)
                if (journeys_.count(o.journeys[k]) == 0)
                    report(w, idx("journeys", k) + " refers to unknown journey " + o.journeys[k].str());
            count(w, "steps", o.steps.size(), limits::kMaxRefs);
            list_field("steps");
            for (std::size_t s = 0; s < o.steps.size(); ++s)
                step_ref([i, s] { return idx("opportunities", i) + "." + idx("steps", s); }, o.steps[s]);
            refs(w, "insights", o.insights, insights_, "insight");
            refs(w, "personas", o.personas, personas_, "persona");
            count(w, "scores", o.scores.size(), limits::kMaxCriteria);
            list_field("scores");
            list_field("solutions");
            indent_ = 12;
            for (std::size_t s = 0; s < o.scores.size(); ++s) {
                auto ws = [i, s] { return idx("opportunities", i) + "." + idx("scores", s); };
                item();
                ref(ws, "criterion", o.scores[s].criterion, criteria_, "criterion", false);
                finite(ws, "value", o.scores[s].value);
            }
            count(w, "solutions", o.solutions.size(), limits::kMaxSolutions);
            for (std::size_t s = 0; s < o.solutions.size(); ++s) {
                const Solution& so = o.solutions[s];
                auto ws = [i, s] { return idx("opportunities", i) + "." + idx("solutions", s); };
                item();
                own_id(ws, so.id);
                text(ws, "title", so.title); text(ws, "description", so.description);
                enumeration(ws, "status", so.status);
            }
        }
        count(top, "metrics", ws_.metrics.size(), limits::kMaxMetrics);
        std::size_t values = 0;
        for (std::size_t i = 0; i < ws_.metrics.size(); ++i) {
            const Metric& m = ws_.metrics[i];
            auto w = [i] { return idx("metrics", i); };
            indent_ = 8;
            item();
            own_id(w, m.id);
            text(w, "name", m.name); text(w, "unit", m.unit); text(w, "description", m.description); text(w, "owner", m.owner);
            enumeration(w, "direction", m.direction);
            enumeration(w, "rollup", m.rollup);
            if (m.target) finite(w, "target", *m.target);
            else line("target", kBoolBytes);
            finite(w, "weight", m.weight);
            line("journey", kIdBytes);
            line("stage", kIdBytes);
            line("step", kIdBytes);
            const auto j = journeys_.find(m.journey);
            if (limits_only_) {
            } else if (m.journey.is_nil()) report(w, "journey is missing (a metric is anchored to a journey)");
            else if (j == journeys_.end()) report(w, "journey refers to unknown journey " + m.journey.str());
            else {
                if (!m.stage.is_nil() && j->second.stages.count(m.stage) == 0)
                    report(w, "stage " + m.stage.str() + " is not a stage of its journey");
                if (!m.step.is_nil()) {
                    const auto st = j->second.step_stage.find(m.step);
                    if (st == j->second.step_stage.end()) report(w, "step " + m.step.str() + " is not a step of its journey");
                    else if (!m.stage.is_nil() && st->second != m.stage)
                        report(w, "step " + m.step.str() + " is not a step of its stage");
                }
            }
            refs(w, "rollup_inputs", m.rollup_inputs, metrics_, "metric");
            for (std::size_t k = 0; k < m.rollup_inputs.size(); ++k)
                if (m.rollup_inputs[k] == m.id) report(w, idx("rollup_inputs", k) + " is the metric itself");
            values += m.values.size();
            list_field("values");
            indent_ = 12;
            for (std::size_t v = 0; v < m.values.size(); ++v) {
                auto wv = [i, v] { return idx("metrics", i) + "." + idx("values", v); };
                item();
                date(wv, "date", m.values[v].date);
                finite(wv, "value", m.values[v].value);
                text(wv, "segment", m.values[v].segment);
                // The model's rule, kept by every command (set_metric_value replaces a value of the
                // same date and segment): merges rely on it to order values the same way everywhere.
                if (!limits_only_ && v > 0 &&
                    !(std::tie(m.values[v - 1].date, m.values[v - 1].segment) < std::tie(m.values[v].date, m.values[v].segment)))
                    report(wv, "not after the value before it (values are in order of date, then segment, one per date and segment)");
            }
        }
        count(top, "metric values (all metrics)", values, limits::kMaxMetricValues);
        count(top, "channels", ws_.channels.size(), limits::kMaxChannels);
        indent_ = 8;
        for (std::size_t i = 0; i < ws_.channels.size(); ++i) {
            auto w = [i] { return idx("channels", i); };
            item();
            line("owned", kBoolBytes);
            own_id(w, ws_.channels[i].id);
            text(w, "name", ws_.channels[i].name);
        }
        count(top, "scans", ws_.scans.size(), limits::kMaxScans);
        for (std::size_t i = 0; i < ws_.scans.size(); ++i) {
            const MaturityScan& s = ws_.scans[i];
            auto w = [i] { return idx("scans", i); };
            indent_ = 8;
            item();
            own_id(w, s.id);
            date(w, "date", s.date);
            text(w, "note", s.note);
            count(w, "answers", s.answers.size(), limits::kMaxScanAnswers);
            list_field("answers");
            indent_ = 12;
            for (std::size_t a = 0; a < s.answers.size(); ++a) {
                auto wa = [i, a] { return idx("scans", i) + "." + idx("answers", a); };
                item();
                text(wa, "question", s.answers[a].question);
                range(wa, "stage", s.answers[a].stage, 0, limits::kMaxScanStage);
            }
        }
    }

    std::size_t total_cards_ = 0;
    std::size_t total_emotions_ = 0;
    const JourneyIndex no_index_;  // what the limits-only walk reads instead of the id index
};

}  // namespace

std::vector<std::string> validate(const Workspace& ws) { return Checker(ws, false).run(); }

LimitCheck check_limits(const Workspace& ws) {
    Checker checker(ws, true);
    std::vector<std::string> problems = checker.run();
    return LimitCheck{problems.empty() ? std::string() : std::move(problems.front()), checker.file_bytes()};
}

}  // namespace wm
