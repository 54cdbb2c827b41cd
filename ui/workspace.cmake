# The workspace's widgets: collections tree, tabs, environments.
target_sources(postern_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/variablehint.h ${CMAKE_CURRENT_LIST_DIR}/variablehint.cpp
)
target_sources(postern_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/requesttab.h ${CMAKE_CURRENT_LIST_DIR}/requesttab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/collectionstree.h ${CMAKE_CURRENT_LIST_DIR}/collectionstree.cpp
)
target_sources(postern_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/variableseditor.h ${CMAKE_CURRENT_LIST_DIR}/variableseditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/environmentsdialog.h ${CMAKE_CURRENT_LIST_DIR}/environmentsdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/itemsettingsdialog.h ${CMAKE_CURRENT_LIST_DIR}/itemsettingsdialog.cpp
)
target_sources(postern_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/requesttabs.h ${CMAKE_CURRENT_LIST_DIR}/requesttabs.cpp
)
target_sources(postern_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/importexport.h ${CMAKE_CURRENT_LIST_DIR}/importexport.cpp
)
target_sources(postern_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/sidebar.h ${CMAKE_CURRENT_LIST_DIR}/sidebar.cpp
)
