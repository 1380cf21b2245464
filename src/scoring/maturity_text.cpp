// The words of the maturity scan: the questionnaire, stage and area names, and what to do next.
// Our own wording, drawing on the seeds (001: the five stages and three mastery areas; 002: the
// advice for a scaling team such as "create a hierarchy of journeys", "standardise how you map
// journeys"). Computation lives in maturity.cpp.
#include "scoring/maturity.hpp"

namespace wm::maturity {

const std::vector<Question>& questionnaire() {
    // Immutable data, built once; the order is the order the questionnaire asks in.
    static const std::vector<Question> kQuestions = {
        // Deep customer insight ---------------------------------------------------------------
        {"insight.research", Area::insight, "How does your team learn what customers need?",
         {"Mostly from opinions and what colleagues assume.",
          "Some projects run interviews or surveys, each in its own way.",
          "Research with real customers happens before a journey is mapped.",
          "A research plan covers every key journey and is refreshed regularly.",
          "Contact with customers is continuous, and every team draws on it."}},
        {"insight.repository", Area::insight, "Where do your customer insights live?",
         {"In people's heads, slide decks and inboxes.",
          "In project folders and spreadsheets that few people find.",
          "In one shared repository that the CX team uses.",
          "In one repository, linked to journey steps, used across departments.",
          "The repository is the first place anyone looks: it shows what we know and what we don't."}},
        {"insight.personas", Area::insight, "How do you use personas?",
         {"We have none, or only marketing segments.",
          "A few exist, made for one project and rarely used again.",
          "Need-based personas are attached to the journeys we map.",
          "One agreed set of personas is used in every journey across the company.",
          "Personas are kept current with new evidence and steer decisions."}},
        {"insight.validation", Area::insight, "How do you know an insight is true?",
         {"We don't check: one anecdote is enough.",
          "Sometimes it is backed by data, but nobody records how.",
          "We record whether each insight is assumed, observed or validated.",
          "Insights are validated with more than one source and re-checked on a schedule.",
          "Stale or unvalidated evidence is spotted at once and acted on as routine."}},
        {"insight.shared", Area::insight, "Who understands how customers experience their journeys?",
         {"A few individuals, each with a different picture.",
          "The CX or research team.",
          "Every team that works on a journey.",
          "Most of the company, leadership included.",
          "Everyone, and they speak the same language about customers."}},
        // Standardised journey framework -------------------------------------------------------
        {"framework.hierarchy", Area::framework, "Is there an overview of all your journeys?",
         {"No: journeys are mapped one at a time, when a project needs one.",
          "There is a list of journeys, but they are not connected.",
          "Our journeys form a hierarchy (lifecycle, macro, micro) for our part of the business.",
          "One hierarchy of journeys covers the whole company and is kept current.",
          "The journey framework is the single source of truth people find their way by."}},
        {"framework.standard-maps", Area::framework, "How are journeys mapped?",
         {"Everyone uses their own format and tool.",
          "A few templates exist, used now and then.",
          "Our projects map journeys one standard way: stages, steps and lanes.",
          "All teams and departments map journeys the same way.",
          "The standard improves with use, and newcomers learn it in their first week."}},
        {"framework.current-to-be", Area::framework, "Do you work with current and to-be journeys?",
         {"We map how things should be, or nothing at all.",
          "We map current journeys for some projects.",
          "Journeys we are changing have a current and a to-be version.",
          "Every key journey has a current and a to-be version, compared step by step.",
          "To-be journeys drive the roadmap and are checked once delivered."}},
        {"framework.ownership", Area::framework, "Who owns the journeys?",
         {"Nobody in particular.",
          "Whoever made the map.",
          "Each mapped journey has a named owner.",
          "Owners sit in every department, even the ones far from customers.",
          "Owners answer for their journeys' KPIs in performance reviews."}},
        {"framework.measurement", Area::framework, "How are journeys measured?",
         {"Not at all: we look at channel or product figures.",
          "Some journeys have KPIs, collected by hand.",
          "Key journeys have KPIs with targets.",
          "Journey KPIs roll up into the business KPIs of the customer lifecycle.",
          "Journey KPIs shape strategy and budgets."}},
        // Customer-centric prioritisation -------------------------------------------------------
        {"prioritisation.backlog", Area::prioritisation, "Where do opportunities go?",
         {"Requests and ideas sit in separate lists per team, if anywhere.",
          "Each project keeps its own list of ideas.",
          "Opportunities are linked to the journey step they would improve.",
          "One continuously updated backlog spans all journeys.",
          "That backlog is the agreed input for every team's planning."}},
        {"prioritisation.common-rules", Area::prioritisation, "How do you decide what to do first?",
         {"The loudest voice or the most senior opinion wins.",
          "Each team scores ideas in its own way.",
          "Our team scores opportunities with a written-down model.",
          "Everyone scores opportunities by the same rules, criteria and weights.",
          "The common rules are reviewed, trusted, and vetoes are rare."}},
        {"prioritisation.customer-value", Area::prioritisation, "How much does customer value weigh in priorities?",
         {"Hardly at all: business figures decide.",
          "It is talked about but not scored.",
          "A customer score, backed by insights, is part of every priority.",
          "Customer value and business value are scored side by side for every opportunity.",
          "The strength of the evidence counts too, and weakly supported ideas are tested first."}},
        {"prioritisation.business-goals", Area::prioritisation, "Are priorities tied to business goals?",
         {"Not explicitly.",
          "Loosely, project by project.",
          "Business value is scored against goals we have written down.",
          "The lifecycle's goals and KPIs feed every score.",
          "Strategy and priorities are set together, from the journey framework."}},
        {"prioritisation.will-not-do", Area::prioritisation, "Do you decide what you will not do?",
         {"No: everything stays on the list forever.",
          "Ideas are dropped without anyone saying so.",
          "Our projects record \"will not do\" decisions.",
          "\"Will not do\" decisions and their reasons are visible to everyone.",
          "Saying no is routine, and decisions are revisited when the evidence changes."}},
    };
    return kQuestions;
}

const char* area_name(Area area) {
    switch (area) {
        case Area::insight: return "Deep customer insight";
        case Area::framework: return "Standardised journey framework";
        case Area::prioritisation: return "Customer-centric prioritisation";
    }
    return "";
}

const char* area_key(Area area) {
    switch (area) {
        case Area::insight: return "insight";
        case Area::framework: return "framework";
        case Area::prioritisation: return "prioritisation";
    }
    return "";
}

const char* stage_name(int stage) {
    switch (stage) {
        case 1: return "Intuition-driven";
        case 2: return "Introducing process";
        case 3: return "Journey-driven workflow";
        case 4: return "Company-wide framework";
        case 5: return "Journey mastery";
        default: return "Not assessed";
    }
}

const char* stage_summary(int stage) {
    switch (stage) {
        case 1: return "Everyone has a different idea of what customers need.";
        case 2: return "Methods are appearing, but teams use different ones and different tools.";
        case 3: return "Journeys are part of every project.";
        case 4: return "Journeys are organised company-wide and start shaping strategy.";
        case 5: return "Everyone understands the customer experience; the journeys are the single source of truth.";
        default: return "Answer the questions of every area to place the team on the scale.";
    }
}

std::vector<std::string> next_steps(Area area, int stage) {
    if (stage < 1) stage = 1;
    if (stage > 5) stage = 5;
    switch (area) {
        case Area::insight:
            switch (stage) {
                case 1: return {"Interview five customers about one journey before you map it, and write down what you heard.",
                                "Collect what the team already knows (support contacts, survey answers, analytics) in one list of insights.",
                                "Draft one or two need-based personas from those interviews."};
                case 2: return {"Keep insights in one shared repository instead of project folders.",
                                "Record for every insight whether it is assumed, observed or validated, and where it comes from.",
                                "Link each insight to the journey step it is about."};
                case 3: return {"Attach personas to every journey you map, and look at the map through each persona.",
                                "Re-validate insights older than your staleness limit, starting with those behind big opportunities.",
                                "Invite other departments to add their evidence to the repository."};
                case 4: return {"Make the repository the first stop for every new project, and show what you do not know yet.",
                                "Keep personas current: review them whenever new evidence changes a need or a pain.",
                                "Teach new colleagues the research methods and the shared vocabulary."};
                default: return {"Keep evidence fresh: put re-validation on a schedule and act on stale insights.",
                                 "Share what customers teach you in company-wide reviews, not only within CX."};
            }
        case Area::framework:
            switch (stage) {
                case 1: return {"List the journeys you know and place each under a stage of the customer lifecycle.",
                                "Map one important journey as it is today, with stages, steps and a few lanes."};
                case 2: return {"Create a hierarchy of journeys: the lifecycle on top, macro journeys under its stages, micro journeys under their steps.",
                                "Standardise how you map journeys: the same stages-steps-lanes structure and lane templates for everyone.",
                                "Give every journey a named owner."};
                case 3: return {"Map the lifecycle stages and macro-journey steps that have no journey yet.",
                                "Add a to-be version to every journey you are changing and compare it with the current one.",
                                "Attach KPIs with targets to each macro journey and roll them up to the lifecycle."};
                case 4: return {"Bring the departments furthest from customers (legal, procurement, finance) into the framework.",
                                "Use journey KPIs against target in quarterly performance reviews.",
                                "Let the to-be journeys drive the roadmap."};
                default: return {"Keep the framework the single source of truth: retire maps that live elsewhere.",
                                 "Check delivered to-be journeys against their KPIs and update the current maps."};
            }
        case Area::prioritisation:
            switch (stage) {
                case 1: return {"Write every idea for improvement down as an opportunity, with the journey step it would improve.",
                                "Agree on two questions for every opportunity: how much does it help the customer, and the business?"};
                case 2: return {"Keep one backlog of opportunities for all journeys instead of one list per project.",
                                "Score opportunities by common rules: the same criteria, weights and scales for every team.",
                                "Record what you will not do, and why."};
                case 3: return {"Score every open opportunity on every criterion of the common rules.",
                                "Back customer scores with validated insights, and let evidence strength count.",
                                "Tie business value to the lifecycle's KPIs and goals."};
                case 4: return {"Make the common backlog the input of every team's planning.",
                                "Review the scoring rules with stakeholders once a quarter so that vetoes stay out of the room.",
                                "Revisit \"will not do\" decisions when the evidence changes."};
                default: return {"Measure delivered opportunities against the KPIs they were meant to move, and feed that back into the rules.",
                                 "Keep business and customer priorities equally visible in every decision."};
            }
    }
    return {};
}

}  // namespace wm::maturity
