# The Body tab: a body type list over one page per mode (raw, form fields, form-data parts, a file,
# GraphQL). The row-table bases serve the Params and Headers tables too.
target_sources(postern_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/rowtablemodel.h ${CMAKE_CURRENT_LIST_DIR}/rowtablemodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rowtableview.h ${CMAKE_CURRENT_LIST_DIR}/rowtableview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/formpartsmodel.h ${CMAKE_CURRENT_LIST_DIR}/formpartsmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/formpartseditor.h ${CMAKE_CURRENT_LIST_DIR}/formpartseditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bodyeditor.h ${CMAKE_CURRENT_LIST_DIR}/bodyeditor.cpp
)
