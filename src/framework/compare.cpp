// Current vs to-be: the linked copy and the comparison (compare.hpp documents both).
//
// [SECTION] index: text similarity · the copy · journey index · step alignment · stages · cells ·
// rows · texts
#include "framework/compare.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace wm {
namespace {

// [SECTION] Text similarity ------------------------------------------------------------------------

// Character-bigram Dice coefficient of two normalised texts: 1 for equal texts, 0 for nothing shared.
double dice(std::string_view a, std::string_view b) {
    if (a == b) return 1;
    if (a.size() < 2 || b.size() < 2) return 0;
    auto grams = [](std::string_view s) {
        std::vector<std::uint16_t> out;
        out.reserve(s.size() - 1);
        for (std::size_t i = 0; i + 1 < s.size(); ++i)
            out.push_back(static_cast<std::uint16_t>(static_cast<unsigned char>(s[i]) << 8 | static_cast<unsigned char>(s[i + 1])));
        std::sort(out.begin(), out.end());
        return out;
    };
    const auto ga = grams(a), gb = grams(b);
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < ga.size() && j < gb.size();) {
        if (ga[i] == gb[j]) ++common, ++i, ++j;
        else if (ga[i] < gb[j]) ++i;
        else ++j;
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(ga.size() + gb.size());
}

// Multiset overlap (intersection over union) of two sorted lists; 0 when both are empty.
double overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() && b.empty()) return 0;
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) ++common, ++i, ++j;
        else if (a[i] < b[j]) ++i;
        else ++j;
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

constexpr double kSimilar = 0.5;

// [SECTION] Journey index --------------------------------------------------------------------------

struct CellKey {
    Id lane, step;
    friend bool operator==(const CellKey&, const CellKey&) = default;
};
struct CellHash {
    std::size_t operator()(const CellKey& k) const noexcept {
        return std::hash<Id>()(k.lane) * 1000003u ^ std::hash<Id>()(k.step);
    }
};
using CellMap = std::unordered_map<CellKey, std::vector<std::size_t>, CellHash>;

// One journey flattened for the comparison: its steps in stage-then-step order with their keys, and
// its cards and scores by cell.
struct Flat {
    struct FlatStep {
        const Step* step;
        std::size_t stage;
        std::string key;                  // normalised step name
    };
    const Journey& journey;
    std::vector<FlatStep> steps;
    std::vector<std::string> stage_keys;
    CellMap cards, scores;
    std::unordered_map<Id, std::vector<std::size_t>> cards_by_step;

    explicit Flat(const Journey& j) : journey(j) {
        for (std::size_t s = 0; s < j.stages.size(); ++s) {
            stage_keys.push_back(normalise_name(j.stages[s].name));
            for (const auto& step : j.stages[s].steps) steps.push_back({&step, s, normalise_name(step.name)});
        }
        for (std::size_t i = 0; i < j.cards.size(); ++i) {
            cards[{j.cards[i].lane, j.cards[i].step}].push_back(i);
            cards_by_step[j.cards[i].step].push_back(i);
        }
        for (std::size_t i = 0; i < j.emotions.size(); ++i) scores[{j.emotions[i].lane, j.emotions[i].step}].push_back(i);
    }
    [[nodiscard]] const std::string& stage_key(std::size_t flat) const { return stage_keys[steps[flat].stage]; }
    // Normalised texts of every card on a step, sorted (for the card-overlap similarity).
    [[nodiscard]] std::vector<std::string> texts(std::size_t flat) const {
        std::vector<std::string> out;
        if (auto it = cards_by_step.find(steps[flat].step->id); it != cards_by_step.end())
            for (std::size_t i : it->second) out.push_back(normalise_name(journey.cards[i].text));
        std::sort(out.begin(), out.end());
        return out;
    }
};

const std::vector<std::size_t>& cell_of(const CellMap& map, Id lane, Id step) {
    static const std::vector<std::size_t> kEmpty;
    if (lane.is_nil() || step.is_nil()) return kEmpty;
    auto it = map.find({lane, step});
    return it == map.end() ? kEmpty : it->second;
}

// [SECTION] Step alignment -------------------------------------------------------------------------

struct Pair {
    std::size_t a, b;                     // flat step indices in the current / to-be journey
    StepMatch match;
};

// Above this many DP cells (after trimming the common prefix and suffix) the middle is aligned
// greedily instead: each current step takes the next to-be step of the same name.
constexpr std::size_t kMaxLcsCells = 1'000'000;

