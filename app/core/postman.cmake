# Postman Collection v2.0/v2.1 and Postman environment files: import into the workspace's model and
# export back (v2.1); Interop finds which kind of file an import is. Core only, no widgets.
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/postmancollection.h ${CMAKE_CURRENT_LIST_DIR}/postmancollection.cpp
    ${CMAKE_CURRENT_LIST_DIR}/postmanexport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/postmanenvironment.h ${CMAKE_CURRENT_LIST_DIR}/postmanenvironment.cpp
    ${CMAKE_CURRENT_LIST_DIR}/interop.h ${CMAKE_CURRENT_LIST_DIR}/interop.cpp
)
