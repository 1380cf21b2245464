// decompose (a workspace's content as records) and compose (records back into a workspace).
#include <algorithm>

#include "io/order_keys.hpp"
#include "io/records_archive.hpp"

namespace wm::io {

using detail::KindOf;
using detail::walk;

// [SECTION] EntityRecords ------------------------------------------------------------------------

const std::string& EntityRecords::shown_value(std::size_t slot) const {
    for (const auto& [s, value] : shown)
        if (s == slot) return value;
    return live[slot].value;
}

namespace {
// A JSON string value's text without its quotes (ids and order keys never need escapes).
std::string_view unquote(std::string_view json) {
    return json.size() >= 2 && json.front() == '"' ? json.substr(1, json.size() - 2) : std::string_view();
}
}  // namespace

Id id_of_json(std::string_view json) {
    if (json.size() != 38 || json.front() != '"' || json.back() != '"') return {};
    return Id::parse(json.substr(1, 36)).value_or(Id{});
}

namespace {
const Record* display_record(const EntityRecords& e, int slot) {
    if (slot < 0) return nullptr;
    const auto s = static_cast<std::size_t>(slot);
    if (s < e.live.size() && e.live[s].present) return &e.live[s];
    if (s < e.tomb.size() && e.tomb[s].present) return &e.tomb[s];
    return nullptr;
}
}  // namespace

Id EntityRecords::parent() const {
    const Record* r = display_record(*this, schema_of(kind).parent_slot);
    return r ? id_of_json(r->value) : Id{};
}

std::string_view EntityRecords::order() const {
    const Record* r = display_record(*this, schema_of(kind).order_slot);
    return r ? unquote(r->value) : std::string_view();
}

const RecordSet* cached_records(const Workspace& ws) {
    return ws.merge.cache.ptr ? &ws.merge.cache.ptr->records : nullptr;
}

// [SECTION] decompose -----------------------------------------------------------------------------

namespace {

std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    out += text;
    out += '"';
    return out;
}

class Decomposer {
public:
    explicit Decomposer(Decomposed& out) : out_(out) {}

    void run(const Workspace& ws) {
        out_.records.workspace = ws.id;
        std::size_t n = 1 + ws.links.size() + ws.personas.size() + ws.insights.size() + ws.opportunities.size() +
                        ws.metrics.size() + ws.channels.size() + ws.scans.size() + ws.settings.scoring.criteria.size();
        for (const Journey& j : ws.journeys) {
            n += 1 + j.stages.size() + j.lanes.size() + j.cards.size() + j.emotions.size();
            for (const Stage& st : j.stages) n += st.steps.size();
        }
        for (const Opportunity& o : ws.opportunities) n += o.solutions.size() + o.scores.size();
        for (const Metric& m : ws.metrics) n += m.values.size();
        out_.records.entities.reserve(n);
        add(const_cast<Workspace&>(ws), ws.id, Id{}, 0, 1);  // serialize() only reads
    }

    template <class T>
    void add(T& x, Id key, Id parent, std::size_t position, std::size_t list_size) {
        auto [it, inserted] = out_.records.entities.try_emplace(key);
        if (!inserted) {
            if (out_.problem.empty()) out_.problem = "the id " + key.str() + " is used twice";
            return;
        }
        EntityRecords& e = it->second;
        e.kind = KindOf<T>::value;
        const KindSchema& s = schema_of(e.kind);
        e.live.resize(s.fields.size());
        e.in_content = true;
        e.source = &x;
        Visitor visitor{*this, e, key};
        walk(visitor, x);
        if (s.parent_slot >= 0) e.live[static_cast<std::size_t>(s.parent_slot)] = Record{detail::id_json(parent), {}, true};
        if (s.order_slot >= 0)
            e.live[static_cast<std::size_t>(s.order_slot)] = Record{quoted(default_order_key(position, list_size)), {}, true};
    }

private:
    Decomposed& out_;
    detail::ValueWriter writer_;

