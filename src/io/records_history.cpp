// The merge history and the records: records_of (content + history -> records, checking that the
// history fits), compress (records -> the sparse history), and liveness.
//
// [SECTION] index: liveness · records_of · compress
#include <algorithm>
#include <map>

#include "io/order_keys.hpp"
#include "io/records_archive.hpp"

namespace wm::io {

namespace {

struct HistoryError {
    std::string what;
};

// The slots of the references an entity cannot live without (besides its @parent).
const std::vector<int>& required_slots(Kind kind) {
    static const std::array<std::vector<int>, kKindCount> table = [] {
        std::array<std::vector<int>, kKindCount> out;
        auto set = [&](Kind k, std::initializer_list<const char*> fields) {
            for (const char* f : fields) out[static_cast<std::size_t>(k)].push_back(schema_of(k).slot(f));
        };
        set(Kind::card, {"lane", "step"});
        set(Kind::emotion_score, {"lane", "step", "persona"});
        set(Kind::criterion_score, {"criterion"});
        set(Kind::metric, {"journey"});
        return out;
    }();
    return table[static_cast<std::size_t>(kind)];
}

const Record* display(const EntityRecords& e, std::size_t slot) {
    const Record* l = slot < e.live.size() && e.live[slot].present ? &e.live[slot] : nullptr;
    const Record* t = slot < e.tomb.size() && e.tomb[slot].present ? &e.tomb[slot] : nullptr;
    if (l && t) return t->stamp > l->stamp ? t : l;
    return l ? l : t;
}

}  // namespace

// [SECTION] liveness ---------------------------------------------------------------------------------

std::vector<Id> required_targets(const EntityRecords& e) {
    std::vector<Id> out;
    const KindSchema& s = schema_of(e.kind);
    auto add = [&](int slot) {
        if (slot < 0) return;
        const Record* r = display(e, static_cast<std::size_t>(slot));
        if (!r) return;
        const Id id = id_of_json(r->value);
        if (!id.is_nil()) out.push_back(id);
    };
    add(s.parent_slot);
    for (const int slot : required_slots(e.kind)) add(slot);
    return out;
}

Liveness liveness(const RecordSet& records) {
    Liveness out;
    std::vector<Id> work;
    out.life.reserve(records.entities.size());
    bool any_dead = false;
    for (const auto& [key, e] : records.entities) {
        bool own = false;
        for (std::size_t s = 0; s < e.live.size() && !own; ++s) {
            if (!e.live[s].present) continue;
            own = e.tomb.empty() || !e.tomb[s].present || e.live[s].stamp > e.tomb[s].stamp;
        }
        out.life.emplace(key, own ? Life::own : Life::dead);
        any_dead = any_dead || !own;
        if (own && e.kind != Kind::journey_link) work.push_back(key);
    }
    // Nothing deleted: nothing to keep alive. (Targets that have no records at all are what a
    // merge of hostile records may lack; only when something is dead are they looked for here, and
    // compose reports them otherwise.)
    if (!any_dead) return out;
    // Deterministic regardless of hash order: which entity is named as the one that needed a kept
    // one is the smallest key among those that reach it first in key order.
    std::sort(work.begin(), work.end());
    for (std::size_t i = 0; i < work.size(); ++i) {
        const Id key = work[i];
        for (const Id target : required_targets(records.entities.at(key))) {
            const auto t = out.life.find(target);
            if (t == out.life.end()) {
                out.missing.emplace_back(key, target);
            } else if (t->second == Life::dead) {
                t->second = Life::kept;
                out.kept_for.emplace(target, key);
                work.push_back(target);
            }
        }
    }
    return out;
}

// [SECTION] records_of -------------------------------------------------------------------------------

namespace {

struct KeyParts {
    Id entity;
    std::string_view field;  // "" for the entity itself
};
std::optional<KeyParts> split_key(std::string_view key) {
    if (key.size() < 36) return std::nullopt;
    const auto id = Id::parse(key.substr(0, 36));
    if (!id) return std::nullopt;
    if (key.size() == 36) return KeyParts{*id, {}};
    if (key[36] != '/' || key.size() == 37) return std::nullopt;
    return KeyParts{*id, key.substr(37)};
}

class Expander {
public:
    Expander(const Workspace& ws, RecordSet& r) : h_(ws.merge), r_(r) {}

    void run() {
        r_.versions = h_.versions;
        check_versions();
        known(h_.base, "merge.base");
        for (auto& [key, e] : r_.entities)
            for (Record& rec : e.live) rec.stamp = h_.base;
        apply_stamps();
        apply_order();
        apply_shadows();
        for (const DetachedEntity& d : h_.held_back) detached(d, false);
        for (const DetachedEntity& d : h_.tombstones) detached(d, true);
        check_life();
    }

private:
    const MergeHistory& h_;
    RecordSet& r_;
    detail::Canonicalizer canonical_;