// Step 1 (compare.hpp): equal names, as a longest common subsequence preferring same-stage pairs.
std::vector<Pair> align_by_name(const Flat& A, const Flat& B) {
    const std::size_t na = A.steps.size(), nb = B.steps.size();
    std::vector<Pair> head, tail;
    std::size_t p = 0;
    while (p < na && p < nb && A.steps[p].key == B.steps[p].key) head.push_back({p, p, StepMatch::name}), ++p;
    std::size_t ea = na, eb = nb;
    while (ea > p && eb > p && A.steps[ea - 1].key == B.steps[eb - 1].key) --ea, --eb, tail.push_back({ea, eb, StepMatch::name});
    const std::size_t n = ea - p, m = eb - p;
    std::vector<Pair> middle;
    if (n > 0 && m > 0 && (n + 1) * (m + 1) <= kMaxLcsCells) {
        auto weight = [&](std::size_t i, std::size_t j) -> std::uint32_t {  // 1-based within the middle
            const std::size_t a = p + i - 1, b = p + j - 1;
            if (A.steps[a].key != B.steps[b].key) return 0;
            return A.stage_key(a) == B.stage_key(b) ? 3 : 2;
        };
        std::vector<std::uint32_t> dp((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return dp[i * (m + 1) + j]; };
        for (std::size_t i = 1; i <= n; ++i)
            for (std::size_t j = 1; j <= m; ++j) {
                std::uint32_t best = std::max(at(i - 1, j), at(i, j - 1));
                if (const std::uint32_t w = weight(i, j)) best = std::max(best, at(i - 1, j - 1) + w);
                at(i, j) = best;
            }
        for (std::size_t i = n, j = m; i > 0 && j > 0;) {
            const std::uint32_t w = weight(i, j);
            if (w && at(i, j) == at(i - 1, j - 1) + w) {
                middle.push_back({p + i - 1, p + j - 1, StepMatch::name});
                --i, --j;
            } else if (at(i, j) == at(i - 1, j)) {
                --i;
            } else {
                --j;
            }
        }
        std::reverse(middle.begin(), middle.end());
    } else if (n > 0 && m > 0) {
        std::unordered_map<std::string, std::vector<std::size_t>> where;  // key → to-be positions, descending
        for (std::size_t b = eb; b-- > p;) where[B.steps[b].key].push_back(b);
        std::size_t next_b = p;
        for (std::size_t a = p; a < ea; ++a) {
            auto it = where.find(A.steps[a].key);
            if (it == where.end()) continue;
            auto& list = it->second;
            while (!list.empty() && list.back() < next_b) list.pop_back();
            if (list.empty()) continue;
            middle.push_back({a, list.back(), StepMatch::name});
            next_b = list.back() + 1;
            list.pop_back();
        }
    }
    std::reverse(tail.begin(), tail.end());
    head.insert(head.end(), middle.begin(), middle.end());
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

double step_similarity(const Flat& A, std::size_t a, const Flat& B, std::size_t b) {
    return std::max(dice(A.steps[a].key, B.steps[b].key), overlap(A.texts(a), B.texts(b)));
}

// Steps 2 and 3 (compare.hpp): renamed steps between the name pairs, then moved ones. Returns the
// order-preserving pairs (sorted) and, apart, the moved pairs.
void align_steps(const Flat& A, const Flat& B, std::vector<Pair>& ordered, std::vector<Pair>& moved) {
    const std::vector<Pair> anchors = align_by_name(A, B);
    std::size_t i = 0, j = 0;
    for (std::size_t k = 0; k <= anchors.size(); ++k) {
        const std::size_t qa = k < anchors.size() ? anchors[k].a : A.steps.size();
        const std::size_t qb = k < anchors.size() ? anchors[k].b : B.steps.size();
        if (qa - i == qb - j) {
            for (std::size_t t = 0; t < qa - i; ++t) {
                const bool similar = step_similarity(A, i + t, B, j + t) >= kSimilar;
                const bool blank = A.texts(i + t).empty() && B.texts(j + t).empty();  // nothing says they differ
                if (A.stage_key(i + t) == B.stage_key(j + t) && (similar || blank))
                    ordered.push_back({i + t, j + t, StepMatch::position});
                else if (similar)
                    ordered.push_back({i + t, j + t, StepMatch::similar});
            }
        } else {
            std::size_t from_b = j;
            for (std::size_t a = i; a < qa; ++a)
                for (std::size_t b = from_b; b < qb; ++b)
                    if (step_similarity(A, a, B, b) >= kSimilar) {
                        ordered.push_back({a, b, StepMatch::similar});
                        from_b = b + 1;
                        break;
                    }
        }
        if (k < anchors.size()) ordered.push_back(anchors[k]);
        i = qa + 1;
        j = qb + 1;
    }
    std::vector<bool> used_a(A.steps.size()), used_b(B.steps.size());
    for (const Pair& pair : ordered) used_a[pair.a] = used_b[pair.b] = true;
    std::unordered_map<std::string, std::vector<std::size_t>> free_b;  // descending, so back() is first
    for (std::size_t b = B.steps.size(); b-- > 0;)
        if (!used_b[b]) free_b[B.steps[b].key].push_back(b);
    for (std::size_t a = 0; a < A.steps.size(); ++a) {
        if (used_a[a]) continue;
        auto it = free_b.find(A.steps[a].key);
        if (it == free_b.end() || it->second.empty()) continue;
        moved.push_back({a, it->second.back(), StepMatch::moved});
        it->second.pop_back();
    }
}

// [SECTION] Stages ---------------------------------------------------------------------------------

// For a list of positions, true for those off one longest increasing run (the ones that moved).
std::vector<bool> out_of_order(const std::vector<std::size_t>& positions) {
    const std::size_t n = positions.size();
    std::vector<std::size_t> length(n, 1), previous(n, kNoIndex);
    std::size_t best_end = kNoIndex;
    for (std::size_t x = 0; x < n; ++x) {
        for (std::size_t y = 0; y < x; ++y)
            if (positions[y] < positions[x] && length[y] + 1 > length[x]) length[x] = length[y] + 1, previous[x] = y;
        if (best_end == kNoIndex || length[x] > length[best_end]) best_end = x;
    }
    std::vector<bool> out(n, true);
    for (std::size_t x = best_end; x != kNoIndex; x = previous[x]) out[x] = false;
    return out;
}

// Step 4 (compare.hpp): for each current stage, its to-be stage (or kNoIndex), and whether the pair
// is out of order.
void match_stages(const Flat& A, const Flat& B, const std::vector<Pair>& pairs, std::vector<std::size_t>& to_be_of,
                  std::vector<bool>& moved) {
    const std::size_t na = A.stage_keys.size(), nb = B.stage_keys.size();
    to_be_of.assign(na, kNoIndex);
    std::vector<bool> taken(nb);
    for (std::size_t c = 0; c < na; ++c)
        for (std::size_t t = 0; t < nb; ++t)
            if (!taken[t] && A.stage_keys[c] == B.stage_keys[t]) {
                to_be_of[c] = t;
                taken[t] = true;
                break;
            }
    for (std::size_t c = 0; c < na; ++c) {
        if (to_be_of[c] != kNoIndex) continue;
        std::vector<std::size_t> votes(nb);
        for (const Pair& pair : pairs)
            if (A.steps[pair.a].stage == c && !taken[B.steps[pair.b].stage]) ++votes[B.steps[pair.b].stage];
        const auto best = std::max_element(votes.begin(), votes.end());
        if (best != votes.end() && *best > 0) {
            to_be_of[c] = static_cast<std::size_t>(best - votes.begin());
            taken[to_be_of[c]] = true;
        }
    }
    std::vector<std::size_t> positions;  // to-be positions of the matched stages, in current order
    std::vector<std::size_t> which;
    for (std::size_t c = 0; c < na; ++c)
        if (to_be_of[c] != kNoIndex) positions.push_back(to_be_of[c]), which.push_back(c);
    const std::vector<bool> out = out_of_order(positions);
    moved.assign(na, false);
    for (std::size_t x = 0; x < which.size(); ++x) moved[which[x]] = out[x];
}

// Per current step: true when its pair is moved — to a stage that does not correspond to its own, or
// out of order among the pairs between the same two stages.
std::vector<bool> steps_moved(const Flat& A, const Flat& B, const std::vector<Pair>& pairs, const std::vector<std::size_t>& stage_to_be) {
    std::vector<bool> moved(A.steps.size());
    std::vector<Pair> sorted = pairs;
    std::sort(sorted.begin(), sorted.end(), [](const Pair& x, const Pair& y) { return x.a < y.a; });
    for (std::size_t from = 0; from < sorted.size();) {
        const std::size_t stage = A.steps[sorted[from].a].stage;
        std::vector<std::size_t> positions, which;
        std::size_t to = from;
        for (; to < sorted.size() && A.steps[sorted[to].a].stage == stage; ++to) {
            if (stage_to_be[stage] != B.steps[sorted[to].b].stage) moved[sorted[to].a] = true;
            else positions.push_back(sorted[to].b), which.push_back(sorted[to].a);
        }
        const std::vector<bool> out = out_of_order(positions);
        for (std::size_t x = 0; x < which.size(); ++x) moved[which[x]] = out[x];
        from = to;
    }
    return moved;
}

// [SECTION] Cells ----------------------------------------------------------------------------------

std::vector<LaneMatch> match_lanes(const Journey& current, const Journey& to_be) {
    std::vector<LaneMatch> lanes;
    std::vector<bool> taken(current.lanes.size());
    for (const auto& lane : to_be.lanes) {
        LaneMatch match{lane.name, lane.kind, {}, lane.id, DiffKind::added};
        const std::string key = normalise_name(lane.name);
        for (std::size_t c = 0; c < current.lanes.size(); ++c)
            if (!taken[c] && normalise_name(current.lanes[c].name) == key) {
                taken[c] = true;
                match.current = current.lanes[c].id;
                match.diff = current.lanes[c].kind == lane.kind ? DiffKind::same : DiffKind::changed;
                break;
            }
        lanes.push_back(std::move(match));
    }
    for (std::size_t c = 0; c < current.lanes.size(); ++c)
        if (!taken[c]) lanes.push_back({current.lanes[c].name, current.lanes[c].kind, current.lanes[c].id, {}, DiffKind::removed});
    return lanes;
}

bool same_details(const Card& a, const Card& b) {
    return a.severity == b.severity && a.channel == b.channel && a.personas == b.personas && a.insights == b.insights &&
           a.opportunities == b.opportunities;
}

// Step 5 (compare.hpp) for one lane at one aligned step.
CellDiff diff_cell(const Journey& current, const std::vector<std::size_t>& cur, const Journey& to_be,
                   const std::vector<std::size_t>& tb, StepDiff& row) {
    CellDiff cell;
    std::vector<std::size_t> partner(cur.size(), kNoIndex);
    std::vector<bool> taken(tb.size());
    std::vector<std::string> cur_keys, tb_keys;
    for (std::size_t i : cur) cur_keys.push_back(normalise_name(current.cards[i].text));
    for (std::size_t i : tb) tb_keys.push_back(normalise_name(to_be.cards[i].text));
    for (std::size_t x = 0; x < cur.size(); ++x)
        for (std::size_t y = 0; y < tb.size(); ++y)
            if (!taken[y] && cur_keys[x] == tb_keys[y]) {
                partner[x] = y;
                taken[y] = true;
                break;
            }
    for (std::size_t x = 0; x < cur.size(); ++x) {
        if (partner[x] != kNoIndex) continue;
        double best = kSimilar;
        for (std::size_t y = 0; y < tb.size(); ++y)
            if (!taken[y]) {
                const double d = dice(cur_keys[x], tb_keys[y]);
                if (d >= best) best = d, partner[x] = y;
            }
        if (partner[x] != kNoIndex) taken[partner[x]] = true;
    }
    // Left-overs in place: when as many cards are unpaired on both sides, they pair in order. A card
    // rewritten in its cell is edited (before → after), not one removed and one added.
    std::vector<std::size_t> left_cur, left_tb;
    for (std::size_t x = 0; x < cur.size(); ++x)
        if (partner[x] == kNoIndex) left_cur.push_back(x);
    for (std::size_t y = 0; y < tb.size(); ++y)
        if (!taken[y]) left_tb.push_back(y);
    if (left_cur.size() == left_tb.size())
        for (std::size_t k = 0; k < left_cur.size(); ++k) {
            partner[left_cur[k]] = left_tb[k];
            taken[left_tb[k]] = true;
        }
    std::vector<std::size_t> partner_of_tb(tb.size(), kNoIndex);
    for (std::size_t x = 0; x < cur.size(); ++x) {
        const Card& card = current.cards[cur[x]];
        CardSide side{card.id, card.text, {}, DiffKind::removed};
        if (partner[x] != kNoIndex) {
            partner_of_tb[partner[x]] = x;
            const Card& other = to_be.cards[tb[partner[x]]];
            side.other = other.text;
            side.kind = other.text == card.text && same_details(card, other) ? DiffKind::same : DiffKind::changed;
            row.cards_changed += side.kind == DiffKind::changed;
        } else {
            ++row.cards_removed;
        }
        cell.differs = cell.differs || side.kind != DiffKind::same;
        cell.current.push_back(std::move(side));
    }
    for (std::size_t y = 0; y < tb.size(); ++y) {
        const Card& card = to_be.cards[tb[y]];
        CardSide side{card.id, card.text, {}, DiffKind::added};
        if (partner_of_tb[y] != kNoIndex) {
            side.other = current.cards[cur[partner_of_tb[y]]].text;
            side.kind = cell.current[partner_of_tb[y]].kind;
        } else {
            ++row.cards_added;
        }
        cell.differs = cell.differs || side.kind != DiffKind::same;
        cell.to_be.push_back(std::move(side));
    }
    return cell;
}

void diff_scores(const Journey& current, const std::vector<std::size_t>& cur, const Journey& to_be,
                 const std::vector<std::size_t>& tb, CellDiff& cell) {
    for (std::size_t i : cur) {
        const EmotionScore& e = current.emotions[i];
        cell.scores.push_back({e.persona, e.score, std::nullopt, DiffKind::removed});
    }
    for (std::size_t i : tb) {
        const EmotionScore& e = to_be.emotions[i];
        auto it = std::find_if(cell.scores.begin(), cell.scores.end(), [&](const ScoreDiff& s) { return s.persona == e.persona && !s.after; });
        if (it == cell.scores.end()) {
            cell.scores.push_back({e.persona, std::nullopt, e.score, DiffKind::added});
        } else {
            it->after = e.score;
            it->kind = *it->before == e.score ? DiffKind::same : DiffKind::changed;
        }
    }
    for (const auto& s : cell.scores) cell.differs = cell.differs || s.kind != DiffKind::same;
}

// [SECTION] Rows -----------------------------------------------------------------------------------

std::string quote(std::string_view text) { return "\xE2\x80\x9C" + std::string(text) + "\xE2\x80\x9D"; }

std::string count_text(std::size_t n, const char* singular, const char* plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace

// [SECTION] The copy -------------------------------------------------------------------------------

std::string to_be_title(const Workspace& ws, const Journey& current) {
    auto taken = [&](const std::string& title) {
        return std::any_of(ws.journeys.begin(), ws.journeys.end(), [&](const Journey& j) { return j.title == title; });
    };
    std::string title = current.title + " (to-be)";
    for (int n = 2; taken(title); ++n) title = current.title + " (to-be " + std::to_string(n) + ")";
    return title;
}

Journey make_to_be_copy(const Workspace& ws, const Journey& current, IdGenerator& gen) {
    Journey copy = current;
    copy.id = gen.next();
    copy.title = to_be_title(ws, current);
    copy.state = JourneyState::to_be;
    copy.counterpart = current.id;
    copy.status = JourneyStatus::prototype;
    copy.metrics.clear();
    std::unordered_map<Id, Id> fresh;  // old part id → new
    for (auto& stage : copy.stages) {
        stage.id = fresh[stage.id] = gen.next();
        for (auto& step : stage.steps) step.id = fresh[step.id] = gen.next();
    }
    for (auto& lane : copy.lanes) lane.id = fresh[lane.id] = gen.next();
    auto remap = [&](Id& id) {
        auto it = fresh.find(id);
        id = it == fresh.end() ? Id{} : it->second;
        return !id.is_nil();
    };
    std::vector<Card> cards;
    cards.reserve(copy.cards.size());
    for (auto& card : copy.cards) {
        card.id = gen.next();
        if (remap(card.lane) && remap(card.step)) cards.push_back(std::move(card));  // a card on nothing is left behind
    }
    copy.cards = std::move(cards);
    std::vector<EmotionScore> scores;
    for (auto& score : copy.emotions)
        if (remap(score.lane) && remap(score.step)) scores.push_back(score);
    copy.emotions = std::move(scores);
    return copy;
}

// [SECTION] Texts ----------------------------------------------------------------------------------

std::string_view diff_kind_name(DiffKind kind) {
    switch (kind) {
        case DiffKind::same: return "same";
        case DiffKind::changed: return "changed";
        case DiffKind::added: return "added";
        case DiffKind::removed: return "removed";
    }
    return "same";
}

std::string normalise_name(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

std::string StepDiff::what_changed(const JourneyDiff& diff) const {
    std::vector<std::string> parts;
    if (renamed) parts.push_back("renamed from " + quote(current_name));
    if (moved && stage < diff.stages.size()) {
        const auto& from = diff.stages;
        auto it = std::find_if(from.begin(), from.end(), [&](const StageDiff& s) { return s.current == current_stage; });
        parts.push_back(it != from.end() && !it->current_name.empty() ? "moved from " + quote(it->current_name) : "moved");
    }
    if (description_changed) parts.push_back("description edited");
    if (moment_changed) parts.push_back(moment_of_truth ? "now a moment of truth" : "no longer a moment of truth");
    if (kind == DiffKind::changed) {
        if (cards_added) parts.push_back(count_text(cards_added, "card added", "cards added"));
        if (cards_removed) parts.push_back(count_text(cards_removed, "card removed", "cards removed"));
        if (cards_changed) parts.push_back(count_text(cards_changed, "card edited", "cards edited"));
        if (scores_changed) parts.push_back("emotion changed");
    }
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : " \xC2\xB7 ") + part;
    return out;
}

std::string JourneyDiff::summary() const {
    if (added + removed + changed == 0)
        return same == 0 ? "No steps on either side" : "No differences: " + count_text(same, "step", "steps") + " the same";
    return count_text(added, "step", "steps") + " added, " + std::to_string(removed) + " removed, " + std::to_string(changed) +
           " changed";
}

// [SECTION] The comparison -------------------------------------------------------------------------

JourneyDiff compare_journeys(const Workspace&, const Journey& current, const Journey& to_be) {
    JourneyDiff diff;
    diff.current = current.id;
    diff.to_be = to_be.id;
    const Flat A(current), B(to_be);
    std::vector<Pair> ordered, moved_pairs;
    align_steps(A, B, ordered, moved_pairs);
    std::vector<Pair> all = ordered;
    all.insert(all.end(), moved_pairs.begin(), moved_pairs.end());
    std::vector<std::size_t> stage_to_be;
    std::vector<bool> stage_moved;
    match_stages(A, B, all, stage_to_be, stage_moved);
    const std::vector<bool> step_moved = steps_moved(A, B, all, stage_to_be);

    // Stages in display order: the to-be ones, each removed current stage after its predecessor.
    std::vector<std::size_t> current_of_tb(to_be.stages.size(), kNoIndex);
    for (std::size_t c = 0; c < stage_to_be.size(); ++c)
        if (stage_to_be[c] != kNoIndex) current_of_tb[stage_to_be[c]] = c;
    for (std::size_t t = 0; t < to_be.stages.size(); ++t) {
        StageDiff s;
        s.to_be = t;
        s.to_be_name = to_be.stages[t].name;
        s.current = current_of_tb[t];
        if (s.current == kNoIndex) {
            s.kind = DiffKind::added;
        } else {
            s.current_name = current.stages[s.current].name;
            s.renamed = s.current_name != s.to_be_name;
            s.moved = stage_moved[s.current];
            s.kind = s.renamed || s.moved ? DiffKind::changed : DiffKind::same;
        }
        diff.stages.push_back(std::move(s));
    }
    for (std::size_t c = 0; c < current.stages.size(); ++c) {
        if (stage_to_be[c] != kNoIndex) continue;
        std::size_t at = 0;  // after the entry holding the nearest earlier current stage
        for (std::size_t d = 0; d < diff.stages.size(); ++d)
            if (diff.stages[d].current != kNoIndex && diff.stages[d].current < c) at = d + 1;
        StageDiff s;
        s.kind = DiffKind::removed;
        s.current = c;
        s.current_name = current.stages[c].name;
        diff.stages.insert(diff.stages.begin() + static_cast<std::ptrdiff_t>(at), std::move(s));
    }
    std::vector<std::size_t> group_of_tb(to_be.stages.size()), group_of_cur(current.stages.size());
    for (std::size_t d = 0; d < diff.stages.size(); ++d) {
        if (diff.stages[d].to_be != kNoIndex) group_of_tb[diff.stages[d].to_be] = d;
        if (diff.stages[d].current != kNoIndex) group_of_cur[diff.stages[d].current] = d;
        diff.stages_changed += diff.stages[d].kind != DiffKind::same;
    }
    diff.lanes = match_lanes(current, to_be);

    // One row per aligned pair, per removed and per added step.
    auto make_row = [&](std::size_t a, std::size_t b, StepMatch match) {
        StepDiff row;
        row.match = match;
        auto take = [&](const Flat::FlatStep& fs, Id& id, std::string& name, std::size_t& stage) {
            id = fs.step->id;
            name = fs.step->name;
            stage = fs.stage;
            row.moment_of_truth = fs.step->moment_of_truth;  // the to-be side's wins
        };
        if (a != kNoIndex) take(A.steps[a], row.current, row.current_name, row.current_stage);
        if (b != kNoIndex) take(B.steps[b], row.to_be, row.to_be_name, row.to_be_stage);
        row.stage = b != kNoIndex ? group_of_tb[row.to_be_stage] : group_of_cur[row.current_stage];
        if (a != kNoIndex && b != kNoIndex) {
            const Step& x = *A.steps[a].step;
            const Step& y = *B.steps[b].step;
            row.renamed = x.name != y.name;
            row.description_changed = x.description != y.description;
            row.moment_changed = x.moment_of_truth != y.moment_of_truth;
            row.moved = step_moved[a];
        }
        bool cells_differ = false;
        for (std::size_t l = 0; l < diff.lanes.size(); ++l) {
            const LaneMatch& lane = diff.lanes[l];
            const auto& cur = cell_of(A.cards, lane.current, row.current);
            const auto& tb = cell_of(B.cards, lane.to_be, row.to_be);
            CellDiff cell = diff_cell(current, cur, to_be, tb, row);
            cell.lane = l;
            const auto& cur_scores = cell_of(A.scores, lane.current, row.current);
            const auto& tb_scores = cell_of(B.scores, lane.to_be, row.to_be);
            diff_scores(current, cur_scores, to_be, tb_scores, cell);
            if (cell.current.empty() && cell.to_be.empty() && cell.scores.empty()) continue;
            for (const auto& score : cell.scores) row.scores_changed = row.scores_changed || score.kind != DiffKind::same;
            cells_differ = cells_differ || cell.differs;
            row.cells.push_back(std::move(cell));
        }
        if (a == kNoIndex) row.kind = DiffKind::added;
        else if (b == kNoIndex) row.kind = DiffKind::removed;
        else if (row.renamed || row.moved || row.description_changed || row.moment_changed || cells_differ) row.kind = DiffKind::changed;
        return row;
    };
    std::vector<std::size_t> moved_to(B.steps.size(), kNoIndex);  // to-be step → its moved current step
    std::vector<bool> moved_from(A.steps.size());
    for (const Pair& pair : moved_pairs) moved_to[pair.b] = pair.a, moved_from[pair.a] = true;
    std::size_t i = 0, j = 0;
    for (std::size_t k = 0; k <= ordered.size(); ++k) {
        const std::size_t qa = k < ordered.size() ? ordered[k].a : A.steps.size();
        const std::size_t qb = k < ordered.size() ? ordered[k].b : B.steps.size();
        // The gap: removed and added (or moved-here) steps, merged by the stage group they show in.
        std::vector<StepDiff> left, right;
        for (std::size_t a = i; a < qa; ++a)
            if (!moved_from[a]) left.push_back(make_row(a, kNoIndex, StepMatch::none));
        for (std::size_t b = j; b < qb; ++b)
            right.push_back(make_row(moved_to[b], b, moved_to[b] == kNoIndex ? StepMatch::none : StepMatch::moved));
        for (std::size_t x = 0, y = 0; x < left.size() || y < right.size();) {
            if (y == right.size() || (x < left.size() && left[x].stage <= right[y].stage)) diff.steps.push_back(std::move(left[x++]));
            else diff.steps.push_back(std::move(right[y++]));
        }
        if (k < ordered.size()) diff.steps.push_back(make_row(ordered[k].a, ordered[k].b, ordered[k].match));
        i = qa + 1;
        j = qb + 1;
    }
    for (const auto& row : diff.steps) {
        diff.added += row.kind == DiffKind::added;
        diff.removed += row.kind == DiffKind::removed;
        diff.changed += row.kind == DiffKind::changed;
        diff.same += row.kind == DiffKind::same;
    }
    return diff;
}

}  // namespace wm
