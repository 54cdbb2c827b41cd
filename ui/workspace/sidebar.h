#pragma once

#include "http/httprequest.h"

#include <QTabWidget>

namespace Postern {

class CollectionsTree;
class DeferredPage;
class HistoryPane;
class HistoryStore;
class Workspace;

// The main window's left side: the Collections tab (New and Import above the tree, so that an empty
// workspace says where to start) and the History tab, made when first opened (or asked for). Neither
// the workspace nor the history store is owned; what the buttons ask for is the owner's to do.
class Sidebar : public QTabWidget
{
    Q_OBJECT

public:
    Sidebar(Workspace *workspace, HistoryStore *history, QWidget *parent = nullptr);

    CollectionsTree *tree() const { return m_tree; }
    HistoryPane *historyPane(); // makes the History tab's page

Q_SIGNALS:
    void newCollectionRequested();
    void importRequested();
    // An entry of the History tab to open (HistoryPane::openRequested()).
    void historyOpenRequested(const HttpRequest &request);

private:
    CollectionsTree *m_tree = nullptr;
    DeferredPage *m_historyPage = nullptr;
    HistoryPane *m_history = nullptr;
};

} // namespace Postern
