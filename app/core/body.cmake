# Body modes on the wire: raw, x-www-form-urlencoded, multipart/form-data, a file, GraphQL, and the
# working-directory rule for the files they read. Core only.
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/requestbody.h ${CMAKE_CURRENT_LIST_DIR}/requestbody.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fileaccess.h ${CMAKE_CURRENT_LIST_DIR}/fileaccess.cpp
)