    struct Visitor {
        Decomposer& d;
        EntityRecords& e;
        Id key;
        std::size_t slot = 0;
        template <class U>
        void value(const std::string&, const char*, U& v) { e.live[slot++] = Record{d.writer_(v), {}, true}; }
        template <class E>
        void list(const std::string&, const char*, std::vector<E>& items) { d.children(key, items); }
    };

    template <class E>
    Id key_of(Id parent, const E& x) {
        if constexpr (detail::kHasId<E>) {
            return x.id;
        } else {
            // Synthetic keys; a second item with the same identity (only a hand-made file holds one)
            // gets the next occurrence, so nothing is lost and the keys stay deterministic.
            Id key;
            for (std::uint32_t occurrence = 0;; ++occurrence) {
                if constexpr (std::is_same_v<E, EmotionScore>) key = emotion_key(parent, x, occurrence);
                else if constexpr (std::is_same_v<E, CriterionScore>) key = score_key(parent, x, occurrence);
                else if constexpr (std::is_same_v<E, MetricValue>) key = metric_value_key(parent, x, occurrence);
                else key = link_key(x, occurrence);
                if (out_.records.entities.count(key) == 0) return key;
            }
        }
    }

    template <class E>
    void children(Id parent, std::vector<E>& items) {
        constexpr Kind kind = KindOf<E>::value;
        const bool ordered = is_ordered(kind);
        const std::size_t list = out_.records.lists.size();
        if (ordered) out_.records.lists.push_back(ListRecords{parent, kind, {}});
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Id key = key_of(parent, items[i]);
            // Top-level kinds hang from the workspace, which their records do not name.
            add(items[i], key, parent == out_.records.workspace ? Id{} : parent, i, items.size());
            if (ordered) out_.records.lists[list].items.push_back(key);
        }
    }
};

}  // namespace

Decomposed decompose(const Workspace& ws) {
    Decomposed out;
    Decomposer(out).run(ws);
    return out;
}

namespace {
struct FieldValues {
    detail::ValueWriter writer;
    std::vector<std::string> out;
    template <class U>
    void value(const std::string&, const char*, U& v) { out.push_back(writer(v)); }
    template <class E>
    void list(const std::string&, const char*, std::vector<E>&) {}
};
}  // namespace

std::vector<std::string> field_values(Kind kind, const void* entity) {
    FieldValues values;
    detail::with_kind_type(kind, [&](auto tag) {
        using T = typename decltype(tag)::type;
        walk(values, *const_cast<T*>(static_cast<const T*>(entity)));  // serialize() only reads
    });
    return std::move(values.out);
}

// [SECTION] compose --------------------------------------------------------------------------------

namespace {

struct ComposeError {
    std::string what;
};

template <class T>
struct Item {
    std::string_view order;
    Id key;
    T value;
};
template <class T>
using Buckets = std::unordered_map<Id, std::vector<Item<T>>>;

class Composer {
public:
    explicit Composer(const RecordSet& records) : r_(records) {}

