// [L1 KEEP] of the sample workspace (index in sample.cpp): activation, renewal and leaving. Each
// uses a different lane template so the sample shows all of them.
#include "model/sample_internal.hpp"

namespace wm::sample {

namespace {

void getting_started(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Getting started", 1, LaneTemplate::five_layers);
    b.describe("The first 30 days: from an inactive SIM to a customer who uses the app and understands the "
               "first bill. Activation is an L0 KPI; most first-month contacts start here.",
               "Femke Visser, Onboarding", JourneyStatus::live)
        .personas({ctx.zoe, ctx.henrik, ctx.maggie})
        .tags({"activation", "onboarding"})
        .stage("Connect", {{"Inserts the SIM or scans the eSIM code", "", true},
                           {"Makes the first call and uses data"}})
        .stage("Settle in", {{"Downloads the Lumen app"}, {"Sets up family lines and extras"}})
        .stage("First bill", {{"Receives the first bill", "Pro-rated: part of the first month plus the next month.", true},
                              {"Asks about an unexpected charge"}})
        .rated("Drivers",
               {{"Wants the new phone working before the old contract ends", 4},
                {"Expects the 5G speeds promised in the ad", 3},
                {"Wants to see data use at a glance", 3},
                {"Wants one account for the whole family", 4},
                {"Wants the bill to match what was agreed", 5},
                {"Wants a quick, clear answer", 4}})
        .rated("Barriers",
               {{"The eSIM QR code expired before it was scanned", 5},
                {"Port not finished: calls still ring on the old SIM", 4},
                {"App login needs a customer number that is only on the paper letter", 3},
                {"Adding a line is not possible in the app; it needs a call", 3},
                {"The pro-rated first bill looks higher than the plan price", 5},
                {"The chat bot loops back to the FAQ", 4}})
        .row("Value proposition",
             {"Connected in minutes, wherever you bought", "Reliable 5G in every city we serve",
              "Everything in one app", "Family lines share one bill and a data pool",
              "No surprises on your bill", "A real person within two minutes"})
        .row("Marketing objectives",
             {"Activate 95% of new lines within 7 days", "", "70% of new customers active in the app by day 30",
              "A second line for 12% of new accounts", "Halve first-bill contacts", ""})
        .row("Contact rules",
             {"Not active 48 h after delivery: SMS with a help link; at 96 h: an outbound call", "",
              "Day 3: app invite, only if not logged in yet",
              "Day 14: family offer to single-line accounts in a household of two or more",
              "Two days before the first bill: a 'what to expect' email", ""})
        .touch("Channels",
               {{"SMS with activation help link", "SMS"},
                {"Network welcome SMS", "SMS"},
                {"App store listing", "App stores"},
                {"In-app offer", "Lumen app"},
                {"Bill-explainer email", "Email"},
                {"Live chat and phone", "Live chat"}})
        .row("Offers & content",
             {"Step-by-step eSIM video (60 seconds)", "", "1 GB bonus for logging in to the app",
              "Second line at half price for 6 months", "Annotated sample bill", ""})
        .row("Business case",
             {"Each line not activated costs about €38 in support and lost revenue", "", "",
              "12% attach at €9 a month: about €1.1 m a year",
              "First-bill contacts cost €4.20 each, 31,000 a year", ""})
        .row("Test & learn",
             {"A/B test: help SMS at 24 h versus 48 h", "", "Bonus size: 1 GB versus 3 GB", "",
              "Explainer email versus an in-app card", ""})
        .row("Data",
             {"Activation event from the network within minutes", "", "App login linked to the customer record", "",
              "Bill lines tagged as pro-rated", ""})
        .row("People",
             {"Store staff activate before the customer leaves", "", "", "", "",
              "Billing specialists on chat at peak times"})
        .row("Process",
             {"Re-issue an eSIM code without a store visit", "", "", "",
              "Check the first bill of every new account before it is sent", ""})
        .row("Technology",
             {"eSIM provisioning platform upgrade", "", "App login by email link instead of customer number", "",
              "", ""});
    b.finish();
}

void renewing(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Renewing a contract", 1, LaneTemplate::three_layers);
    b.describe("The months before a contract ends: reminders, comparing the renewal offer with new-customer "
               "deals, upgrading the phone or moving to SIM only.",
               "Lotta Berg, Base management", JourneyStatus::being_researched)
        .personas({ctx.henrik, ctx.maggie})
        .tags({"retention", "base"})
        .stage("Approaching the end", {{"Gets a renewal reminder"},
                                       {"Compares the offer with new-customer deals", "", true}})
        .stage("Decide", {{"Chooses to upgrade the phone or go SIM only"},
                          {"Asks about the bill and the offer"}})
        .stage("Renew", {{"Accepts the offer"}, {"Gets the new phone or the new price", "", true}})
        .row("Business goals",
             {"Contact every contract 90 days before it ends", "Keep revenue per user while moving people to SIM only",
              "Upgrade 40% of renewing customers in the app", "", "Renew 70% before the end date",
              "New price live on the next bill"})
        .rated("Customer needs",
               {{"Wants to know the end date without asking", 3},
                {"Wants the same deal new customers get", 5},
                {"Wants a fair trade-in price", 4},
                {"Wants the whole family's lines renewed together", 4},
                {"Wants to renew in two taps", 3},
                {"Wants to see the lower price straight away", 4}})
        .feel(ctx.henrik, {0, -3, -1, -2, 1, 2})
        .feel(ctx.maggie, {-1, -2, -1, 0, 1, 1})
        .touch("Channels",
               {{"Renewal email and app notification", "Email"},
                {"Competitor ads and comparison sites", "Comparison sites"},
                {"Upgrade page in the app", "Lumen app"},
                {"Call centre", "Call centre"},
                {"One-tap renewal in the app", "Lumen app"},
                {"First bill after renewal", "Invoice"}})
        .row("Messages",
             {"'Your contract ends on 14 March: here is what we can do for you'",
              "'Loyal customers pay what new customers pay' (planned)", "The trade-in value of your current phone",
              "", "Confirmation with the new monthly price", "'Your new price starts today'"})
        .row("Cadence",
             {"Email at day −90, app at −60, SMS at −30", "", "", "Call back within one working day", "",
              "One note on the bill"})
        .row("Inbound/outbound interactions",
             {"Outbound: the reminder sequence", "Inbound: 'why do new customers get a better price?'", "",
              "Outbound retention call for high-value family accounts", "Inbound: renewal in the app or a store", ""})
        .row("Data collection",
             {"Contract end dates, last six months of usage", "Weekly competitor price scan", "Trade-in quotes", "",
              "Renewal channel and offer accepted", ""})
        .row("Customer data",
             {"Contract end date sits in billing, not in the CRM", "Propensity-to-leave score, monthly", "",
              "Family account structure incomplete for 18% of accounts", "", ""})
        .row("Technology",
             {"Campaigns triggered from a nightly billing extract", "", "Trade-in partner API", "",
              "Renewal flow in the app (new in 2026)", ""});
    b.finish();
}

void leaving(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Leaving Lumen", 1, LaneTemplate::basics);
    b.describe("From doubt to porting out, and what happens after. Research started after churn rose in the "
               "spring; retention calls and the final bill stand out.",
               "Lotta Berg, Base management", JourneyStatus::being_researched)
        .personas({ctx.zoe, ctx.henrik})
        .tags({"churn", "retention"})
        .stage("Doubt", {{"Has a bad experience or sees a better deal"}, {"Looks for how to cancel"}})
        .stage("Leave", {{"Asks to leave", "", true}, {"Hears a retention offer"},
                         {"Ports the number to a new operator"}})
        .stage("After", {{"Pays the final bill", "", true}, {"Gets win-back messages"}})
        .row("Customer actions",
             {"Sees a 50 GB deal from a competitor on TikTok", "Searches the Lumen site for 'cancel'",
              "Calls the retention line, as the help page says", "Listens to an offer of 10 GB extra",
              "Gives the new operator the porting code", "Pays a final bill with an early-exit fee",
              "Receives 'come back' emails every week"})
        .touch("Touchpoints",
               {{"Competitor ad", "Social media"},
                {"Help centre search", "Lumen website"},
                {"Retention phone line", "Call centre"},
                {"Retention agent", "Call centre"},
                {"New operator's shop", "Other operator"},
                {"Final invoice", "Invoice"},
                {"Win-back emails", "Email"}})
        .feel(ctx.zoe, {-2, -1, -2, 0, 1, -3, -1})
        .feel(ctx.henrik, {-3, -2, -2, 1, 0, -2, -1})
        .rated("Pains",
               {{"Felt ignored after the third complaint about dropped calls", 4},
                {"No 'cancel' anywhere in the app", 5},
                {"Phone only, 20 minutes on hold", 4},
                {"The offer feels like a reward for threatening to leave", 3},
                {"", 0},
                {"The exit fee was not mentioned during the call", 5},
                {"Too many emails after leaving", 2}})
        .rated("Gains",
               {{"", 0},
                {"", 0},
                {"", 0},
                {"Some stay: the offer solves the real problem", 3},
                {"Number moved the next working day", 4},
                {"", 0},
                {"", 0}});
    b.finish();
}

}  // namespace

void add_onboarding_renew_leave(SampleContext& ctx) {
    getting_started(ctx);
    renewing(ctx);
    leaving(ctx);
    link(ctx, "Customer lifecycle", 3, "Getting started");
    link(ctx, "Customer lifecycle", 5, "Renewing a contract");
    link(ctx, "Customer lifecycle", 6, "Leaving Lumen");
}

}  // namespace wm::sample
