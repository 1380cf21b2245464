// The browser's store::Backend: the storage policy's typed requests written as the JSON messages of
// web/app.js's storage() (IndexedDB through web/storage.js), its replies and events read back. The
// one place that knows those messages on the C++ side; web/app.js lists them in its storage section.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "store/storage.hpp"

namespace wm::platform {

// The page's storage, for the App's store::Persistence; lives as long as the page.
store::Backend& web_storage();

// A "storageEvent" the page sent ({type: "flush" | "writer" | "remoteSave" | "persist", …}), or
// nothing when it is not one.
std::optional<store::Event> read_storage_event(std::string_view json);

// The transport under the bridge (web_platform.cpp): one request to web/app.js's storage(), answered
// on a later frame. Only storage_bridge.cpp calls it.
struct StorageReply {
    bool ok = false;
    std::string json;    // the answer, or {name, message} of the error
    std::string bytes;   // snapshot bytes, when the answer carries one
};
using StorageCallback = std::function<void(StorageReply)>;
void storage(std::string_view op, std::string_view json_arg, std::string_view bytes, StorageCallback done);

}  // namespace wm::platform
