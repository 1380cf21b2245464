// Undo after changes from the team (take_back.hpp): a history entry as records, and taking it back
// by merging a new edit of mine, written only where the content still shows what the entry made.
#include "io/take_back.hpp"

#include <algorithm>
#include <new>
#include <unordered_set>

#include "io/merge_internal.hpp"

namespace wm::io {

namespace {

std::vector<std::string> shown_values(const EntityRecords& e) {
    std::vector<std::string> out;
    out.reserve(e.live.size());
    for (std::size_t s = 0; s < e.live.size(); ++s) out.push_back(e.shown_value(s));
    return out;
}

const EntityRecords* in_content(const RecordSet& r, Id key) {
    const auto it = r.entities.find(key);
    return it != r.entities.end() && it->second.in_content ? &it->second : nullptr;
}

bool shows(const EntityRecords& e, const std::vector<std::string>& values) {
    if (e.live.size() != values.size()) return false;
    for (std::size_t s = 0; s < values.size(); ++s)
        if (e.shown_value(s) != values[s]) return false;
    return true;
}

}  // namespace

RecordEdit record_edit(const RecordSet& before, const RecordSet& after) {
    RecordEdit edit;
    for (const auto& [key, a] : after.entities) {
        if (!a.in_content) continue;
        const EntityRecords* b = in_content(before, key);
        if (b && b->kind == a.kind && shows(*b, shown_values(a))) continue;
        edit.entities.push_back(RecordEdit::Entity{key, a.kind, b ? shown_values(*b) : std::vector<std::string>{}, shown_values(a)});
    }
    for (const auto& [key, b] : before.entities)
        if (b.in_content && !in_content(after, key)) edit.entities.push_back(RecordEdit::Entity{key, b.kind, shown_values(b), {}});
    std::sort(edit.entities.begin(), edit.entities.end(), [](const RecordEdit::Entity& x, const RecordEdit::Entity& y) { return x.key < y.key; });
    return edit;
}

TakeBack take_back(const Workspace& current, const RecordEdit& edit, bool undo, std::uint64_t replica) {
    TakeBack out;
    try {
        const RecordsRef cur = records_ref(current);
        if (!cur.records) {
            out.error = "this workspace's merge history does not fit its content (" + cur.error + ")";
            return out;
        }
        // The new edit: stamped after everything this copy has seen, by a writer that has seen it all
        // (so the merge finds no concurrent change to report).
        RecordSet mine;
        mine.workspace = cur.records->workspace;
        mine.versions = cur.records->versions;
        std::uint64_t seen = 0;
        for (const ReplicaCounter& v : mine.versions) seen = std::max(seen, v.counter);
        const Stamp now{seen + 1, replica};
        auto at = std::lower_bound(mine.versions.begin(), mine.versions.end(), replica,
                                   [](const ReplicaCounter& v, std::uint64_t r) { return v.replica < r; });
        if (at == mine.versions.end() || at->replica != replica) at = mine.versions.insert(at, ReplicaCounter{replica, 0});
        at->counter = now.counter;

        std::unordered_set<Id> restored;   // brought back on purpose: the merge's "kept" is no news here
        for (const RecordEdit::Entity& x : edit.entities) {
            const std::vector<std::string>& from = undo ? x.after : x.before;
            const std::vector<std::string>& to = undo ? x.before : x.after;
            const EntityRecords* c = in_content(*cur.records, x.key);
            const std::size_t n = schema_of(x.kind).fields.size();
            if (c && c->kind != x.kind) continue;
            EntityRecords e;
            e.kind = x.kind;
            if (!from.empty() && !to.empty()) {   // fields changed
                if (!c) {
                    out.left += 1;   // deleted since by someone else: nothing to change
                    continue;
                }
                e.live.resize(n);
                bool any = false;
                for (std::size_t s = 0; s < n && s < from.size() && s < to.size(); ++s) {
                    if (from[s] == to[s]) continue;
                    if (c->shown_value(s) != from[s]) {
                        out.left += 1;
                        continue;
                    }
                    e.live[s] = Record{to[s], now, true};
                    any = true;
                    out.applied += 1;
                }
                if (!any) continue;
            } else if (to.empty()) {              // added by the entry: delete it while nobody changed it
                if (!c) continue;                 // gone already
                if (!shows(*c, from)) {
                    out.left += 1;
                    continue;
                }
                e.tomb = c->live;
                e.deleted = now;
                out.applied += 1;
            } else {                              // deleted by the entry: bring it back
                if (c) {
                    out.left += 1;
                    continue;
                }
                e.live.resize(n);
                for (std::size_t s = 0; s < n && s < to.size(); ++s) e.live[s] = Record{to[s], now, true};
                restored.insert(x.key);
                out.applied += 1;
            }
            mine.entities.emplace(x.key, std::move(e));
        }
        if (mine.entities.empty()) return out;

        MergeResult merged = detail::merge_sides(detail::MergeSide{cur.records, true, false}, detail::MergeSide{&mine, true, true});
        if (!merged) {
            out.error = merged.error;
            out.applied = 0;
            return out;
        }
        for (const Conflict& c : merged.report.conflicts) {
            if (c.kind == ConflictKind::kept && restored.count(c.entity)) continue;
            switch (c.kind) {
                case ConflictKind::kept: out.notes.push_back(c.place + " stays: something changed or added since needs it."); break;
                case ConflictKind::left_out: out.notes.push_back(c.sentence); break;
                case ConflictKind::adjusted: out.notes.push_back(c.place + " was adjusted: what it named was deleted since."); break;
                case ConflictKind::both_changed: out.notes.push_back(c.sentence); break;
            }
        }
        out.workspace = std::move(merged.workspace);
    } catch (const std::bad_alloc&) {
        out = TakeBack{};
        out.error = "not enough memory";
    }
    return out;
}

}  // namespace wm::io
