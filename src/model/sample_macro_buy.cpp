// [L1 BUY] of the sample workspace (index in sample.cpp): the macro journeys of Consideration and
// Purchase, including the to-be redesign of "Buying a phone plan".
#include "model/sample_internal.hpp"

namespace wm::sample {

namespace {

void comparing_plans(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Comparing plans", 1, LaneTemplate::basics);
    b.describe("From the first doubt about the current plan to a shortlist with Lumen on it. Most of it "
               "happens on channels Lumen does not own: search, comparison sites, reviews and friends.",
               "Sanne de Vries, Acquisition marketing", JourneyStatus::live)
        .personas({ctx.zoe, ctx.henrik})
        .tags({"acquisition", "digital"})
        .stage("Orient", {{"Feels the current plan is too expensive",
                           "Trigger: a price-rise letter, a friend's cheaper deal, or running out of data mid-month."},
                          {"Searches for SIM-only deals"}})
        .stage("Compare", {{"Uses a comparison site", "Filters by data, price and contract length.", true},
                           {"Reads reviews and social posts"},
                           {"Checks coverage at home and work"}})
        .stage("Shortlist", {{"Works out the total cost", "Monthly fee, phone instalments and discounts over the contract.", true},
                             {"Picks Lumen and clicks through"}})
        .row("Customer actions",
             {"Gets a price-rise letter from the current operator and starts wondering",
              "Searches for 'best SIM only deal 20GB'",
              "Filters a comparison site by data and price, sorts by monthly cost",
              "Scans app-store ratings and a Reddit thread about network speed",
              "Types home and office postcodes into the coverage map",
              "Adds up fee, instalments and the introductory discount over 24 months",
              "Clicks through from the comparison site to Lumen's plan page"})
        .touch("Touchpoints",
               {{"Price-rise letter from the old operator", "Previous operator"},
                {"Search results and paid ads", "Search engine"},
                {"Comparison site listing", "Comparison sites"},
                {"App-store reviews, Reddit, TikTok", "Social media"},
                {"Coverage map on the Lumen website", "Lumen website"},
                {"Plan page with price breakdown", "Lumen website"},
                {"Referral link to the plan page", "Comparison sites"}})
        .feel(ctx.zoe, {-1, 0, 1, -1, 0, -2, 1})
        .feel(ctx.henrik, {-2, -1, 0, 0, 1, -1, 1})
        .rated("Pains",
               {{"The price rise came without any warning", 3},
                {"", 0},
                {"Listings show the promo price, not the total over the contract", 4},
                {"Reviews mix Lumen up with other networks on the same masts", 2},
                {"The map shows outdoor signal only; indoor is a guess", 4},
                {"Has to do the maths on a calculator", 5},
                {"The deal on Lumen's site doesn't match the listing", 3}})
        .rated("Gains",
               {{"Finally a reason to look for something better", 2},
                {"", 0},
                {"Lumen sits in the top three for price per GB", 3},
                {"Friends in Malmö rate the 5G in the city centre", 3},
                {"All green on the map at home", 4},
                {"", 0},
                {"Keeps the comparison site's cashback", 2}});
    b.finish();
}

void buying_current(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Buying a phone plan", 1, LaneTemplate::basics);
    b.describe("Choosing a plan (with or without a phone) and getting it in hand, online or in a store. "
               "Measured by conversion per market and product line.",
               "Pieter Jansen, Sales & channels", JourneyStatus::live)
        .personas({ctx.zoe, ctx.henrik, ctx.maggie})
        .tags({"acquisition", "omnichannel"})
        .stage("Choose", {{"Picks a plan and a phone", "Plan configurator; phone shown with a monthly instalment."},
                          {"Checks if the phone is in stock", "Stock indicator on the phone page, updated nightly."}})
        .stage("Order", {{"Orders online", "Web shop checkout."},
                         {"Visits a store", "Walk-in; wait for the next free specialist."},
                         {"Passes the credit check", "External check for phone instalments; takes up to 10 minutes.", true},
                         {"Signs the contract", "E-signature by email or on the store tablet."}})
        .stage("Receive", {{"Keeps the old number", "Porting form asks for the old operator's code.", true},
                           {"Waits for delivery", "Courier delivers on a weekday, 8:00 to 18:00."},
                           {"Receives the phone and SIM", "SIM sent separately by post.", true}})
        .row("Customer actions",
             {"Chooses 20 GB SIM only, or a plan with a mid-range phone",
              "Sees 'ships in 5–7 days' on the phone page",
              "Fills in details, ID and bank account in the web shop",
              "Goes to the store to see the phone in person",
              "Waits while the credit check runs",
              "Signs the contract on the phone or on the store tablet",
              "Ticks 'keep my number' and enters the old operator's details",
              "Checks the tracking link a few times a day",
              "Unpacks the phone and finds the SIM comes in a separate envelope"})
        .touch("Touchpoints",
               {{"Plan configurator", "Lumen website"},
                {"Stock indicator", "Lumen website"},
                {"Web shop checkout", "Lumen website"},
                {"Lumen store, Södergatan, Malmö", "Lumen store"},
                {"Credit agency check", "Credit agency"},
                {"E-signature email", "Email"},
                {"Number-porting form", "Lumen website"},
                {"Courier tracking page", "Courier"},
                {"Box, welcome letter and SIM", "Courier"}})
        .feel(ctx.zoe, {1, -1, 1, 0, -2, 0, -1, -1, 2})
        .feel(ctx.henrik, {0, -2, 0, 1, -1, -1, -2, -1, 1})
        .feel(ctx.maggie, {-1, -1, -3, 2, -1, -2, -2, -1, 0})
        .rated("Pains",
               {{"Too many combinations of data, phone and contract length", 3},
                {"Stock online is not the same as stock in the store", 4},
                {"Checkout asks for the ID number twice", 2},
                {"Saturday queue of 25 minutes", 3},
                {"A declined check gives no reason and no alternative", 5},
                {"The contract summary runs to 14 pages", 2},
                {"Fears losing the number; the form asks for a code they don't have", 4},
                {"Delivery window is the whole day", 3},
                {"SIM arrives separately, sometimes a day later", 4}})
        .rated("Gains",
               {{"Monthly price shown including the phone", 3},
                {"", 0},
                {"Order done in under ten minutes when all goes well", 3},
                {"Staff set up the phone and move contacts", 5},
                {"", 0},
                {"Signing on the phone, no printing", 2},
                {"", 0},
                {"", 0},
                {"Nice unboxing; the phone is already charged", 2}});
    b.finish();
}

// The redesign, compared step by step with the current journey: two steps added ("Gets a plan
// recommendation", "Chooses a delivery slot"), two removed ("Checks if the phone is in stock",
// "Waits for delivery"), and several kept by name with a changed description.
void buying_to_be(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Buying a phone plan (to-be)", 1, LaneTemplate::basics);
    b.describe("The 2027 redesign: live stock, an instant credit decision with a fallback offer, porting without "
               "codes and the eSIM ready in the box. Being prototyped with customers in Utrecht and Malmö.",
               "Pieter Jansen, Sales & channels", JourneyStatus::prototype)
        .personas({ctx.zoe, ctx.henrik, ctx.maggie})
        .tags({"acquisition", "omnichannel", "to-be 2027"})
        .stage("Choose", {{"Gets a plan recommendation", "Three questions about usage give one recommended plan."},
                          {"Picks a plan and a phone", "Live store and warehouse stock shown next to each phone."}})
        .stage("Order", {{"Orders online", "Web shop checkout."},
                         {"Visits a store", "Books a 20-minute slot with a specialist, or walks in.", false},
                         {"Passes the credit check", "Instant decision; if declined, a SIM-only or lower-limit offer on the spot.", true},
                         {"Signs the contract", "E-signature by email or on the store tablet."}})
        .stage("Receive", {{"Keeps the old number", "With consent, Lumen fetches the porting code itself.", true},
                           {"Chooses a delivery slot", "Two-hour slots, evenings included, or pick up in store."},
                           {"Receives the phone and SIM", "eSIM already on the phone; physical SIM in the same box.", true}})
        .row("Customer actions",
             {"Answers three questions about calls, data and travel",
              "Sees 'in stock at Stadsplein, Utrecht' next to the phone",
              "Checks out with ID scanned once and reused",
              "Arrives for a booked slot; the specialist already has the quote",
              "Gets a decision in seconds",
              "Signs with one tap",
              "Gives consent; Lumen handles the rest",
              "Picks Thursday 19:00–21:00",
              "Switches on the phone; Lumen is already connected"})
        .touch("Touchpoints",
               {{"Plan finder", "Lumen website"},
                {"Live stock on the phone page", "Lumen website"},
                {"Web shop checkout", "Lumen website"},
                {"Appointment booking and store visit", "Lumen store"},
                {"Instant credit decision", "Credit agency"},
                {"E-signature in the app", "Lumen app"},
                {"Porting consent screen", "Lumen website"},
                {"Delivery slot picker", "Courier"},
                {"Box with pre-installed eSIM", "Courier"}})
        .feel(ctx.zoe, {1, 1, 2, 0, 0, 1, 1, 1, 3})
        .feel(ctx.maggie, {0, 0, -1, 3, 0, -1, 1, 1, 2})
        .rated("Pains",
               {{"", 0},
                {"", 0},
                {"", 0},
                {"Walk-ins still queue on Saturdays", 2},
                {"A fallback offer may still disappoint", 2},
                {"", 0},
                {"Consent wording must be crystal clear", 2},
                {"", 0},
                {"Older phones without eSIM still need the physical SIM", 1}})
        .rated("Gains",
               {{"Confidence of a plan chosen for me", 3},
                {"No wasted trip to the store", 4},
                {"", 0},
                {"A specialist who expects me", 5},
                {"Always leaves with an offer", 4},
                {"", 0},
                {"No code hunting", 5},
                {"Delivery when I'm home", 4},
                {"Connected out of the box", 5}});
    Journey& to_be = b.journey();
    to_be.state = JourneyState::to_be;
    to_be.counterpart = ctx.journey("Buying a phone plan");
    b.finish();
}

}  // namespace

void add_consideration_and_purchase(SampleContext& ctx) {
    comparing_plans(ctx);
    buying_current(ctx);
    buying_to_be(ctx);
    link(ctx, "Customer lifecycle", 1, "Comparing plans");
    link(ctx, "Customer lifecycle", 2, "Buying a phone plan");
    // The redesign sits in the same framework cell as the journey it redesigns, so it is never an
    // orphan and the Purchase column shows both versions.
    link(ctx, "Customer lifecycle", 2, "Buying a phone plan (to-be)");
}

}  // namespace wm::sample
