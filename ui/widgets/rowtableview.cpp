#include "ui/widgets/rowtableview.h"

#include <QHeaderView>
#include <QKeyEvent>

namespace Postern {

RowTableView::RowTableView(const QString &accessibleName, const QString &accessibleDescription,
                           QWidget *parent)
    : QTableView(parent)
{
    setAccessibleName(accessibleName);
    setAccessibleDescription(accessibleDescription);
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
}

void RowTableView::setRowModel(QAbstractItemModel *model, const QList<int> &columnWidths)
{
    setModel(model);
    for (int column = 0; column < columnWidths.size(); ++column)
        horizontalHeader()->resizeSection(column, columnWidths.at(column));
}

void RowTableView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete && state() != QAbstractItemView::EditingState) {
        removeCurrentRow();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace Postern
