// The union of two record sets (merge.hpp): per record the newer stamp, per tombstone the newer
// records, then which entities live, and the conflicts that a user must hear about.
#include <algorithm>
#include <new>

#include "io/merge_internal.hpp"

namespace wm::io {

namespace detail {

namespace {

bool knows(const VersionVector& vv, const Stamp& s) {
    if (s.is_null()) return false;  // a record without history is news to everyone
    const auto it = std::lower_bound(vv.begin(), vv.end(), s.replica,
                                     [](const ReplicaCounter& v, std::uint64_t r) { return v.replica < r; });
    return it != vv.end() && it->replica == s.replica && it->counter >= s.counter;
}

// The newer of two records; equal stamps with different values (only records without history, or
// a value a merge adjusted) go to the larger value, so every machine picks the same one.
const Record& newer(const Record& a, const Record& b) {
    if (!a.present) return b;
    if (!b.present) return a;
    if (a.stamp != b.stamp) return a.stamp > b.stamp ? a : b;
    return a.value >= b.value ? a : b;
}

VersionVector max_versions(const VersionVector& a, const VersionVector& b) {
    VersionVector out;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i].replica < b[j].replica)) out.push_back(a[i++]);
        else if (i == a.size() || b[j].replica < a[i].replica) out.push_back(b[j++]);
        else {
            out.push_back(ReplicaCounter{a[i].replica, std::max(a[i].counter, b[j].counter)});
            ++i;
            ++j;
        }
    }
    return out;
}

std::vector<Record> merge_slots(const std::vector<Record>* a, const std::vector<Record>* b, std::size_t n) {
    std::vector<Record> out(n);
    static const Record none;
    for (std::size_t s = 0; s < n; ++s) {
        const Record& x = a && s < a->size() ? (*a)[s] : none;
        const Record& y = b && s < b->size() ? (*b)[s] : none;
        out[s] = newer(x, y);
    }
    return out;
}

const EntityRecords* find(const RecordSet& r, Id key) {
    const auto it = r.entities.find(key);
    return it == r.entities.end() ? nullptr : &it->second;
}

struct MergeFailure {
    std::string what;
};

class Union {
public:
    Union(const MergeSide& ours, const MergeSide& theirs, MergeState& state) : o_(ours), t_(theirs), st_(state) {}

    void run() {
        RecordSet& u = st_.merged;
        u.workspace = o_.records->workspace;
        u.versions = max_versions(o_.records->versions, t_.records->versions);
        u.entities.reserve(o_.records->entities.size() + t_.records->entities.size() / 8);
        for (const auto& [key, e] : o_.records->entities) add(key, &e, find(*t_.records, key));
        for (const auto& [key, e] : t_.records->entities)
            if (!o_.records->entities.count(key)) add(key, nullptr, &e);
        settle();
    }

private:
    const MergeSide& o_;
    const MergeSide& t_;
    MergeState& st_;

    void add(Id key, const EntityRecords* eo, const EntityRecords* et) {
        if (eo && et && eo->kind != et->kind)
            throw MergeFailure{"the other copy has a " + std::string(kind_name(et->kind)) + " where this one has a " +
                               std::string(kind_name(eo->kind)) + " (" + key.str() + ")"};
        const Kind kind = eo ? eo->kind : et->kind;
        const std::size_t n = schema_of(kind).fields.size();
        EntityRecords e;
        e.kind = kind;
        const bool o_live = eo && !eo->live.empty(), t_live = et && !et->live.empty();
        const bool o_tomb = eo && !eo->tomb.empty(), t_tomb = et && !et->tomb.empty();
        if (o_live || t_live) e.live = merge_slots(o_live ? &eo->live : nullptr, t_live ? &et->live : nullptr, n);
        // A copy without history cannot have seen a delete: what it holds is kept (its tombstone-less
        // records would otherwise lose to every tombstone, and its work would silently vanish).
        const bool unknowable = (o_tomb && t_live && !t_.history) || (t_tomb && o_live && !o_.history);
        if ((o_tomb || t_tomb) && !unknowable) {
            e.tomb = merge_slots(o_tomb ? &eo->tomb : nullptr, t_tomb ? &et->tomb : nullptr, n);
            e.deleted = std::max(o_tomb ? eo->deleted : Stamp{}, t_tomb ? et->deleted : Stamp{});
        }
        if (unknowable) {
            Finding f;
            f.kind = ConflictKind::kept;
            f.entity = key;
            f.yours_deleted = o_tomb;
            f.no_history = true;
            st_.findings.push_back(std::move(f));
        }
        if ((o_live || t_live) && eo && et) conflicts(key, *eo, *et, e);
        st_.merged.entities.emplace(key, std::move(e));
    }

