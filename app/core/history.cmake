# Request history and the persistent cookie jar: JSON files the workspace places, written atomically.
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/historyentry.h ${CMAKE_CURRENT_LIST_DIR}/historyentry.cpp
    ${CMAKE_CURRENT_LIST_DIR}/historystore.h ${CMAKE_CURRENT_LIST_DIR}/historystore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cookiestore.h ${CMAKE_CURRENT_LIST_DIR}/cookiestore.cpp
)
