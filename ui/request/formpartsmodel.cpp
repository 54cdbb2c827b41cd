#include "ui/request/formpartsmodel.h"

#include <QDir>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Postern {

FormPartsModel::FormPartsModel(QObject *parent)
    : RowTableModel({ tr("Key"), tr("File"), tr("Value"), tr("Content type"), tr("Description") }, parent)
{
}

void FormPartsModel::setParts(const QList<FormPart> &parts)
{
    beginResetModel();
    m_parts = parts;
    endResetModel();
}

void FormPartsModel::setFile(int row, const QString &path)
{
    if (row < 0 || row >= rowCount())
        return;
    if (isPlaceholderRow(row))
        appendRow([this] { m_parts.append(FormPart()); });
    FormPart &part = m_parts[row];
    part.isFile = true;
    part.value = path;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT partsEdited();
}

void FormPartsModel::removePart(int row)
{
    if (row < 0 || row >= m_parts.size())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_parts.removeAt(row);
    endRemoveRows();
    Q_EMIT partsEdited();
}

QVariant FormPartsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (isPlaceholderRow(index.row())) {
        if (role == Qt::AccessibleDescriptionRole || (role == Qt::ToolTipRole && index.column() == KeyColumn))
            return tr("Type here to add a part.");
        return {};
    }
    const FormPart &part = m_parts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case KeyColumn:
            return part.key;
        case FileColumn:
            return part.isFile ? tr("File") : tr("Text");
        case ValueColumn:
            if (part.isFile && role == Qt::DisplayRole)
                return part.value.isEmpty() ? tr("(no file chosen)") : QDir::toNativeSeparators(part.value);
            return part.value;
        case ContentTypeColumn:
            return part.contentType;
        case DescriptionColumn:
            return part.description;
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == KeyColumn)
            return part.enabled ? Qt::Checked : Qt::Unchecked;
        if (index.column() == FileColumn)
            return part.isFile ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (index.column() == FileColumn)
            return tr("Checked: the value is the path of a file to send. Space toggles it.");
        if (index.column() == ContentTypeColumn && part.contentType.isEmpty())
            return part.isFile ? tr("Empty: guessed from the file name.") : tr("Empty: text/plain.");
        break;
    case Qt::ForegroundRole:
        if (!part.enabled || (part.isFile && part.value.isEmpty() && index.column() == ValueColumn))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        break;
    default:
        break;
    }
    return {};
}

bool FormPartsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    const bool placeholder = isPlaceholderRow(index.row());
    if (role == Qt::CheckStateRole) {
        if (placeholder || (index.column() != KeyColumn && index.column() != FileColumn))
            return false;
        FormPart &part = m_parts[index.row()];
        (index.column() == KeyColumn ? part.enabled : part.isFile) = value.toInt() == Qt::Checked;
        Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
        Q_EMIT partsEdited();
        return true;
    }
    if (role != Qt::EditRole || index.column() == FileColumn)
        return false;
    const QString text = value.toString();
    if (placeholder) {
        if (text.isEmpty())
            return false;
        appendRow([this] { m_parts.append(FormPart()); });
    }
    FormPart &part = m_parts[index.row()];
    switch (index.column()) {
    case KeyColumn:
        part.key = text;
        break;
    case ValueColumn:
        part.value = text;
        break;
    case ContentTypeColumn:
        part.contentType = text.trimmed();
        break;
    case DescriptionColumn:
        part.description = text;
        break;
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT partsEdited();
    return true;
}

Qt::ItemFlags FormPartsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const bool placeholder = isPlaceholderRow(index.row());
    if (index.column() == FileColumn)
        return placeholder ? f : f | Qt::ItemIsUserCheckable;
    f |= Qt::ItemIsEditable;
    if (index.column() == KeyColumn && !placeholder)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

} // namespace Postern
