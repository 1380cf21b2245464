// The reversible primitives every command is made of, and the Transaction that records them.
//
// Why primitives instead of snapshots: a journey can hold 100k cards, so an edit may not copy a
// journey, let alone the workspace. A command mutates the document only through a Transaction, which
// applies each primitive at once and keeps what is needed to reverse it: the previous value of one
// field, or the one element taken out of a list, or the positions of a bulk removal.
//
// Why positions are safe here although the model refers by Id: a change is only ever undone on exactly
// the document it produced (the history undoes newest-first and redoes oldest-first), so an index
// recorded at apply time still points at the same element when it is reversed. Commands locate things
// by Id when they are created and validated; only the recorded changes use positions.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/model.hpp"

namespace wm::edit {

class Change {
public:
    virtual ~Change() = default;
    virtual void undo(Workspace& ws) = 0;
    virtual void redo(Workspace& ws) = 0;
    // The primitives below are valid only on the content they made. A change that finds what it
    // changes again by id (Document::apply_remote's rebased entries) is not, and survives changes
    // made by others.
    [[nodiscard]] virtual bool by_position() const { return true; }
    // What the last undo or redo could not do, in words ("" when it did all of it).
    [[nodiscard]] virtual std::string outcome() const { return {}; }
};

using ChangeList = std::vector<std::unique_ptr<Change>>;

// A place in the document, found again from the workspace each time (never a stored pointer: lists
// reallocate). Locators are small lambdas capturing Ids or positions (see edit/locate.hpp).
template <class F>
using FieldRef = std::function<F&(Workspace&)>;
template <class T>
using ListRef = std::function<std::vector<T>&(Workspace&)>;

namespace detail {

// Undo and redo are the same swap: the change holds whichever value is not in the document. This is
// also what lets the history fold a burst of edits of one field into the first one (history.cpp).
template <class F>
class SetChange final : public Change {
public:
    SetChange(FieldRef<F> ref, F previous) : ref_(std::move(ref)), other_(std::move(previous)) {}
    void undo(Workspace& ws) override { swap_in(ws); }
    void redo(Workspace& ws) override { swap_in(ws); }

private:
    void swap_in(Workspace& ws) {
        using std::swap;
        swap(ref_(ws), other_);
    }
    FieldRef<F> ref_;
    F other_;
};

// One element inserted into, or erased from, a list. The element lives in the change only while it
// is out of the document.
template <class T>
class PresenceChange final : public Change {
public:
    PresenceChange(ListRef<T> ref, std::size_t index, bool inserts, T value)
        : ref_(std::move(ref)), index_(index), inserts_(inserts), value_(std::move(value)) {}
    void undo(Workspace& ws) override { inserts_ ? take(ws) : put(ws); }
    void redo(Workspace& ws) override { inserts_ ? put(ws) : take(ws); }

private:
    void put(Workspace& ws) {
        auto& list = ref_(ws);
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(index_), std::move(value_));
        value_ = T{};
    }
    void take(Workspace& ws) {
        auto& list = ref_(ws);
        value_ = std::move(list[index_]);
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(index_));
    }
    ListRef<T> ref_;
    std::size_t index_;
    bool inserts_;
    T value_;
};

// Many elements inserted or erased in one linear pass (deleting 10k selected cards out of 100k must
// not cost 10k vector shifts). `indices` are ascending positions in the list while the elements are
// present.
template <class T>
class BulkChange final : public Change {
public:
    BulkChange(ListRef<T> ref, std::vector<std::size_t> indices, bool inserts, std::vector<T> values)
        : ref_(std::move(ref)), indices_(std::move(indices)), inserts_(inserts), values_(std::move(values)) {}
    void undo(Workspace& ws) override { inserts_ ? take(ws) : put(ws); }
    void redo(Workspace& ws) override { inserts_ ? put(ws) : take(ws); }

private:
    void put(Workspace& ws) {
        auto& list = ref_(ws);
        const std::size_t old_size = list.size();
        list.resize(old_size + values_.size());
        // Fill from the back so every element moves at most once.
        std::size_t src = old_size;
        std::size_t next = values_.size();
        for (std::size_t dst = list.size(); dst-- > 0 && next > 0;) {  // once all are placed, the rest is in place
            if (indices_[next - 1] == dst)
                list[dst] = std::move(values_[--next]);
            else
                list[dst] = std::move(list[--src]);
        }
        values_ = {};
    }
    void take(Workspace& ws) {
        auto& list = ref_(ws);
        values_.clear();
        values_.reserve(indices_.size());
        std::size_t dst = 0;
        std::size_t next = 0;
        for (std::size_t src = 0; src < list.size(); ++src) {
            if (next < indices_.size() && indices_[next] == src) {
                values_.push_back(std::move(list[src]));
                ++next;
            } else {
                if (dst != src) list[dst] = std::move(list[src]);
                ++dst;
            }
        }
        list.resize(dst);
    }
    ListRef<T> ref_;
    std::vector<std::size_t> indices_;
    bool inserts_;
    std::vector<T> values_;
};