    Workspace run() {
        const auto self = r_.entities.find(r_.workspace);
        if (self == r_.entities.end() || !self->second.in_content || self->second.kind != Kind::workspace)
            throw ComposeError{"the records hold no workspace " + r_.workspace.str()};
        Workspace ws = build<Workspace>(r_.workspace, self->second);
        ws.id = r_.workspace;
        for (const auto& entry : r_.entities) {
            const Id key = entry.first;  // (named, not bound: clang 14 lambdas cannot capture bindings)
            const EntityRecords& e = entry.second;
            if (!e.in_content || e.kind == Kind::workspace) continue;
            detail::with_kind_type(e.kind, [&](auto tag) {
                using T = typename decltype(tag)::type;
                if constexpr (!std::is_same_v<T, Workspace>) {
                    const Id parent = schema_of(e.kind).parent_slot >= 0 ? e.parent() : r_.workspace;
                    buckets<T>()[parent].push_back(Item<T>{e.order(), key, build<T>(key, e)});
                }
            });
        }
        sort_all();
        // Bottom-up: a struct holds its children by value, so they must be complete when it moves.
        for (auto& [stage_journey, stages] : stages_)
            for (auto& item : stages) item.value.steps = take(steps_, item.key);
        for (auto& [ws_key, journeys] : journeys_)
            for (auto& j : journeys) {
                j.value.stages = take(stages_, j.key);
                j.value.lanes = take(lanes_, j.key);
                j.value.cards = take(cards_, j.key);
                j.value.emotions = take(emotions_, j.key);
            }
        for (auto& [ws_key, opportunities] : opportunities_)
            for (auto& o : opportunities) {
                o.value.solutions = take(solutions_, o.key);
                o.value.scores = take(scores_, o.key);
            }
        for (auto& [ws_key, metrics] : metrics_)
            for (auto& m : metrics) m.value.values = take(values_, m.key);
        const Id top = r_.workspace;
        ws.journeys = take(journeys_, top);
        ws.links = take(links_, top);
        ws.personas = take(personas_, top);
        ws.insights = take(insights_, top);
        ws.opportunities = take(opportunities_, top);
        ws.metrics = take(metrics_, top);
        ws.channels = take(channels_, top);
        ws.scans = take(scans_, top);
        ws.settings.scoring.criteria = take(criteria_, top);
        check_all_placed();
        return ws;
    }

private:
    const RecordSet& r_;
    detail::ValueReader reader_;
    Buckets<Journey> journeys_;
    Buckets<Stage> stages_;
    Buckets<Step> steps_;
    Buckets<Lane> lanes_;
    Buckets<Card> cards_;
    Buckets<EmotionScore> emotions_;
    Buckets<JourneyLink> links_;
    Buckets<Persona> personas_;
    Buckets<Insight> insights_;
    Buckets<Opportunity> opportunities_;
    Buckets<Solution> solutions_;
    Buckets<CriterionScore> scores_;
    Buckets<Metric> metrics_;
    Buckets<MetricValue> values_;
    Buckets<Channel> channels_;
    Buckets<MaturityScan> scans_;
    Buckets<Criterion> criteria_;

    template <class T>
    Buckets<T>& buckets() {
        if constexpr (std::is_same_v<T, Journey>) return journeys_;
        else if constexpr (std::is_same_v<T, Stage>) return stages_;
        else if constexpr (std::is_same_v<T, Step>) return steps_;
        else if constexpr (std::is_same_v<T, Lane>) return lanes_;
        else if constexpr (std::is_same_v<T, Card>) return cards_;
        else if constexpr (std::is_same_v<T, EmotionScore>) return emotions_;
        else if constexpr (std::is_same_v<T, JourneyLink>) return links_;
        else if constexpr (std::is_same_v<T, Persona>) return personas_;
        else if constexpr (std::is_same_v<T, Insight>) return insights_;
        else if constexpr (std::is_same_v<T, Opportunity>) return opportunities_;
        else if constexpr (std::is_same_v<T, Solution>) return solutions_;
        else if constexpr (std::is_same_v<T, CriterionScore>) return scores_;
        else if constexpr (std::is_same_v<T, Metric>) return metrics_;
        else if constexpr (std::is_same_v<T, MetricValue>) return values_;
        else if constexpr (std::is_same_v<T, Channel>) return channels_;
        else if constexpr (std::is_same_v<T, MaturityScan>) return scans_;
        else return criteria_;
    }

