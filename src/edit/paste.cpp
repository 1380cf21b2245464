// Copy and paste on the journey map (paste.hpp documents the behaviour).
#include "edit/paste.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "edit/commands.hpp"
#include "edit/locate.hpp"
#include "model/limits.hpp"

namespace wm::edit {

using detail::quoted;
using detail::quoted_or;

// [SECTION] Paste plan --------------------------------------------------------------------------------

namespace {

// Per-cell notes are capped: a column of 5,000 words pasted onto an emotion lane should produce a
// readable message, not 5,000 lines.
constexpr std::size_t kMaxCellNotes = 10;

std::string count_of(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Surrounding ASCII whitespace and no-break spaces (U+00A0, which text copied from web pages into a
// spreadsheet often carries).
std::string_view trim(std::string_view s) {
    while (true) {
        if (!s.empty() && is_space(static_cast<unsigned char>(s.front())))
            s.remove_prefix(1);
        else if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0')
            s.remove_prefix(2);
        else
            break;
    }
    while (true) {
        if (!s.empty() && is_space(static_cast<unsigned char>(s.back())))
            s.remove_suffix(1);
        else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s[s.size() - 1] == '\xA0')
            s.remove_suffix(2);
        else
            break;
    }
    return s;
}

// Cards hold LF line breaks whatever the spreadsheet's platform wrote inside the cell.
std::string unix_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Cuts to at most `limit` bytes without splitting a UTF-8 sequence: if the first byte dropped is a
// continuation byte, its lead byte goes too (at most 3 steps back, so invalid text cannot run away).
bool cut_to(std::string& s, std::size_t limit) {
    if (s.size() <= limit) return false;
    std::size_t cut = limit;
    for (int k = 0; k < 3 && cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80; ++k) --cut;
    s.resize(cut);
    return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A whole number as a spreadsheet may show it: "2", "+2", "-2", "−2" (U+2212), "2.0" or "2,0".
std::optional<int> parse_score(std::string_view s) {
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    } else if (s.substr(0, 3) == "\xE2\x88\x92") {
        negative = true;
        s.remove_prefix(3);
    }
    std::size_t i = 0;
    int value = 0;
    for (; i < s.size() && is_digit(s[i]); ++i)
        if (value < 1'000'000) value = value * 10 + (s[i] - '0');  // beyond any scale: stop growing
    if (i == 0) return std::nullopt;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        const std::size_t zeros = ++i;
        while (i < s.size() && s[i] == '0') ++i;
        if (i == zeros) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    return negative ? -value : value;
}

// Every step of the journey in map order.
std::vector<const Step*> map_steps(const Journey& journey) {
    std::vector<const Step*> steps;
    for (const auto& stage : journey.stages)
        for (const auto& step : stage.steps) steps.push_back(&step);
    return steps;
}

std::string place(const Lane& lane, const Step& step) {
    return (lane.name.empty() ? std::string("unnamed lane") : lane.name) + ", step " +
           quoted_or(step.name, "“(untitled)”");
}

struct Cell {
    std::size_t row = 0, column = 0;
};

class Notes {
public:
    explicit Notes(std::vector<std::string>& out) : out_(out) {}
    void cell_note(std::string note) {
        if (cell_notes_++ < kMaxCellNotes) out_.push_back(std::move(note));
    }
    void finish_cell_notes() {
        if (cell_notes_ > kMaxCellNotes)
            out_.push_back("and " + count_of(cell_notes_ - kMaxCellNotes, "more cell", "more cells") + " like these");
    }

private:
    std::vector<std::string>& out_;
    std::size_t cell_notes_ = 0;
};

bool has_emotion(const Journey& journey, const EmotionScore& e) {
    for (const auto& x : journey.emotions)
        if (x.lane == e.lane && x.step == e.step && x.persona == e.persona) return true;
    return false;
}

}  // namespace

PastePlan plan_paste(const Workspace& ws, const Journey& journey, std::size_t first_lane, std::size_t first_step,
                     const Grid& grid, Id persona) {
    PastePlan plan;
    Notes notes(plan.notes);
    const std::vector<const Step*> steps = map_steps(journey);
    const bool persona_ok = persona.is_nil() || find_by_id(ws.personas, persona) != nullptr;
    const int lo = ws.settings.emotion_min, hi = ws.settings.emotion_max;
    std::vector<Cell> card_cells, score_cells;  // where each planned card / score came from
    std::size_t outside = 0, orphan_scores = 0;

    for (std::size_t r = 0; r < grid.size(); ++r) {
        for (std::size_t c = 0; c < grid[r].size(); ++c) {
            const std::string_view text = trim(grid[r][c]);
            if (text.empty()) continue;
            // Written as differences so that huge start indices cannot overflow.
            if (first_lane >= journey.lanes.size() || r >= journey.lanes.size() - first_lane ||
                first_step >= steps.size() || c >= steps.size() - first_step) {
                ++outside;
                continue;
            }
            const Lane& lane = journey.lanes[first_lane + r];
            const Step& step = *steps[first_step + c];
            if (lane.kind == LaneKind::emotion) {
                const std::optional<int> score = parse_score(text);
                if (!score || *score < lo || *score > hi) {
                    ++plan.skipped;
                    notes.cell_note(quoted(text) + " is not a score from " + std::to_string(lo) + " to " +
                                    std::to_string(hi) + " (" + place(lane, step) + ")");
                } else if (!persona_ok) {
                    ++plan.skipped;
                    ++orphan_scores;
                } else {
                    plan.emotions.push_back(EmotionScore{lane.id, step.id, persona, *score});
                    score_cells.push_back({r, c});
                }
                continue;
            }
            Card card;
            card.id = new_id();
            card.lane = lane.id;
            card.step = step.id;
            card.text = unix_newlines(text);
            if (cut_to(card.text, limits::kMaxTextBytes))
                notes.cell_note("The text for " + place(lane, step) + " was too long and was cut to " +
                                std::to_string(limits::kMaxTextBytes) + " bytes");
            plan.cards.push_back(std::move(card));
            card_cells.push_back({r, c});
        }
    }
    notes.finish_cell_notes();

    plan.skipped += static_cast<int>(outside);
    if (outside > 0)
        plan.notes.push_back(count_of(outside, "cell", "cells") + (outside == 1 ? " fell outside the map and was not pasted"
                                                                               : " fell outside the map and were not pasted"));
    if (orphan_scores > 0)
        plan.notes.push_back("The persona to score for no longer exists: " + count_of(orphan_scores, "score was", "scores were") +
                             " not pasted");

    // Workspace totals (limits.hpp): what would not fit is dropped from the end of the paste.
    std::size_t cards_now = 0, scores_now = 0;
    for (const auto& j : ws.journeys) {
        cards_now += j.cards.size();
        scores_now += j.emotions.size();
    }
    const std::size_t card_room = cards_now < limits::kMaxCards ? limits::kMaxCards - cards_now : 0;
    if (plan.cards.size() > card_room) {
        const std::size_t dropped = plan.cards.size() - card_room;
        plan.cards.resize(card_room);
        card_cells.resize(card_room);
        plan.skipped += static_cast<int>(dropped);
        plan.notes.push_back("The workspace can hold at most " + std::to_string(limits::kMaxCards) + " cards: " +
                             count_of(dropped, "card was", "cards were") + " not pasted");
    }
    // Only scores at new points add to the total; the others replace a score.
    std::size_t score_room = scores_now < limits::kMaxEmotionScores ? limits::kMaxEmotionScores - scores_now : 0;
    std::size_t kept = 0, dropped_scores = 0;
    for (std::size_t k = 0; k < plan.emotions.size(); ++k) {
        const bool is_new = !has_emotion(journey, plan.emotions[k]);
        if (is_new && score_room == 0) {
            ++dropped_scores;
            continue;
        }
        if (is_new) --score_room;
        plan.emotions[kept] = plan.emotions[k];
        score_cells[kept] = score_cells[k];
        ++kept;
    }
    plan.emotions.resize(kept);
    score_cells.resize(kept);
    if (dropped_scores > 0) {
        plan.skipped += static_cast<int>(dropped_scores);
        plan.notes.push_back("The workspace can hold at most " + std::to_string(limits::kMaxEmotionScores) +
                             " emotion scores: " + count_of(dropped_scores, "score was", "scores were") + " not pasted");
    }

    for (const auto* cells : {&card_cells, &score_cells})
        for (const Cell& cell : *cells) {
            plan.rows = std::max(plan.rows, static_cast<int>(cell.row) + 1);
            plan.columns = std::max(plan.columns, static_cast<int>(cell.column) + 1);
        }
    return plan;
}

// [SECTION] Paste command -----------------------------------------------------------------------------

Command paste_command(Id journey, PastePlan plan) {
    if (plan.empty()) {
        std::string why = "Nothing to paste: ";
        why += plan.notes.empty() ? std::string("the copied cells are empty") : plan.notes.front();
        why += '.';
        return Command([why](Transaction&) { return Result::refuse(why); });
    }
    std::string label = "Paste ";
    if (!plan.cards.empty()) label += count_of(plan.cards.size(), "card", "cards");
    if (!plan.cards.empty() && !plan.emotions.empty()) label += " and ";
    if (!plan.emotions.empty()) label += count_of(plan.emotions.size(), "score", "scores");

    std::vector<Command> steps;
    // The plan was made from an earlier state of the document: the card total is checked again when
    // the paste runs (add_cards checks the lanes and steps themselves).
    const std::size_t adding = plan.cards.size();
    steps.push_back(Command([journey, adding](Transaction& tx) -> Result {
        if (!find_by_id(tx.ws().journeys, journey)) return Result::refuse("That journey no longer exists.");
        std::size_t total = 0;
        for (const auto& j : tx.ws().journeys) total += j.cards.size();
        if (total + adding > limits::kMaxCards)
            return Result::refuse("The workspace can hold at most " + std::to_string(limits::kMaxCards) +
                                  " cards; this paste would go beyond that.");
        return Result::ok();
    }));
    if (!plan.cards.empty()) steps.push_back(add_cards(journey, std::move(plan.cards)));
    for (const auto& e : plan.emotions) steps.push_back(set_emotion(journey, e.lane, e.step, e.persona, e.score));
    return sequence(std::move(label), std::move(steps));
}

// [SECTION] Copy --------------------------------------------------------------------------------------

Grid cards_to_grid(const Journey& journey, const std::vector<Id>& cards, std::size_t* first_lane, std::size_t* first_step) {
    if (first_lane) *first_lane = 0;
    if (first_step) *first_step = 0;
    const std::unordered_set<Id> wanted(cards.begin(), cards.end());
    std::unordered_map<Id, std::size_t> lane_at, step_at;
    for (std::size_t i = 0; i < journey.lanes.size(); ++i) lane_at.emplace(journey.lanes[i].id, i);
    const std::vector<const Step*> steps = map_steps(journey);
    for (std::size_t i = 0; i < steps.size(); ++i) step_at.emplace(steps[i]->id, i);

    struct Placed {
        std::size_t lane, step;
        const std::string* text;
    };
    std::vector<Placed> placed;  // in journey order, which is the order within a cell
    for (const auto& card : journey.cards) {
        if (!wanted.count(card.id)) continue;
        const auto lane = lane_at.find(card.lane);
        const auto step = step_at.find(card.step);
        if (lane == lane_at.end() || step == step_at.end()) continue;
        placed.push_back({lane->second, step->second, &card.text});
    }
    if (placed.empty()) return {};

    std::size_t top = placed[0].lane, bottom = top, left = placed[0].step, right = left;
    for (const auto& p : placed) {
        top = std::min(top, p.lane);
        bottom = std::max(bottom, p.lane);
        left = std::min(left, p.step);
        right = std::max(right, p.step);
    }
    const std::size_t columns = right - left + 1;
    Grid grid(bottom - top + 1, std::vector<std::string>(columns));
    std::vector<char> filled((bottom - top + 1) * columns, 0);  // a card with empty text still fills its cell
    for (const auto& p : placed) {
        const std::size_t r = p.lane - top, c = p.step - left;
        std::string& cell = grid[r][c];
        if (filled[r * columns + c]) cell += '\n';
        cell += *p.text;
        filled[r * columns + c] = 1;
    }
    if (first_lane) *first_lane = top;
    if (first_step) *first_step = left;
    return grid;
}

}  // namespace wm::edit
