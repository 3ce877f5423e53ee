// Demo knowledge base structure, added after the demo articles exist: translations
// linked to their root, a category tree, article links to categories, products and
// related articles, and a draft 1.1 version in review. Pure and deterministic for a seed.
#pragma once
#include "core/demo/demo_data.hpp"

namespace casehub {

// Adds the structure to the articles generate_demo_data made (found by their public
// numbers KA-00001..KA-00012); does nothing when they are not there.
void add_demo_knowledge(const DemoOptions& options, Store& store);

}  // namespace casehub
