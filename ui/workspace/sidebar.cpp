#include "ui/workspace/sidebar.h"

#include "ui/history/historypane.h"
#include "ui/widgets/deferredpage.h"
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
    setAccessibleName(tr("Sidebar"));
    setDocumentMode(true);

    auto *collectionsPage = new QWidget(this);
    auto *layout = new QVBoxLayout(collectionsPage);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *buttons = new QHBoxLayout;
    auto *newCollection = new QPushButton(tr("New"), collectionsPage);
    newCollection->setObjectName(u"newCollectionButton"_s);
    newCollection->setAccessibleName(tr("New collection"));
    newCollection->setToolTip(tr("New collection"));
    auto *import = new QPushButton(tr("Import…"), collectionsPage);
    import->setObjectName(u"importButton"_s);
    import->setAccessibleName(tr("Import a Postman or Postern file"));
    import->setToolTip(
        tr("Import a Postman collection or environment, a Postern file or a curl command (Ctrl+O)"));
    buttons->addWidget(newCollection);
    buttons->addWidget(import);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_tree = new CollectionsTree(workspace, collectionsPage);
    layout->addWidget(m_tree, 1);
    addTab(collectionsPage, tr("C&ollections"));
    connect(newCollection, &QPushButton::clicked, this, &Sidebar::newCollectionRequested);
    connect(import, &QPushButton::clicked, this, &Sidebar::importRequested);

    m_historyPage = new DeferredPage(
        [this, history](QWidget *page) {
            m_history = new HistoryPane(page);
            m_history->setObjectName(u"historyPane"_s);
            m_history->setStore(history);
            connect(m_history, &HistoryPane::openRequested, this, &Sidebar::historyOpenRequested);
            return m_history;
        },
        this);
    addTab(m_historyPage, tr("Histor&y")); // Alt+H is the Help menu
}

HistoryPane *Sidebar::historyPane()
{
    m_historyPage->content();
    return m_history;
}

} // namespace Postern