// An element taken out of one list and put into another (or the same) list; stores no element.
// `to_index` is the position in the destination after the element left its source.
template <class T>
class MoveChange final : public Change {
public:
    MoveChange(ListRef<T> from, std::size_t from_index, ListRef<T> to, std::size_t to_index)
        : from_(std::move(from)), to_(std::move(to)), from_index_(from_index), to_index_(to_index) {}
    void undo(Workspace& ws) override { shift(ws, to_, to_index_, from_, from_index_); }
    void redo(Workspace& ws) override { shift(ws, from_, from_index_, to_, to_index_); }

private:
    static void shift(Workspace& ws, ListRef<T>& from, std::size_t i, ListRef<T>& to, std::size_t j) {
        auto& src = from(ws);
        T value = std::move(src[i]);
        src.erase(src.begin() + static_cast<std::ptrdiff_t>(i));
        auto& dst = to(ws);  // located after the erase: both may be the same list
        dst.insert(dst.begin() + static_cast<std::ptrdiff_t>(j), std::move(value));
    }
    ListRef<T> from_;
    ListRef<T> to_;
    std::size_t from_index_;
    std::size_t to_index_;
};

template <class Ref>
using field_t = std::remove_reference_t<std::invoke_result_t<Ref&, Workspace&>>;
template <class Ref>
using element_t = typename field_t<Ref>::value_type;

}  // namespace detail

// Records the changes of one command while applying them. Commands read through ws() and write only
// through the methods below; anything else would be invisible to undo.
class Transaction {
public:
    explicit Transaction(Workspace& ws) : ws_(ws) {}
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] const Workspace& ws() const { return ws_; }
    void set_label(std::string label) { label_ = std::move(label); }
    [[nodiscard]] const std::string& label() const { return label_; }
    [[nodiscard]] bool empty() const { return changes_.empty(); }

    // Assign a field; recording nothing when the value is already there keeps no-op edits out of
    // the history.
    template <class Ref, class V>
    void set(Ref ref, V&& value) {
        using F = detail::field_t<Ref>;
        F& field = ref(ws_);
        if (field == value) return;
        F previous = std::exchange(field, F(std::forward<V>(value)));
        changes_.push_back(std::make_unique<detail::SetChange<F>>(FieldRef<F>(std::move(ref)), std::move(previous)));
    }

    template <class Ref>
    void insert(Ref ref, std::size_t index, detail::element_t<Ref> value) {
        using T = detail::element_t<Ref>;
        auto change = std::make_unique<detail::PresenceChange<T>>(ListRef<T>(std::move(ref)), index, true, std::move(value));
        push(std::move(change));
    }

    template <class Ref>
    void erase(Ref ref, std::size_t index) {
        using T = detail::element_t<Ref>;
        push(std::make_unique<detail::PresenceChange<T>>(ListRef<T>(std::move(ref)), index, false, T{}));
    }

    // Erase every element matching `pred` as one change; returns how many went.
    template <class Ref, class Pred>
    std::size_t erase_if(Ref ref, Pred pred) {
        using T = detail::element_t<Ref>;
        const auto& list = ref(ws_);
        std::vector<std::size_t> indices;
        for (std::size_t i = 0; i < list.size(); ++i)
            if (pred(list[i])) indices.push_back(i);
        if (indices.empty()) return 0;
        const std::size_t count = indices.size();
        push(std::make_unique<detail::BulkChange<T>>(ListRef<T>(std::move(ref)), std::move(indices), false, std::vector<T>{}));
        return count;
    }

    // Insert `values` so that they end up at the ascending positions `indices`.
    template <class Ref>
    void insert_many(Ref ref, std::vector<std::size_t> indices, std::vector<detail::element_t<Ref>> values) {
        using T = detail::element_t<Ref>;
        if (values.empty()) return;
        push(std::make_unique<detail::BulkChange<T>>(ListRef<T>(std::move(ref)), std::move(indices), true, std::move(values)));
    }

    template <class Ref, class Ref2>
    void move(Ref from, std::size_t from_index, Ref2 to, std::size_t to_index) {
        using T = detail::element_t<Ref>;
        static_assert(std::is_same_v<T, detail::element_t<Ref2>>);
        push(std::make_unique<detail::MoveChange<T>>(ListRef<T>(std::move(from)), from_index, ListRef<T>(std::move(to)), to_index));
    }

    // Reverse everything recorded so far (a command that refuses half-way leaves no trace).
    void rollback() {
        for (auto it = changes_.rbegin(); it != changes_.rend(); ++it) (*it)->undo(ws_);
        changes_.clear();
    }

    ChangeList take_changes() { return std::move(changes_); }

private:
    void push(std::unique_ptr<Change> change) {
        change->redo(ws_);
        changes_.push_back(std::move(change));
    }

    Workspace& ws_;
    std::string label_;
    ChangeList changes_;
};

}  // namespace wm::edit
