#pragma once

#include <QTabWidget>

namespace Postern {

class CollectionsTree;
class HistoryPane;
class HistoryStore;
class Workspace;

// The main window's left side: the Collections tab (New and Import above the tree, so that an empty
// workspace says where to start) and the History tab. Neither the workspace nor the history store is
// owned; what the buttons ask for is the owner's to do.
class Sidebar : public QTabWidget
{
    Q_OBJECT

public:
    Sidebar(Workspace *workspace, HistoryStore *history, QWidget *parent = nullptr);

    CollectionsTree *tree() const { return m_tree; }
    HistoryPane *historyPane() const { return m_history; }

Q_SIGNALS:
    void newCollectionRequested();
    void importRequested();

private:
    CollectionsTree *m_tree = nullptr;
    HistoryPane *m_history = nullptr;
};

} // namespace Postern
