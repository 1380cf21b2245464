// stamp() (stamp.hpp): the content's records compared with those of the last stamped state.
#include "io/stamp.hpp"

#include <algorithm>
#include <cassert>
#include <random>

#include "io/order_keys.hpp"
#include "io/records.hpp"

namespace wm::io {

std::uint64_t new_replica_id() {
    std::random_device rd;
    std::uint64_t id = 0;
    while (id == 0) id = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
    return id;
}

namespace {

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

class Stamper {
public:
    Stamper(const RecordSet* previous, Replica& replica) : prev_(previous), replica_(replica) {}

    // The records of the content now, with the stamps they keep or get.
    RecordSet run(Decomposed current) {
        RecordSet& cur = current.records;
        std::uint64_t seen = replica_.clock;
        if (prev_)
            for (const ReplicaCounter& v : prev_->versions) seen = std::max(seen, v.counter);
        now_ = Stamp{seen + 1, replica_.id};

        RecordSet out;
        out.workspace = cur.workspace;
        if (prev_) out.versions = prev_->versions;
        out.entities.reserve(cur.entities.size() + (prev_ ? prev_->entities.size() / 8 : 0));
        for (auto& [key, c] : cur.entities) out.entities.emplace(key, carry(key, std::move(c)));
        order(cur, out);
        if (prev_)
            for (const auto& [key, p] : prev_->entities) {
                if (out.entities.count(key)) continue;
                if (p.in_content) {
                    out.entities.emplace(key, deleted(p));
                } else {
                    EntityRecords kept = p;  // held back, or only a tombstone: as it was
                    kept.source = nullptr;
                    out.entities.emplace(key, std::move(kept));
                }
            }
        reaffirm(out);
        if (changed_) {
            auto at = std::lower_bound(out.versions.begin(), out.versions.end(), replica_.id,
                                       [](const ReplicaCounter& v, std::uint64_t r) { return v.replica < r; });
            if (at == out.versions.end() || at->replica != replica_.id) at = out.versions.insert(at, ReplicaCounter{replica_.id, 0});
            at->counter = now_.counter;
        }
        return out;
    }

    [[nodiscard]] bool changed() const { return changed_; }
    [[nodiscard]] Stamp now() const { return now_; }

private:
    const RecordSet* prev_;
    Replica& replica_;
    Stamp now_;
    bool changed_ = false;

    const EntityRecords* previous(Id key) const {
        if (!prev_) return nullptr;
        const auto it = prev_->entities.find(key);
        return it == prev_->entities.end() ? nullptr : &it->second;
    }

    // An entity of the content: fields equal to what the last stamp's content showed keep their
    // records (and stamps); the others get the new stamp. @order is settled per list afterwards.
    EntityRecords carry(Id key, EntityRecords c) {
        c.source = nullptr;
        const int order_slot = schema_of(c.kind).order_slot;
        const EntityRecords* p = previous(key);
        if (!p || !p->in_content || p->kind != c.kind) {
            for (Record& r : c.live) r.stamp = now_;
            if (p && p->kind == c.kind) {  // deleted before, back now (undo, or made again)
                c.tomb = p->tomb;
                c.deleted = p->deleted;
            }
            changed_ = true;
            return c;
        }
        c.tomb = p->tomb;
        c.deleted = p->deleted;
        for (std::size_t s = 0; s < c.live.size(); ++s) {
            if (static_cast<int>(s) == order_slot) continue;
            const std::string& was = p->shown_value(s);
            if (c.live[s].value == was) {
                c.live[s].stamp = p->live[s].stamp;
                const bool shadowed = &was != &p->live[s].value;
                if (shadowed) {
                    // A merge adjusted this value in the content; the record keeps the merged one.
                    c.shown.emplace_back(static_cast<std::uint16_t>(s), std::move(c.live[s].value));
                    c.live[s].value = p->live[s].value;
                }
            } else {
                c.live[s].stamp = now_;
                changed_ = true;
            }
        }
        return c;
    }

