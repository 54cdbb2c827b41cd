# The workspace: collections, environments and variables as plain JSON files, drafts, history and
# cookies. Core only, no widgets.
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/variables.h ${CMAKE_CURRENT_LIST_DIR}/variables.cpp
    ${CMAKE_CURRENT_LIST_DIR}/collection.h ${CMAKE_CURRENT_LIST_DIR}/collection.cpp
    ${CMAKE_CURRENT_LIST_DIR}/environment.h ${CMAKE_CURRENT_LIST_DIR}/environment.cpp
)
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/workspacesecrets.h ${CMAKE_CURRENT_LIST_DIR}/workspacesecrets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workspace.h ${CMAKE_CURRENT_LIST_DIR}/workspace.cpp
)
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/sessionstore.h ${CMAKE_CURRENT_LIST_DIR}/sessionstore.cpp
)
