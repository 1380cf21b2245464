// Share links: the size limit and the plain-words messages (the compression itself is the browser's).
#include <doctest/doctest.h>

#include "io/share_link.hpp"

using namespace wm;

TEST_CASE("a share link's capacity is what base64url fits in the character limit after the prefix") {
    CHECK(io::share_capacity_bytes(0) == io::kShareLinkMaxChars / 4 * 3);
    CHECK(io::share_capacity_bytes(40) == (io::kShareLinkMaxChars - 40) / 4 * 3);
    // Whatever fits is whole base64 quads: 4 characters per 3 bytes never exceed the limit.
    const std::size_t prefix = 37;
    CHECK(prefix + io::share_capacity_bytes(prefix) / 3 * 4 <= io::kShareLinkMaxChars);
    CHECK(io::share_capacity_bytes(io::kShareLinkMaxChars) == 0);
    CHECK(io::share_capacity_bytes(io::kShareLinkMaxChars + 5) == 0);
}

TEST_CASE("sizes read as people count them") {
    CHECK(io::share_size_text(1) == "1 byte");
    CHECK(io::share_size_text(820) == "820 bytes");
    CHECK(io::share_size_text(3400) == "3.4 KB");
    CHECK(io::share_size_text(23970) == "24 KB");
}

TEST_CASE("share messages say what happened and what to do, in plain words") {
    const std::string big = io::share_too_large_message(181500, 23970);
    CHECK(big == "This workspace is too large for a link (182 KB compressed; links hold up to 24 KB). "
                 "Use File \xE2\x80\xBA Export to share it as a file.");
    CHECK(io::share_copied_message(9100).find("Share link copied (9.1 KB)") == 0);
    CHECK(io::share_copied_message(9100).find("nothing is sent to a server") != std::string::npos);
    CHECK(io::share_not_copied_message(500).find("500 bytes") != std::string::npos);
    CHECK(io::share_damaged_message() == "This share link is damaged or incomplete, so nothing was opened.");
    CHECK(io::share_opened_message("Lumen") == "Opened the shared workspace \xE2\x80\x9CLumen\xE2\x80\x9D as a new document.");
}
