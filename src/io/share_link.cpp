#include "io/share_link.hpp"

#include <cstdio>

namespace wm::io {

std::size_t share_capacity_bytes(std::size_t prefix_chars) {
    if (prefix_chars >= kShareLinkMaxChars) return 0;
    return (kShareLinkMaxChars - prefix_chars) / 4 * 3;
}

std::string share_size_text(std::size_t bytes) {
    if (bytes < 1000) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    char buffer[32];
    const double kb = static_cast<double>(bytes) / 1000.0;
    if (kb < 10) std::snprintf(buffer, sizeof buffer, "%.1f KB", kb);
    else std::snprintf(buffer, sizeof buffer, "%.0f KB", kb);
    return buffer;
}

std::string share_too_large_message(std::size_t compressed_bytes, std::size_t capacity_bytes) {
    return "This workspace is too large for a link (" + share_size_text(compressed_bytes) + " compressed; links hold up to " +
           share_size_text(capacity_bytes) + "). Use File \xE2\x80\xBA Export to share it as a file.";
}

std::string share_copied_message(std::size_t link_chars) {
    return "Share link copied (" + share_size_text(link_chars) +
           "). Anyone who opens it gets a copy of this workspace; nothing is sent to a server.";
}

std::string share_not_copied_message(std::size_t link_chars) {
    return "The browser did not let Waymark use the clipboard: copy the share link (" + share_size_text(link_chars) +
           ") from the window that opened.";
}

std::string share_damaged_message() { return "This share link is damaged or incomplete, so nothing was opened."; }

std::string share_opened_message(const std::string& name) {
    return "Opened the shared workspace \xE2\x80\x9C" + name + "\xE2\x80\x9D as a new document.";
}

}  // namespace wm::io
