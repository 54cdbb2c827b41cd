# Token storage: metadata in a JSON file, secrets in a SecretStore.
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tokenstore.h ${CMAKE_CURRENT_LIST_DIR}/tokenstore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenstoremode.cpp
)