    struct Setter {
        detail::ValueReader& reader;
        const EntityRecords& e;
        std::size_t slot = 0;
        template <class U>
        void value(const std::string& prefix, const char* name, U& v) {
            const std::size_t s = slot++;
            if (!e.live[s].present) throw ComposeError{"no value for " + prefix + name};
            try {
                reader.read(e.shown_value(s), v);
            } catch (const detail::ReadError& error) {
                throw ComposeError{prefix + name + ": " + error.what};
            }
        }
        template <class E>
        void list(const std::string&, const char*, std::vector<E>&) {}  // children are placed afterwards
    };

    // Leaf kinds are copied from the struct they were decomposed from when they still match it
    // (the usual case in a merge: most of a workspace is the same on both sides); kinds with
    // children are few and are always read from their records, so a journey is never copied with
    // its cards only to drop them again.
    template <class T>
    T build(Id key, const EntityRecords& e) {
        T x{};
        constexpr bool leaf = !std::is_same_v<T, Workspace> && !std::is_same_v<T, Journey> && !std::is_same_v<T, Stage> &&
                              !std::is_same_v<T, Opportunity> && !std::is_same_v<T, Metric>;
        if (leaf && e.source && e.shown.empty()) {
            x = *static_cast<const T*>(e.source);
        } else {
            try {
                Setter setter{reader_, e};
                walk(setter, x);
            } catch (const ComposeError& error) {
                throw ComposeError{std::string(kind_name(e.kind)) + " " + key.str() + ": " + error.what};
            }
        }
        if constexpr (detail::kHasId<T>) x.id = key;
        return x;
    }

    template <class T>
    static std::vector<T> take(Buckets<T>& from, Id parent) {
        std::vector<T> out;
        const auto it = from.find(parent);
        if (it == from.end()) return out;
        out.reserve(it->second.size());
        for (auto& item : it->second) out.push_back(std::move(item.value));
        from.erase(it);
        return out;
    }

    template <class T>
    static void sort_ordered(Buckets<T>& b) {
        for (auto& [parent, items] : b)
            std::sort(items.begin(), items.end(),
                      [](const Item<T>& x, const Item<T>& y) { return x.order != y.order ? x.order < y.order : x.key < y.key; });
    }
    void sort_all() {
        sort_ordered(journeys_); sort_ordered(stages_); sort_ordered(steps_); sort_ordered(lanes_);
        sort_ordered(cards_); sort_ordered(emotions_); sort_ordered(links_); sort_ordered(personas_);
        sort_ordered(insights_); sort_ordered(opportunities_); sort_ordered(solutions_); sort_ordered(scores_);
        sort_ordered(metrics_); sort_ordered(channels_); sort_ordered(scans_); sort_ordered(criteria_);
        for (auto& [parent, items] : values_)  // the model's rule: by date, then segment
            std::sort(items.begin(), items.end(), [](const Item<MetricValue>& x, const Item<MetricValue>& y) {
                if (x.value.date != y.value.date) return x.value.date < y.value.date;
                if (x.value.segment != y.value.segment) return x.value.segment < y.value.segment;
                return x.key < y.key;
            });
    }

    template <class T>
    void check_placed(const Buckets<T>& b) {
        for (const auto& [parent, items] : b)
            if (!items.empty())
                throw ComposeError{std::string(kind_name(KindOf<T>::value)) + " " + items.front().key.str() +
                                   " belongs to " + parent.str() + ", which is not in the workspace"};
    }
    void check_all_placed() {
        check_placed(journeys_); check_placed(stages_); check_placed(steps_); check_placed(lanes_);
        check_placed(cards_); check_placed(emotions_); check_placed(links_); check_placed(personas_);
        check_placed(insights_); check_placed(opportunities_); check_placed(solutions_); check_placed(scores_);
        check_placed(metrics_); check_placed(values_); check_placed(channels_); check_placed(scans_);
        check_placed(criteria_);
    }
};

}  // namespace

ComposeResult compose(const RecordSet& records) {
    try {
        return {Composer(records).run(), {}};
    } catch (const ComposeError& e) {
        return {std::nullopt, e.what};
    }
}

}  // namespace wm::io
