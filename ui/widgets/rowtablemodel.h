#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <functional>

namespace Postern {

// The frame shared by the editable row models (KeyValueModel, FormPartsModel): the subclass's rows,
// then one empty row at the end that adds a row when typed into; one column per title. The subclass
// keeps the rows and says how many there are (filledRowCount()).
class RowTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    bool isPlaceholderRow(int row) const { return row == rowCount() - 1; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    RowTableModel(const QStringList &columnTitles, QObject *parent);

    // The rows above the empty last one.
    virtual int filledRowCount() const = 0;
    // Runs append, which adds one row to the subclass's list, announced as a new empty last row.
    void appendRow(const std::function<void()> &append);

private:
    QStringList m_titles;
};

} // namespace Postern