    void order(const RecordSet& cur, RecordSet& out) {
        for (const ListRecords& list : cur.lists) {
            const int slot = schema_of(list.kind).order_slot;
            const bool nested = schema_of(list.kind).parent_slot >= 0;
            std::vector<std::optional<std::string_view>> old(list.items.size());
            for (std::size_t i = 0; i < list.items.size(); ++i) {
                const EntityRecords* p = previous(list.items[i]);
                if (p && p->in_content && p->kind == list.kind && (!nested || p->parent() == list.parent)) old[i] = p->order();
            }
            const std::vector<std::string> keys = assign_order_keys(old, list.items);
            for (std::size_t i = 0; i < list.items.size(); ++i) {
                Record& r = out.entities.at(list.items[i]).live[static_cast<std::size_t>(slot)];
                if (old[i] && *old[i] == keys[i]) {
                    r.value = quoted(keys[i]);
                    r.stamp = previous(list.items[i])->live[static_cast<std::size_t>(slot)].stamp;
                } else {
                    r.value = quoted(keys[i]);
                    r.stamp = now_;
                    changed_ = true;
                }
            }
        }
    }

    // Everything in the content must live by the merge rules. An entity a merge kept only because
    // something needed it (a step deleted on one side, with a card added on it on the other) no
    // longer lives by them once that need is gone (the card deleted here); but it is still in front
    // of this user, who did not delete it. Its place record gets the new stamp: this copy keeps it,
    // as if it had been made again, and a later delete here works as usual.
    void reaffirm(RecordSet& out) {
        const bool any = std::any_of(out.entities.begin(), out.entities.end(),
                                     [](const auto& entry) { return entry.second.in_content && !entry.second.tomb.empty(); });
        if (!any) return;
        const Liveness life = liveness(out);
        for (auto& [key, e] : out.entities) {
            if (!e.in_content || e.tomb.empty() || life.life.at(key) != Life::dead) continue;
            const KindSchema& s = schema_of(e.kind);
            const int slot = s.parent_slot >= 0 ? s.parent_slot : s.order_slot >= 0 ? s.order_slot : 0;
            e.live[static_cast<std::size_t>(slot)].stamp = now_;
            changed_ = true;
        }
    }

    // Gone from the content: a tombstone covering every record it had (its merged values).
    EntityRecords deleted(const EntityRecords& p) {
        changed_ = true;
        EntityRecords e;
        e.kind = p.kind;
        e.deleted = now_;
        e.tomb = p.tomb.empty() ? std::vector<Record>(p.live.size()) : p.tomb;
        for (std::size_t s = 0; s < p.live.size(); ++s) {
            const Record& l = p.live[s];
            Record& t = e.tomb[s];
            if (l.present && (!t.present || l.stamp > t.stamp)) t = l;
        }
        return e;
    }
};

}  // namespace

bool stamp(Workspace& ws, Replica& replica) {
    assert(replica.id != 0);
    if (current_records(ws)) return false;  // the content is what was stamped last: nothing to do
    Decomposed current = decompose(ws);
    if (!current.problem.empty()) return false;  // an invalid workspace (duplicate ids) is never stamped

    // What the last stamp left: the cache, or (a workspace made without one, e.g. by hand) the
    // history read against the content as it is now.
    std::optional<RecordSet> from_history;
    const RecordSet* previous = cached_records(ws);
    if (!previous && !ws.merge.empty()) {
        RecordsResult r = records_of(ws);
        if (r.records) {
            from_history = std::move(r.records);
            previous = &*from_history;
        }
    }
    Stamper stamper(previous, replica);
    RecordSet records = stamper.run(std::move(current));
    if (!stamper.changed()) {
        ws.merge.cache = make_cache(std::move(records), ws);  // the same records, for this content
        return false;
    }
    replica.clock = stamper.now().counter;
    ws.merge = compress(records);
    ws.merge.cache = make_cache(std::move(records), ws);
    return true;
}

}  // namespace wm::io
