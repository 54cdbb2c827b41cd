# The Body tab: a body type list over one page per mode (raw, form fields, form-data parts, a file,
# GraphQL).
target_sources(postern_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/formpartsmodel.h ${CMAKE_CURRENT_LIST_DIR}/formpartsmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/formpartseditor.h ${CMAKE_CURRENT_LIST_DIR}/formpartseditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bodyeditor.h ${CMAKE_CURRENT_LIST_DIR}/bodyeditor.cpp
)