    [[noreturn]] static void fail(std::string what) { throw HistoryError{std::move(what)}; }

    void check_versions() {
        for (std::size_t i = 0; i < h_.versions.size(); ++i) {
            const ReplicaCounter& v = h_.versions[i];
            if (v.replica == 0 || v.counter == 0) fail("merge.replicas: a replica or counter is 0");
            if (i > 0 && h_.versions[i - 1].replica >= v.replica) fail("merge.replicas: not sorted, or a replica listed twice");
        }
    }
    // A stamp the version vector covers (the null stamp of records without history always is).
    void known(const Stamp& s, const std::string& where) const {
        if (s.is_null()) return;
        const auto it = std::lower_bound(h_.versions.begin(), h_.versions.end(), s.replica,
                                         [](const ReplicaCounter& v, std::uint64_t r) { return v.replica < r; });
        if (it == h_.versions.end() || it->replica != s.replica || s.counter > it->counter || s.counter == 0)
            fail(where + ": a stamp this copy cannot have made or seen (" + std::to_string(s.counter) + " of replica " +
                 std::to_string(s.replica) + ")");
    }

    EntityRecords& content_entity(Id key, const std::string& where) {
        const auto it = r_.entities.find(key);
        if (it == r_.entities.end() || !it->second.in_content) fail(where + ": no such entity in the workspace");
        return it->second;
    }

    void apply_stamps() {
        // Entities first, then their fields (whatever order the entries come in).
        for (int pass = 0; pass < 2; ++pass)
            for (const StampEntry& entry : h_.stamps) {
                const std::string where = "merge.stamps \"" + entry.key + "\"";
                const auto parts = split_key(entry.key);
                if (!parts) fail(where + ": not \"<id>\" or \"<id>/<field>\"");
                if ((pass == 0) != parts->field.empty()) continue;
                EntityRecords& e = content_entity(parts->entity, where);
                known(entry.stamp, where);
                if (parts->field.empty()) {
                    for (Record& rec : e.live) rec.stamp = entry.stamp;
                } else {
                    const int slot = schema_of(e.kind).slot(parts->field);
                    if (slot < 0) fail(where + ": a " + std::string(kind_name(e.kind)) + " has no such field");
                    e.live[static_cast<std::size_t>(slot)].stamp = entry.stamp;
                }
            }
    }

    void apply_order() {
        std::map<std::pair<Id, Kind>, const ListRecords*> lists;
        for (const ListRecords& l : r_.lists) lists.emplace(std::make_pair(l.parent, l.kind), &l);
        for (const TextEntry& entry : h_.order) {
            const std::string where = "merge.order \"" + entry.key + "\"";
            const auto parts = split_key(entry.key);
            if (!parts || parts->field.empty()) fail(where + ": not \"<id>/<list>\"");
            const EntityRecords& owner = content_entity(parts->entity, where);
            std::optional<Kind> kind;
            for (const ChildList& c : schema_of(owner.kind).lists)
                if (c.name == parts->field) kind = c.kind;
            if (!kind || !is_ordered(*kind)) fail(where + ": a " + std::string(kind_name(owner.kind)) + " has no such ordered list");
            const auto list = lists.find({parts->entity, *kind});
            const std::vector<Id> none;
            const std::vector<Id>& items = list == lists.end() ? none : list->second->items;
            std::vector<std::string_view> keys;
            for (std::size_t at = 0; at < entry.text.size();) {
                const std::size_t end = std::min(entry.text.find(' ', at), entry.text.size());
                keys.push_back(std::string_view(entry.text).substr(at, end - at));
                at = end + 1;
            }
            if (keys.size() != items.size())
                fail(where + ": " + std::to_string(keys.size()) + " keys for a list of " + std::to_string(items.size()));
            const int slot = schema_of(*kind).order_slot;
            for (std::size_t i = 0; i < keys.size(); ++i) {
                if (!valid_order_key(keys[i])) fail(where + ": not an order key: " + detail::quote_excerpt(keys[i]));
                if (i > 0 && !(std::tie(keys[i - 1], items[i - 1]) < std::tie(keys[i], items[i])))
                    fail(where + ": the keys are not in the order of the list");
                r_.entities.at(items[i]).live[static_cast<std::size_t>(slot)].value = "\"" + std::string(keys[i]) + "\"";
            }
        }
    }

