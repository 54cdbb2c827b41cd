# Widgets for the request history and the cookie jar.
target_sources(postern_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/historypane.h ${CMAKE_CURRENT_LIST_DIR}/historypane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cookiesview.h ${CMAKE_CURRENT_LIST_DIR}/cookiesview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cookiemanagerdialog.h ${CMAKE_CURRENT_LIST_DIR}/cookiemanagerdialog.cpp
)
