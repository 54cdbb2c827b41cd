# cURL commands in and out of a request ("Import cURL", "Copy as cURL"), over POSIX shell word splitting.
# Core only, no widgets.
target_sources(postern_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/shellwords.h ${CMAKE_CURRENT_LIST_DIR}/shellwords.cpp
    ${CMAKE_CURRENT_LIST_DIR}/curloptions.h ${CMAKE_CURRENT_LIST_DIR}/curloptions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/curlcommand.h ${CMAKE_CURRENT_LIST_DIR}/curlcommand.cpp
    ${CMAKE_CURRENT_LIST_DIR}/curlimporter.h ${CMAKE_CURRENT_LIST_DIR}/curlimportoptions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/curlexport.cpp
)