    // Two different values of one record, where neither side knew the other's stamp.
    // A side that deleted the entity speaks through its tombstone: the values it had when it
    // deleted it (its own edits among them) count if the entity lives on.
    void conflicts(Id key, const EntityRecords& eo, const EntityRecords& et, const EntityRecords& merged) {
        const std::vector<Record>& lo = eo.live.empty() ? eo.tomb : eo.live;
        const std::vector<Record>& lt = et.live.empty() ? et.tomb : et.live;
        // Where emotion scores and criterion scores sit in their lists is shown nowhere: two copies
        // that both added the same one at different places have no conflict to tell anyone about.
        const int hidden_order = merged.kind == Kind::emotion_score || merged.kind == Kind::criterion_score
                                     ? schema_of(merged.kind).order_slot
                                     : -1;
        for (std::size_t s = 0; s < merged.live.size() || s < merged.tomb.size(); ++s) {
            if (s >= lo.size() || s >= lt.size()) break;
            if (static_cast<int>(s) == hidden_order) continue;
            const Record& a = lo[s];
            const Record& b = lt[s];
            if (!a.present || !b.present || a.value == b.value) continue;
            if (knows(theirs_knowledge(b.stamp), a.stamp) || knows(o_.records->versions, b.stamp)) continue;
            Finding f;
            f.kind = ConflictKind::both_changed;
            f.entity = key;
            f.slot = static_cast<int>(s);
            f.yours_json = a.value;
            f.theirs_json = b.value;
            const Record& shown = newer(s < merged.live.size() ? merged.live[s] : b, s < merged.tomb.size() ? merged.tomb[s] : b);
            f.theirs_kept = shown.value == b.value && shown.stamp == b.stamp;
            st_.findings.push_back(std::move(f));
        }
    }

    // What the other side knew when it made a record: its writer's own vector in a live room, else
    // the side's.
    const VersionVector& theirs_knowledge(const Stamp& made) const {
        if (t_.writers) {
            const auto it = std::lower_bound(t_.writers->begin(), t_.writers->end(), made.replica,
                                             [](const auto& w, std::uint64_t r) { return w.first < r; });
            if (it != t_.writers->end() && it->first == made.replica) return it->second;
        }
        return t_.records->versions;
    }

    // Which entities live, what they show, and where compose may copy instead of parse.
    void settle() {
        RecordSet& u = st_.merged;
        const Liveness life = liveness(u);
        if (!life.missing.empty()) {
            const auto& [who, what] = *std::min_element(life.missing.begin(), life.missing.end());
            throw MergeFailure{"the " + std::string(kind_name(u.entities.at(who).kind)) + " " + who.str() + " needs " +
                               what.str() + ", which neither copy has"};
        }
        for (auto& [key, e] : u.entities) {
            const Life l = life.life.at(key);
            const EntityRecords* eo = find(*o_.records, key);
            const EntityRecords* et = find(*t_.records, key);
            if (l == Life::dead) {
                e.live.clear();
                e.in_content = false;
                continue;
            }
            e.in_content = true;
            if (!e.tomb.empty()) {
                // What it shows: per field the newer of its live records and its tombstone's (the
                // deleting side's last values; a kept entity may have nothing else).
                e.live.resize(e.tomb.size());
                for (std::size_t s = 0; s < e.live.size(); ++s) e.live[s] = newer(e.live[s], e.tomb[s]);
                const bool o_deleted = eo && eo->live.empty();
                const bool t_deleted = et && et->live.empty();
                if (o_deleted != t_deleted || l == Life::kept) {
                    Finding f;
                    f.kind = ConflictKind::kept;
                    f.entity = key;
                    f.yours_deleted = o_deleted;
                    if (l == Life::kept) f.needed_by = life.kept_for.at(key);
                    st_.findings.push_back(std::move(f));
                }
            }
            e.source = source(e, eo);
            if (!e.source) e.source = source(e, et);
        }
    }

    // A side's struct can stand for the merged entity when every value field is that side's.
    static const void* source(const EntityRecords& merged, const EntityRecords* side) {
        if (!side || !side->source || !side->in_content || !side->shown.empty()) return nullptr;
        const std::size_t n = schema_of(merged.kind).value_fields;
        for (std::size_t s = 0; s < n; ++s)
            if (merged.live[s].value != side->live[s].value) return nullptr;
        return side->source;
    }
};

}  // namespace

MergeResult merge_sides(const MergeSide& ours, const MergeSide& theirs) {
    MergeResult result;
    MergeState state;
    state.ours = ours.records;
    try {
        Union(ours, theirs, state).run();
    } catch (const MergeFailure& f) {
        result.error = "These copies cannot be merged: " + f.what + ". Nothing was changed.";
        return result;
    }
    Workspace merged;
    if (std::string error = finish_merge(state, merged); !error.empty()) {
        result.error = std::move(error);
        return result;
    }
    result.report = make_report(state, merged, theirs.history);
    merged.merge.cache = make_cache(std::move(state.merged), merged);
    result.workspace = std::move(merged);
    return result;
}

}  // namespace detail

MergeResult merge(const Workspace& ours, const Workspace& theirs) {
    try {
        if (ours.id != theirs.id) {
            MergeResult r;
            r.other_workspace = true;
            r.error = "This file holds another workspace (\xE2\x80\x9C" + theirs.name +
                      "\xE2\x80\x9D), not a copy of this one, so it cannot be merged into it. Open it as a new document instead?";
            return r;
        }
        // A freshly stamped document and a freshly imported file lend their cached records.
        const RecordsRef o = records_ref(ours);
        const RecordsRef t = records_ref(theirs);
        if (!o.records || !t.records) {
            MergeResult r;
            r.error = "The merge history of " + std::string(!o.records ? "this workspace" : "the other copy") +
                      " does not fit its content (" + (!o.records ? o.error : t.error) + "). Nothing was changed.";
            return r;
        }
        return detail::merge_sides(detail::MergeSide{o.records, !ours.merge.versions.empty(), false},
                                   detail::MergeSide{t.records, !theirs.merge.versions.empty(), false});
    } catch (const std::bad_alloc&) {
        MergeResult r;
        r.error = "Not enough memory to merge these copies. Nothing was changed.";
        return r;
    }
}

}  // namespace wm::io