    void apply_shadows() {
        for (const TextEntry& entry : h_.shadows) {
            const std::string where = "merge.shadows \"" + entry.key + "\"";
            const auto parts = split_key(entry.key);
            if (!parts || parts->field.empty()) fail(where + ": not \"<id>/<field>\"");
            EntityRecords& e = content_entity(parts->entity, where);
            const int slot = schema_of(e.kind).slot(parts->field);
            if (slot < 0 || static_cast<std::size_t>(slot) >= schema_of(e.kind).value_fields)
                fail(where + ": a " + std::string(kind_name(e.kind)) + " has no such field");
            const auto s = static_cast<std::size_t>(slot);
            const detail::CanonicalValue value = canonical_(e.kind, s, entry.text);
            if (!value.error.empty()) fail(where + ": " + value.error);
            e.shown.emplace_back(static_cast<std::uint16_t>(slot), std::move(e.live[s].value));
            e.live[s].value = value.text;
        }
    }

    // A held-back entity (live records, not in the content) or a tombstone.
    void detached(const DetachedEntity& d, bool tomb) {
        const std::string where = std::string(tomb ? "merge.tombstones" : "merge.held_back") + " " + d.key.str();
        const auto kind = kind_from_name(d.kind);
        if (!kind || *kind == Kind::workspace) fail(where + ": unknown kind " + detail::quote_excerpt(d.kind));
        const KindSchema& s = schema_of(*kind);
        auto [it, inserted] = r_.entities.try_emplace(d.key);
        EntityRecords& e = it->second;
        if (!inserted && e.kind != *kind) fail(where + ": is a " + std::string(kind_name(e.kind)) + ", not a " + d.kind);
        if (!tomb && !inserted) fail(where + ": also in the workspace, or held back twice");
        if (tomb && !e.tomb.empty()) fail(where + ": two tombstones");
        e.kind = *kind;
        std::vector<Record>& records = tomb ? e.tomb : e.live;
        records.assign(s.fields.size(), Record{});
        if (d.values.size() != s.fields.size()) fail(where + ": needs a value for each of the " + std::to_string(s.fields.size()) + " fields of a " + d.kind);
        for (const TextEntry& v : d.values) {
            const int slot = s.slot(v.key);
            if (slot < 0) fail(where + ": a " + d.kind + " has no field " + detail::quote_excerpt(v.key));
            Record& rec = records[static_cast<std::size_t>(slot)];
            if (rec.present) fail(where + ": the field " + detail::quote_excerpt(v.key) + " appears twice");
            const detail::CanonicalValue value = canonical_(*kind, static_cast<std::size_t>(slot), v.text);
            if (!value.error.empty()) fail(where + "." + v.key + ": " + value.error);
            rec = Record{value.text, {}, true};
        }
        bool created = false, deleted = false;
        for (const StampEntry& st : d.stamps) {
            known(st.stamp, where + " stamp \"" + st.key + "\"");
            if (st.key.empty()) {
                created = true;
                for (Record& rec : records) rec.stamp = st.stamp;
            } else if (st.key == "@deleted") {
                if (!tomb) fail(where + ": only a tombstone has a stamp \"@deleted\"");
                deleted = true;
                e.deleted = st.stamp;
            }
        }
        if (!created) fail(where + ": no stamp \"\" (the stamp of its fields)");
        if (tomb && !deleted) fail(where + ": no stamp \"@deleted\" (when it was deleted)");
        for (const StampEntry& st : d.stamps) {
            if (st.key.empty() || st.key == "@deleted") continue;
            const int slot = s.slot(st.key);
            if (slot < 0) fail(where + ": a " + d.kind + " has no field " + detail::quote_excerpt(st.key));
            records[static_cast<std::size_t>(slot)].stamp = st.stamp;
        }
    }

    // The content must be what the records make alive: a tombstone of something in the workspace
    // is only right when the workspace shows it for a reason (edited after the delete, or needed).
    void check_life() {
        if (h_.tombstones.empty() && h_.held_back.empty()) return;  // nothing deleted: everything lives
        const Liveness l = liveness(r_);
        for (const auto& [key, e] : r_.entities) {
            const Life life = l.life.at(key);
            if (e.in_content && life == Life::dead)
                fail("merge.tombstones " + key.str() + ": the " + std::string(kind_name(e.kind)) +
                     " is in the workspace, but its tombstone is newer than all of its records");
            if (!e.in_content && !e.live.empty() && life != Life::own)
                fail("merge.held_back " + key.str() + ": it is deleted (its tombstone is newer)");
        }
    }
};

}  // namespace

RecordsResult records_of(const Workspace& ws) {
    Decomposed d = decompose(ws);
    if (!d.problem.empty()) return {std::nullopt, d.problem};
    if (ws.merge.empty()) return {std::move(d.records), {}};
    try {
        Expander(ws, d.records).run();
    } catch (const HistoryError& e) {
        return {std::nullopt, e.what};
    }
    return {std::move(d.records), {}};
}

// [SECTION] compress ---------------------------------------------------------------------------------

namespace {

// The stamp most of `records` carry (ties: the oldest), which the sparse form leaves implicit.
Stamp most_common(const std::vector<Record>& records) {
    Stamp best;
    std::size_t best_count = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!records[i].present) continue;
        std::size_t count = 0;
        for (const Record& r : records) count += r.present && r.stamp == records[i].stamp;
        if (count > best_count || (count == best_count && records[i].stamp < best)) {
            best = records[i].stamp;
            best_count = count;
        }
    }
    return best;
}

