// [L2] of the sample workspace (index in sample.cpp): micro journeys, each linked from the macro
// step it details. Six are mapped in full; four are still being researched or not mapped yet, as in
// any real framework (the coverage view should show them as such).
#include "model/sample_internal.hpp"

namespace wm::sample {

namespace {

void sign_up_online(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Sign up online", 2, LaneTemplate::basics);
    b.describe("Ordering a SIM-only plan in the web shop, from the plan page to the confirmation email.",
               "Web shop team", JourneyStatus::live)
        .personas({ctx.zoe})
        .tags({"web shop", "checkout"})
        .stage("Start", {{"Opens the plan page"}, {"Configures data and contract length"}})
        .stage("Checkout", {{"Enters personal details"}, {"Uploads ID", "", true},
                            {"Chooses eSIM or a physical SIM"}, {"Pays the first month", "", true}})
        .stage("Confirm", {{"Gets the confirmation email"}})
        .row("Customer actions",
             {"Lands from a comparison site on the 20 GB plan", "Slides data from 10 to 20 GB, picks 12 months",
              "Types name, address and date of birth", "Photographs her passport with the phone camera",
              "Picks eSIM for instant activation", "Pays with iDEAL", "Reads the confirmation with the eSIM code"})
        .touch("Touchpoints",
               {{"Plan page", "Lumen website"},
                {"Plan configurator", "Lumen website"},
                {"Checkout form", "Lumen website"},
                {"ID upload", "Lumen website"},
                {"SIM choice", "Lumen website"},
                {"Payment page", "Bank / payment provider"},
                {"Confirmation email", "Email"}})
        .feel(ctx.zoe, {1, 1, 0, -2, 1, 0, 2})
        .rated("Pains",
               {{"", 0},
                {"The price changes with contract length, but the total isn't shown", 3},
                {"Address lookup fails for new-build streets", 3},
                {"ID upload fails on glare; works at the third attempt", 5},
                {"Not sure whether her phone supports eSIM", 3},
                {"Payment opens in a new tab and looks like phishing", 2},
                {"", 0}})
        .rated("Gains",
               {{"The deal from the comparison site is already selected", 3},
                {"Clear slider with the price per month", 2},
                {"", 0},
                {"", 0},
                {"eSIM means no waiting for the post", 4},
                {"", 0},
                {"Email arrives within a minute", 2}});
    b.finish();
}

void buy_in_store(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Buy a phone in a store", 2, LaneTemplate::service_blueprint);
    b.describe("A walk-in visit to buy a phone with a plan, as a service blueprint: what the customer sees, "
               "what staff do behind the counter and the systems that support them.",
               "Retail operations", JourneyStatus::live)
        .personas({ctx.maggie, ctx.henrik})
        .tags({"retail", "blueprint"})
        .stage("Arrive", {{"Walks in"}, {"Waits to be helped"}})
        .stage("Advice", {{"Tries phones with a specialist"}, {"Agrees on plan and phone", "", true}})
        .stage("Close", {{"Signs and pays"}, {"Gets the phone set up"},
                         {"Leaves with a working phone", "", true}})
        .row("Customer actions",
             {"Walks into the Södergatan store in Malmö on a Saturday", "Takes a ticket from the queue kiosk",
              "Holds two phones side by side, asks about camera and battery",
              "Agrees on a 24-month plan with the phone in instalments",
              "Signs on the tablet, pays the first instalment by card",
              "Watches the specialist move contacts and WhatsApp", "Leaves with the phone on and calls her daughter"})
        .touch("Frontstage",
               {{"Greeter at the door", "Lumen store"},
                {"Queue kiosk and screen", "Lumen store"},
                {"Specialist with demo phones", "Lumen store"},
                {"Sales tablet, turned to face the customer", "Lumen store"},
                {"Card terminal and e-signature", "Lumen store"},
                {"Setup desk", "Lumen store"},
                {"Goodbye and printed summary", "Lumen store"}})
        .row("Backstage",
             {"", "Manager moves staff to the floor when the queue passes five",
              "Specialist checks stock in the back room", "Sales tool builds the quote",
              "Credit check runs; contract generated", "SIM activated from the sales tool",
              "Follow-up call scheduled for day 3"})
        .row("Support processes",
             {"", "Queue management system", "Stock system, updated every four hours", "Price and offer catalogue",
              "Credit agency, contract archive", "Network provisioning, data-transfer app", "CRM task queue"})
        .row("Evidence",
             {"Shop window with this month's offer", "Queue ticket with the expected wait", "",
              "Quote printed or emailed", "Signed contract (PDF)", "", "Printed summary, bag and receipt"})
        .feel(ctx.maggie, {0, -2, 2, 1, -1, 3, 3})
        .feel(ctx.henrik, {0, -3, 1, 0, -1, 1, 2})
        .rated("Pains",
               {{"", 0},
                {"Saturday queue: 25 minutes and no seats", 4},
                {"The colour she wanted is only in stock online", 3},
                {"", 0},
                {"Ten minutes of credit check with nothing to do", 2},
                {"Data transfer fails for older phones", 3},
                {"", 0}});
    b.finish();
}

void port_my_number(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Port my number", 2, LaneTemplate::basics);
    b.describe("Moving a number from another operator to Lumen. The gap without service is the moment "
               "customers fear most.",
               "Network services", JourneyStatus::being_researched)
        .personas({ctx.zoe, ctx.henrik})
        .tags({"porting"})
        .stage("Request", {{"Decides to keep the number"}, {"Finds the porting code", "", true},
                           {"Enters the code and picks a date"}})
        .stage("Switch", {{"Waits for the switch"}, {"Loses signal on the old SIM", "", true},
                          {"Number works on Lumen"}})
        .row("Customer actions",
             {"Ticks 'keep my number' in the checkout", "Texts the old operator for the code, or calls them",
              "Enters the code and picks the earliest date", "Keeps using the old SIM",
              "Wakes up to 'No service'", "Gets a test call from a friend"})
        .touch("Touchpoints",
               {{"Checkout option", "Lumen website"},
                {"Old operator's SMS service", "Previous operator"},
                {"Porting form", "Lumen website"},
                {"Status SMS from Lumen", "SMS"},
                {"Old SIM", "Previous operator"},
                {"Welcome SMS", "SMS"}})
        .feel(ctx.zoe, {1, -2, 0, -1, -3, 2})
        .feel(ctx.henrik, {0, -3, -1, -1, -2, 2})
        .rated("Pains",
               {{"", 0},
                {"Every operator has its own way to hand out the code", 4},
                {"The date picker allows dates the old operator refuses", 3},
                {"No status until the day itself", 3},
                {"Up to four hours without any service", 5},
                {"", 0}})
        .rated("Gains",
               {{"Keeping the number removes the biggest worry about switching", 4},
                {"", 0},
                {"", 0},
                {"", 0},
                {"", 0},
                {"Contacts and bank codes by SMS keep working", 4}});
    b.finish();
}

void activate_esim(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Activate the eSIM", 2, LaneTemplate::basics);
    b.describe("Installing the eSIM from the QR code and getting the first signal.",
               "Femke Visser, Onboarding", JourneyStatus::live)
        .personas({ctx.zoe, ctx.maggie})
        .tags({"activation", "eSIM"})
        .stage("Prepare", {{"Receives the QR code"}, {"Checks the phone supports eSIM"}})
        .stage("Install", {{"Scans the QR code", "", true}, {"Sets Lumen as the main line"}})
        .stage("Confirm", {{"Waits for the network"}, {"Makes a test call"}})
        .row("Customer actions",
             {"Opens the email with the QR code, on the phone itself", "Looks for 'eSIM' in the phone settings",
              "Scans the code with the phone camera", "Chooses the line for calls, data and messages",
              "Restarts the phone after ten minutes without signal", "Calls voicemail, checks mobile data"})
        .touch("Touchpoints",
               {{"Order confirmation email", "Email"},
                {"Help article: supported phones", "Lumen website"},
                {"Phone settings", "Phone maker"},
                {"Phone settings", "Phone maker"},
                {"Activation SMS", "SMS"},
                {"", "SMS"}})
        .feel(ctx.zoe, {1, 0, 1, -1, -2, 2})
        .feel(ctx.maggie, {-1, -2, -3, -2, -2, 1})
        .rated("Pains",
               {{"The QR code is sent to the very phone that must scan it", 5},
                {"The article lists models, not how to check your own", 2},
                {"The code works once; a failed scan needs a new one from support", 5},
                {"Jargon: primary, secondary, default line", 3},
                {"No feedback while the network activates", 4},
                {"", 0}})
        .rated("Gains",
               {{"", 0},
                {"", 0},
                {"When it works, it takes under a minute", 4},
                {"", 0},
                {"", 0},
                {"No SIM tray, no PIN", 3}});
    b.finish();
}

void contact_support_bill(SampleContext& ctx) {
    JourneyBuilder b(ctx, "Contact support about a bill", 2, LaneTemplate::basics);
    b.describe("Asking why a bill is higher than expected, from the help pages to a resolution. Reached from "
               "two macro journeys: the first bill after joining, and the bill after a renewal.",
               "Customer care", JourneyStatus::live)
        .personas({ctx.henrik, ctx.maggie})
        .tags({"billing", "care"})
        .stage("Seek help", {{"Looks for an answer in the app"}, {"Starts a chat"}})
        .stage("Get help", {{"Is passed to an agent"}, {"Explains the problem"},
                            {"Gets an explanation or a credit", "", true}})
        .stage("Follow up", {{"Checks the next bill"}})
        .row("Customer actions",
             {"Taps Help, then Billing, in the app", "Types 'why is my bill higher' into the chat",
              "Waits for an agent after the bot gives up", "Repeats the account number and the charge",
              "Gets a €6.50 credit for a roaming charge", "Opens next month's bill to check the credit"})
        .touch("Touchpoints",
               {{"Help section in the app", "Lumen app"},
                {"Chat bot", "Live chat"},
                {"Live chat queue", "Live chat"},
                {"Billing agent", "Live chat"},
                {"Credit confirmation email", "Email"},
                {"Invoice PDF", "Invoice"}})
        .feel(ctx.henrik, {-1, -2, -3, -2, 1, 0})
        .feel(ctx.maggie, {-2, -3, -3, -1, 1, 1})
        .rated("Pains",
               {{"The FAQ explains pro-rating in general, not this bill", 3},
                {"The bot can't see the bill", 4},
                {"Twelve minutes' wait with no place in the queue shown", 4},
                {"Has to repeat everything typed to the bot", 4},
                {"", 0},
                {"The credit shows as a code, not in words", 2}})
        .rated("Gains",
               {{"", 0},
                {"", 0},
                {"", 0},
                {"", 0},
                {"The agent fixes it in one go and explains the roaming cap", 4},
                {"", 0}});
    b.finish();
}

// Lighter journeys: stages and steps, a few cards, as the team has them today.
void lighter_journeys(SampleContext& ctx) {
    {
        JourneyBuilder b(ctx, "Check coverage at my address", 2, LaneTemplate::basics);
        b.describe("Looking up coverage for a home or work address before switching.", "Network marketing",
                   JourneyStatus::unmapped)
            .personas({ctx.zoe})
            .stage("Look up", {{"Enters an address"}, {"Reads the coverage map"}})
            .stage("Decide", {{"Asks about indoor coverage"}});
        b.finish();
    }
    {
        JourneyBuilder b(ctx, "Pay the first bill", 2, LaneTemplate::basics);
        b.describe("The first bill: notification, reading it, paying it.", "Billing", JourneyStatus::being_researched)
            .personas({ctx.henrik})
            .stage("Bill arrives", {{"Gets the bill notification"}, {"Opens the PDF", "", true}})
            .stage("Pay", {{"Checks the direct debit date"}, {"Pays or disputes"}})
            .row("Customer actions",
                 {"Gets an email: 'Your first Lumen bill'", "Sees €31.40 instead of €20",
                  "Checks the debit date in the app", "Lets the debit run, or calls"})
            .feel(ctx.henrik, {0, -2, 0, -1})
            .rated("Pains", {{"", 0}, {"Part of a month and a full month on one bill", 5}, {"", 0}, {"", 0}});
        b.finish();
    }
    {
        JourneyBuilder b(ctx, "Upgrade my phone", 2, LaneTemplate::basics);
        b.describe("Swapping to a new phone at renewal, with a trade-in.", "Base management", JourneyStatus::unmapped)
            .personas({ctx.henrik})
            .stage("Prepare", {{"Checks upgrade eligibility"}, {"Gets a trade-in quote"}})
            .stage("Upgrade", {{"Chooses the new phone"}, {"Sends in the old phone"}});
        b.finish();
    }
    {
        JourneyBuilder b(ctx, "Cancel my contract", 2, LaneTemplate::basics);
        b.describe("Ending a contract: finding out how, confirming identity, hearing an offer, getting it in writing.",
                   "Customer care", JourneyStatus::being_researched)
            .personas({ctx.zoe, ctx.henrik})
            .stage("Request", {{"Finds how to cancel"}, {"Confirms identity"}})
            .stage("Close", {{"Hears an offer"}, {"Gets written confirmation", "", true}})
            .rated("Pains", {{"Only by phone", 5}, {"Security questions nobody remembers", 3}, {"", 0},
                             {"Confirmation takes five days", 3}});
        b.finish();
    }
}

}  // namespace

void add_micro_journeys(SampleContext& ctx) {
    sign_up_online(ctx);
    buy_in_store(ctx);
    port_my_number(ctx);
    activate_esim(ctx);
    contact_support_bill(ctx);
    lighter_journeys(ctx);

    link(ctx, "Comparing plans", 4, "Check coverage at my address");
    link(ctx, "Buying a phone plan", 2, "Sign up online");
    link(ctx, "Buying a phone plan", 3, "Buy a phone in a store");
    link(ctx, "Buying a phone plan", 6, "Port my number");
    link(ctx, "Getting started", 0, "Activate the eSIM");
    link(ctx, "Getting started", 4, "Pay the first bill");
    // One micro journey, two parents: the same bill conversation after joining and after renewing.
    link(ctx, "Getting started", 5, "Contact support about a bill");
    link(ctx, "Renewing a contract", 3, "Contact support about a bill");
    link(ctx, "Renewing a contract", 2, "Upgrade my phone");
    link(ctx, "Leaving Lumen", 2, "Cancel my contract");
    // The redesign reuses the micro journeys that stay the same.
    link(ctx, "Buying a phone plan (to-be)", 2, "Sign up online");
    link(ctx, "Buying a phone plan (to-be)", 3, "Buy a phone in a store");
}

}  // namespace wm::sample
