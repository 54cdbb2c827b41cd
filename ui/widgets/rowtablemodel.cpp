#include "ui/widgets/rowtablemodel.h"

namespace Postern {

RowTableModel::RowTableModel(const QStringList &columnTitles, QObject *parent)
    : QAbstractTableModel(parent)
    , m_titles(columnTitles)
{
}

int RowTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : filledRowCount() + 1;
}

int RowTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_titles.size());
}

QVariant RowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= m_titles.size())
        return {};
    return m_titles.at(section);
}

void RowTableModel::appendRow(const std::function<void()> &append)
{
    const int row = rowCount();
    beginInsertRows(QModelIndex(), row, row);
    append();
    endInsertRows();
}

} // namespace Postern