DetachedEntity detach(Id key, Kind kind, const std::vector<Record>& records, std::optional<Stamp> deleted) {
    const KindSchema& s = schema_of(kind);
    DetachedEntity d;
    d.key = key;
    d.kind = std::string(kind_name(kind));
    const Stamp created = most_common(records);
    d.stamps.push_back(StampEntry{"", created});
    if (deleted) d.stamps.push_back(StampEntry{"@deleted", *deleted});
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!records[i].present) continue;
        if (records[i].stamp != created) d.stamps.push_back(StampEntry{s.fields[i], records[i].stamp});
        d.values.push_back(TextEntry{s.fields[i], records[i].value});
    }
    std::sort(d.stamps.begin(), d.stamps.end(), [](const StampEntry& a, const StampEntry& b) { return a.key < b.key; });
    std::sort(d.values.begin(), d.values.end(), [](const TextEntry& a, const TextEntry& b) { return a.key < b.key; });
    return d;
}

}  // namespace

MergeHistory compress(const RecordSet& records) {
    MergeHistory h;
    h.versions = records.versions;

    // Creation stamps and the base.
    std::vector<std::pair<Id, Stamp>> created;
    std::map<Stamp, std::size_t> frequency;
    for (const auto& [key, e] : records.entities) {
        if (!e.in_content) continue;
        const Stamp c = most_common(e.live);
        created.emplace_back(key, c);
        ++frequency[c];
    }
    std::size_t best = 0;
    for (const auto& [stamp, count] : frequency)  // ascending stamps: ties keep the oldest
        if (count > best) {
            h.base = stamp;
            best = count;
        }

    // Lists whose keys are not their positions' defaults.
    std::map<std::pair<Id, Kind>, std::vector<std::pair<std::string_view, Id>>> lists;
    for (const auto& [key, c] : created) {
        const EntityRecords& e = records.entities.at(key);
        const KindSchema& s = schema_of(e.kind);
        if (c != h.base) h.stamps.push_back(StampEntry{key.str(), c});
        for (std::size_t i = 0; i < e.live.size(); ++i)
            if (e.live[i].stamp != c) h.stamps.push_back(StampEntry{key.str() + "/" + s.fields[i], e.live[i].stamp});
        for (const auto& [slot, shown] : e.shown) h.shadows.push_back(TextEntry{key.str() + "/" + s.fields[slot], e.live[slot].value});
        if (is_ordered(e.kind)) {
            const Id parent = s.parent_slot >= 0 ? e.parent() : records.workspace;
            lists[{parent, e.kind}].emplace_back(e.order(), key);
        }
    }
    for (auto& [list, items] : lists) {
        std::sort(items.begin(), items.end());
        bool defaults = true;
        for (std::size_t i = 0; i < items.size() && defaults; ++i) defaults = items[i].first == default_order_key(i, items.size());
        if (defaults) continue;
        std::string keys;
        for (const auto& [order, key] : items) {
            if (!keys.empty()) keys += ' ';
            keys += order;
        }
        const EntityRecords& owner = records.entities.at(list.first);
        std::string name;
        for (const ChildList& c : schema_of(owner.kind).lists)
            if (c.kind == list.second) name = c.name;
        h.order.push_back(TextEntry{list.first.str() + "/" + name, std::move(keys)});
    }

    for (const auto& [key, e] : records.entities) {
        if (!e.in_content && !e.live.empty()) h.held_back.push_back(detach(key, e.kind, e.live, std::nullopt));
        if (!e.tomb.empty()) h.tombstones.push_back(detach(key, e.kind, e.tomb, e.deleted));
    }
    auto by_key = [](const auto& a, const auto& b) { return a.key < b.key; };
    std::sort(h.stamps.begin(), h.stamps.end(), by_key);
    std::sort(h.order.begin(), h.order.end(), by_key);
    std::sort(h.shadows.begin(), h.shadows.end(), by_key);
    std::sort(h.held_back.begin(), h.held_back.end(), by_key);
    std::sort(h.tombstones.begin(), h.tombstones.end(), by_key);
    return h;
}

}  // namespace wm::io
