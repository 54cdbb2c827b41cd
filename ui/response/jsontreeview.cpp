#include "ui/response/jsontreeview.h"

#include "ui/response/jsontreemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

JsonTreeView::JsonTreeView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_expandButton = new QToolButton(this);
    m_expandButton->setObjectName(u"expandAllButton"_s);
    m_expandButton->setText(tr("Expand All"));
    m_expandButton->setToolTip(tr("Open every row (up to %1 rows)").arg(QLocale().toString(MaxExpandedRows)));
    m_expandButton->setFocusPolicy(Qt::StrongFocus);
    m_collapseButton = new QToolButton(this);
    m_collapseButton->setObjectName(u"collapseAllButton"_s);
    m_collapseButton->setText(tr("Collapse All"));
    m_collapseButton->setFocusPolicy(Qt::StrongFocus);
    bar->addWidget(m_expandButton);
    bar->addWidget(m_collapseButton);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_model = new JsonTreeModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"responseTree"_s);
    m_tree->setAccessibleName(tr("Response body as a tree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true); // rows are laid out without asking each one its size
    m_tree->setAlternatingRowColors(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(JsonTreeModel::KeyColumn, 260);
    layout->addWidget(m_tree, 1);

    const auto action = [this](const QString &text, const QKeySequence &keys, void (JsonTreeView::*slot)()) {
        auto *a = new QAction(text, this);
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WidgetShortcut);
        m_tree->addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QAction *copyValueAction = action(tr("Copy &Value"), QKeySequence::Copy, &JsonTreeView::copyValue);
    QAction *copyPathAction
        = action(tr("Copy &Path"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), &JsonTreeView::copyPath);
    QAction *copyKeyAction = action(tr("Copy &Key"), QKeySequence(), &JsonTreeView::copyKey);
    connect(m_tree, &QTreeView::customContextMenuRequested, this,
            [this, copyValueAction, copyPathAction, copyKeyAction](const QPoint &at) {
                if (!m_tree->currentIndex().isValid())
                    return;
                QMenu menu(this);
                menu.addAction(copyValueAction);
                menu.addAction(copyPathAction);
                menu.addAction(copyKeyAction);
                menu.exec(m_tree->viewport()->mapToGlobal(at));
            });
    connect(m_expandButton, &QToolButton::clicked, this, &JsonTreeView::expandAll);
    connect(m_collapseButton, &QToolButton::clicked, this, &JsonTreeView::collapseAll);
    setFocusProxy(m_tree);
}

void JsonTreeView::setIndex(std::shared_ptr<const JsonIndex> index, bool matches)
{
    m_matches = matches;
    m_model->setPathsShown(!matches);
    m_model->setIndex(std::move(index));
    // The first top row is current, so the keyboard starts somewhere and a reader announces it.
    if (m_model->rowCount() > 0)
        m_tree->setCurrentIndex(m_model->index(0, 0));
    const bool any = m_model->rowCount() > 0;
    m_expandButton->setEnabled(any);
    m_collapseButton->setEnabled(any);
}

void JsonTreeView::expandAll()
{
    // Level by level (QTreeView::expandAll() walks the levels recursively: a body nested a hundred
    // thousand deep would overflow the stack), as deep as the row limit and MaxExpandedDepth allow.
    const int deepest = m_model->maximumDepth();
    const std::vector<qsizetype> rows = m_model->rowsByDepth();
    int depth = -1;
    while (depth < deepest && depth + 1 < MaxExpandedDepth && size_t(depth + 1) < rows.size()
           && rows[size_t(depth + 1)] <= MaxExpandedRows)
        ++depth;
    const QLocale locale;
    if (depth < 0) {
        Q_EMIT message(tr("Not expanded: the first level alone would show more than %1 rows.")
                           .arg(locale.toString(MaxExpandedRows)));
        return;
    }
    m_tree->expandToDepth(depth);
    if (depth < deepest)
        Q_EMIT message(tr("Expanded %1 of %2 levels (%3 rows); open deeper rows one by one.")
                           .arg(locale.toString(depth + 1), locale.toString(deepest),
                                locale.toString(rows[size_t(depth)])));
}

void JsonTreeView::collapseAll()
{
    m_tree->collapseAll();
}

void JsonTreeView::copy(int role, const QString &copied)
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid())
        return;
    QApplication::clipboard()->setText(current.siblingAtColumn(0).data(role).toString());
    Q_EMIT message(copied);
}

void JsonTreeView::copyValue()
{
    copy(JsonTreeModel::CopyRole, tr("Copied the value."));
}

void JsonTreeView::copyPath()
{
    if (m_matches) {
        Q_EMIT message(tr("No path to copy: the tree shows a filter's matches, not the body."));
        return;
    }
    copy(JsonTreeModel::PathRole, tr("Copied the path."));
}

void JsonTreeView::copyKey()
{
    copy(Qt::DisplayRole, tr("Copied the key."));
}

} // namespace Postern
