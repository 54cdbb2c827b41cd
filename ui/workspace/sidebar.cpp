#include "ui/workspace/sidebar.h"

#include "ui/history/historypane.h"
#include "ui/workspace/collectionstree.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

Sidebar::Sidebar(Workspace *workspace, HistoryStore *history, QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(u"sidebar"_s);
    setAccessibleName(u"Sidebar"_s);
    setDocumentMode(true);

    auto *collectionsPage = new QWidget(this);
    auto *layout = new QVBoxLayout(collectionsPage);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *buttons = new QHBoxLayout;
    auto *newCollection = new QPushButton(u"New"_s, collectionsPage);
    newCollection->setObjectName(u"newCollectionButton"_s);
    newCollection->setAccessibleName(u"New collection"_s);
    newCollection->setToolTip(u"New collection"_s);
    auto *import = new QPushButton(u"Import\u2026"_s, collectionsPage);
    import->setObjectName(u"importButton"_s);
    import->setAccessibleName(u"Import a Postman or Postern file"_s);
    import->setToolTip(
        u"Import a Postman collection or environment, a Postern file or a curl command (Ctrl+O)"_s);
    buttons->addWidget(newCollection);
    buttons->addWidget(import);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_tree = new CollectionsTree(workspace, collectionsPage);
    layout->addWidget(m_tree, 1);
    addTab(collectionsPage, u"C&ollections"_s);
    connect(newCollection, &QPushButton::clicked, this, &Sidebar::newCollectionRequested);
    connect(import, &QPushButton::clicked, this, &Sidebar::importRequested);

    m_history = new HistoryPane(this);
    m_history->setObjectName(u"historyPane"_s);
    m_history->setStore(history);
    addTab(m_history, u"Histor&y"_s); // Alt+H is the Help menu
}

} // namespace Postern
