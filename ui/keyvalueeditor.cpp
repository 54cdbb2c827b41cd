#include "keyvalueeditor.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace Postern {

KeyValueEditor::KeyValueEditor(const QString &accessibleName, QWidget *parent)
    : QTableView(parent)
    , m_model(new KeyValueModel(this))
{
    setModel(m_model);
    setAccessibleName(accessibleName);
    setAccessibleDescription(u"Key and value rows. Type in the last row to add one; Delete removes the current "
                             "row; Space toggles whether a row is sent."_s);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    setTabKeyNavigation(false);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->resizeSection(KeyValueModel::KeyColumn, 220);
    horizontalHeader()->resizeSection(KeyValueModel::ValueColumn, 320);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &KeyValueEditor::showContextMenu);
}

void KeyValueEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete && state() != QAbstractItemView::EditingState) {
        removeCurrentRow();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void KeyValueEditor::removeCurrentRow()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid() || m_model->isAutomaticRow(current.row()) || m_model->isPlaceholderRow(current.row()))
        return;
    m_model->removeUserRow(current.row());
}

void KeyValueEditor::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid() || m_model->isAutomaticRow(index.row()) || m_model->isPlaceholderRow(index.row()))
        return;
    setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(u"Delete Row"_s, QKeySequence::Delete, this, &KeyValueEditor::removeCurrentRow);
    menu.exec(viewport()->mapToGlobal(pos));
}

} // namespace Postern
