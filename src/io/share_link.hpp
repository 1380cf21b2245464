// Share links: a whole workspace carried in a URL fragment (#share=…), compressed by the browser
// (CompressionStream 'deflate-raw', base64url). The page (web/app.js) compresses and decompresses;
// this file holds the pure rules the app and tests share: how long a link may be and what the user
// is told, in plain words. The fragment never reaches a server (browsers do not send it).
#pragma once

#include <cstddef>
#include <string>

namespace wm::io {

// The longest share link Waymark makes, in characters: what every current browser opens (Chrome and
// Firefox take megabytes; Safari's address bar is the tightest, at about 80,000 characters). Mail
// and most chat apps carry links this long; some (e.g. short-message chats) cut them, so the message
// after copying gives the size. The sample workspace makes a link of about 62,000 characters.
inline constexpr std::size_t kShareLinkMaxChars = 80000;

// The fragment that marks a share link: origin + path + kShareFragment + base64url data.
inline constexpr const char* kShareFragment = "#share=";

// Compressed bytes a link of `prefix_chars` (origin, path and fragment marker) can hold at most:
// base64url turns every 3 bytes into 4 characters.
std::size_t share_capacity_bytes(std::size_t prefix_chars);

// A size for people: "820 bytes", "3.4 KB", "23 KB" (KB = 1,000 bytes, as browsers and chat apps count).
std::string share_size_text(std::size_t bytes);

std::string share_too_large_message(std::size_t compressed_bytes, std::size_t capacity_bytes);
std::string share_copied_message(std::size_t link_chars);
std::string share_not_copied_message(std::size_t link_chars);
std::string share_damaged_message();
std::string share_opened_message(const std::string& name);

}  // namespace wm::io
