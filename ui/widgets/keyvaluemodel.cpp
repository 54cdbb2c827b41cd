#include "ui/widgets/keyvaluemodel.h"

#include "ui/widgets/palette.h"
#include "ui/widgets/variablehint.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// "Bearer abc" → "Bearer ****": the scheme stays readable, the credential does not.
QString masked(const QString &value)
{
    const QString trimmed = value.trimmed();
    const qsizetype space = trimmed.indexOf(u' ');
    return space < 0 ? u"****"_s : trimmed.left(space) + u" ****"_s;
}

} // namespace

KeyValueModel::KeyValueModel(QObject *parent)
    : RowTableModel({ tr("Key"), tr("Value"), tr("Description") }, parent)
{
}

void KeyValueModel::setRows(const KeyValueList &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void KeyValueModel::setAutomaticRows(const KeyValueList &rows)
{
    if (rows == m_automatic)
        return;
    beginResetModel();
    m_automatic = rows;
    endResetModel();
}

void KeyValueModel::setSecretsShown(bool shown)
{
    if (shown == m_secretsShown)
        return;
    m_secretsShown = shown;
    if (automaticRowCount() > 0)
        Q_EMIT dataChanged(index(0, ValueColumn), index(automaticRowCount() - 1, ValueColumn));
    Q_EMIT secretsShownChanged(shown);
}

bool KeyValueModel::isSecretRow(int row) const
{
    if (!isAutomaticRow(row) || row < 0)
        return false;
    const QString &key = m_automatic.at(row).key;
    return key.compare(u"Authorization"_s, Qt::CaseInsensitive) == 0
        || key.compare(u"Proxy-Authorization"_s, Qt::CaseInsensitive) == 0;
}

bool KeyValueModel::hasSecretRow() const
{
    for (int row = 0; row < automaticRowCount(); ++row) {
        if (isSecretRow(row))
            return true;
    }
    return false;
}

void KeyValueModel::removeUserRow(int row)
{
    const int userRow = row - automaticRowCount();
    if (userRow < 0 || userRow >= m_rows.size())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(userRow);
    endRemoveRows();
    Q_EMIT rowsEdited();
}

void KeyValueModel::setVariableResolver(const VariableResolver &resolver)
{
    m_resolver = resolver;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, KeyColumn), index(rowCount() - 1, ValueColumn),
                           { Qt::ToolTipRole, Qt::ForegroundRole });
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int row = index.row();
    if (isPlaceholderRow(row)) {
        if (role == Qt::ToolTipRole || role == Qt::AccessibleDescriptionRole)
            return tr("Type here to add a row");
        return {};
    }
    const bool automatic = isAutomaticRow(row);
    const KeyValue &kv = automatic ? m_automatic.at(row) : m_rows.at(row - automaticRowCount());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case KeyColumn:
            return kv.key;
        case ValueColumn:
            return role == Qt::DisplayRole && !m_secretsShown && isSecretRow(row) ? masked(kv.value)
                                                                                  : kv.value;
        case DescriptionColumn:
            return automatic ? tr("Automatic, from %1").arg(kv.description) : kv.description;
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == KeyColumn)
            return kv.enabled ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (automatic && isSecretRow(row) && !m_secretsShown)
            return tr("Added automatically from %1. Change it there. The credential is hidden: "
                      "“Show authorization value” shows it.")
                .arg(kv.description);
        if (automatic)
            return tr("Added automatically from %1. Change it there.").arg(kv.description);
        if (index.column() == KeyColumn || index.column() == ValueColumn) {
            const QString hint
                = VariableHint::tooltip(m_resolver, index.column() == KeyColumn ? kv.key : kv.value);
            if (!hint.isEmpty())
                return hint;
        }
        break;
    case Qt::FontRole:
        if (automatic) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (automatic || !kv.enabled)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if ((index.column() == KeyColumn || index.column() == ValueColumn)
            && VariableHint::hasUnresolved(m_resolver, index.column() == KeyColumn ? kv.key : kv.value)) {
            return Theme::color(ColorRole::ErrorText);
        }
        break;
    default:
        break;
    }
    return {};
}

bool KeyValueModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || isAutomaticRow(index.row()))
        return false;
    const bool placeholder = isPlaceholderRow(index.row());
    if (role == Qt::CheckStateRole) {
        if (placeholder || index.column() != KeyColumn)
            return false;
        m_rows[index.row() - automaticRowCount()].enabled = value.toInt() == Qt::Checked;
        Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
        Q_EMIT rowsEdited();
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    const QString text = value.toString();
    if (placeholder) {
        if (text.isEmpty())
            return false;
        appendRow([this] { m_rows.append(KeyValue()); });
    }
    KeyValue &kv = m_rows[index.row() - automaticRowCount()];
    switch (index.column()) {
    case KeyColumn:
        kv.key = text;
        break;
    case ValueColumn:
        kv.value = text;
        break;
    case DescriptionColumn:
        kv.description = text;
        break;
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT rowsEdited();
    return true;
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (isAutomaticRow(index.row()))
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
    if (index.column() == KeyColumn && !isPlaceholderRow(index.row()))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

} // namespace Postern
