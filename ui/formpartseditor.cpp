#include "formpartseditor.h"

#include <QHeaderView>
#include <QKeyEvent>

using namespace Qt::StringLiterals;

namespace Postern {

FormPartsEditor::FormPartsEditor(const QString &accessibleName, QWidget *parent)
    : QTableView(parent)
    , m_model(new FormPartsModel(this))
{
    setModel(m_model);
    setAccessibleName(accessibleName);
    setAccessibleDescription(u"Form-data parts. Type in the last row to add one; Space toggles whether a part is "
                             "sent, or in the File column whether its value is a file; Delete removes the "
                             "current part."_s);
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
    horizontalHeader()->resizeSection(FormPartsModel::KeyColumn, 180);
    horizontalHeader()->resizeSection(FormPartsModel::FileColumn, 70);
    horizontalHeader()->resizeSection(FormPartsModel::ValueColumn, 280);
    horizontalHeader()->resizeSection(FormPartsModel::ContentTypeColumn, 140);
}

void FormPartsEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete && state() != QAbstractItemView::EditingState) {
        const QModelIndex current = currentIndex();
        if (current.isValid() && !m_model->isPlaceholderRow(current.row()))
            m_model->removePart(current.row());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace Postern
