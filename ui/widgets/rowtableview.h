#pragma once

#include <QTableView>

namespace Postern {

// The look and keyboard shared by the editable row tables (Params and Headers, form-data parts):
// one cell selected at a time, F2 or typing edits a cell, Tab leaves the table, alternating rows,
// no row numbers. Delete outside an edit calls removeCurrentRow(), which the subclass implements
// for its model. The subclass creates and owns its model and hands it to setRowModel().
class RowTableView : public QTableView
{
    Q_OBJECT

protected:
    RowTableView(const QString &accessibleName, const QString &accessibleDescription, QWidget *parent);

    // Shows model, with the first columns this many pixels wide; the last column stretches.
    void setRowModel(QAbstractItemModel *model, const QList<int> &columnWidths);
    virtual void removeCurrentRow() = 0;

    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Postern
