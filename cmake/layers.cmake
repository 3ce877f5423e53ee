# The allowed include directions of the source tree, in one table read by the build
# (core/CMakeLists.txt makes one library per core layer and compiles it against an include
# root holding only what it may see) and by tests/check_layers.cmake (CTest: every
# #include of core/, wasm/ and server/ is checked, with a sentence naming the offence).
#
# Each entry is "<folder>:<folders it may include, besides itself and their own lists>".
# Define bottom-up. "." is the tree's top folder (files such as wasm/main.cpp).

set(CASEHUB_CORE_LAYERS
  "base:"
  "text:base"
  "schema:text"
  "store:schema"
  "metadata:store"
  "i18n:schema"
  "search:text"
  "security:store"
  "apply:security"
  "domain/activities:apply"
  "domain/knowledge:apply search"
  "domain/sla:apply"
  "domain/process:apply"
  "domain/queues:apply"
  "domain/cases:apply"
  "domain/contacts:schema"
  "domain/routing:domain/process domain/queues domain/cases"
  "sync:apply"
  "app:domain/activities domain/knowledge domain/sla domain/routing domain/contacts sync metadata i18n"
  "demo:app")

# The browser client: platform/ (browser glue) never sees the data layer or the UI;
# client/ (the data layer) never sees the UI; app/ puts them together in the frame loop.
# The UI: widgets/ (generic drawing, no entity names) <- views/ (screens: they take the
# read model and UI state and return intents, never the data layer) <- extensions/
# (entity-specific form parts, registered by app/form_extensions). i18n/ is the string
# table under all of them. Every wasm folder may include any of core/.
set(CASEHUB_WASM_LAYERS
  "platform:"
  "client:platform"
  "ui/i18n:"
  "ui/widgets:ui/i18n"
  "ui/views:ui/widgets platform"
  "ui/extensions:ui/views platform"
  "app:ui/extensions client platform"
  ".:app")

# The server: storage/ holds the store interfaces, storage/sqlite/ their SQLite
# implementations (the only folder that includes <sqlite3.h>); services/ (sync, auth,
# scheduled jobs) see only the interfaces; http/ (routes, the JSON edge, static files)
# calls services; the top folder (config, the composition root server_app, main) puts
# them together. Every server folder may include any of core/ (never wasm/).
set(CASEHUB_SERVER_LAYERS
  "storage:"
  "storage/sqlite:storage"
  "services:storage"
  "http:services"
  ".:http services storage storage/sqlite")

# casehub_layer_visible(<table> <folder> <out>): the folders <folder> may include.
function(casehub_layer_visible table folder out)
  set(result "${folder}")
  foreach(entry ${${table}})
    string(FIND "${entry}" ":" colon)
    string(SUBSTRING "${entry}" 0 ${colon} name)
    if(name STREQUAL folder)
      math(EXPR start "${colon} + 1")
      string(SUBSTRING "${entry}" ${start} -1 deps)
      string(REPLACE " " ";" deps "${deps}")
      foreach(dep ${deps})
        casehub_layer_visible(${table} "${dep}" dep_visible)
        list(APPEND result ${dep_visible})
      endforeach()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES result)
  set(${out} "${result}" PARENT_SCOPE)
endfunction()
