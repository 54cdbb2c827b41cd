# Body modes on the wire: raw, x-www-form-urlencoded, multipart/form-data, a file, GraphQL. Core only.
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/requestbody.h ${CMAKE_CURRENT_LIST_DIR}/requestbody.cpp
)
