// Links the browser follows for the UI: the address of a record inside the app (what
// "Copy link" copies), opening an external link from article content in a new tab, and
// going to a record through the deep-link hash the workspace watches.
#pragma once
#include <string>

namespace casehub::platform {

// "https://host/path#/knowledgearticle/<id>": the page's own address with the record's hash.
std::string record_url(const std::string& entity, const std::string& id);

// Opens an http(s)/mailto link in a new tab, never giving it a handle on this page.
void open_external(const std::string& url);

// Sets location.hash to "#/<entity>/<id>" (the workspace opens the record).
void go_to_record(const std::string& entity, const std::string& id);

}  // namespace casehub::platform
