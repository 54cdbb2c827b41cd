#pragma once

#include "base/keyvalue.h"
#include "ui/widgets/rowtablemodel.h"
#include "workspace/variables.h"

namespace Postern {

// The rows of a Params or Headers table. Three kinds of row, top to bottom:
//  - automatic rows (read-only, from elsewhere: "Authorization" from the Authorization tab), each
//    with the reason shown as a tooltip; an automatic credential (Authorization) is shown masked,
//    "Basic ****", as Copy as cURL writes it, until setSecretsShown(true);
//  - the user's rows, with a check box in the Key column for enabled;
//  - one empty row at the end: typing into it adds a row.
class KeyValueModel : public RowTableModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, DescriptionColumn, ColumnCount };

    explicit KeyValueModel(QObject *parent = nullptr);

    KeyValueList rows() const { return m_rows; }
    void setRows(const KeyValueList &rows);

    // Read-only rows shown above the user's; each row's description names where it comes from
    // ("the Authorization tab").
    void setAutomaticRows(const KeyValueList &rows);
    int automaticRowCount() const { return int(m_automatic.size()); }

    // {{name}} references in keys and values get a tooltip with what they resolve to, and are shown
    // in red when a name is defined nowhere.
    void setVariableResolver(const VariableResolver &resolver);

    // Whether the automatic credential rows show their value; the display and accessible text say
    // "Bearer ****" until then (EditRole always holds the value).
    bool secretsShown() const { return m_secretsShown; }
    void setSecretsShown(bool shown);
    bool hasSecretRow() const;
    bool isSecretRow(int row) const;

    bool isAutomaticRow(int row) const { return row < automaticRowCount(); }
    void removeUserRow(int row);

    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // The user changed the rows (not emitted by setRows()).
    void rowsEdited();
    void secretsShownChanged(bool shown);

protected:
    int filledRowCount() const override { return int(m_automatic.size() + m_rows.size()); }

private:
    KeyValueList m_automatic;
    KeyValueList m_rows;
    VariableResolver m_resolver;
    bool m_secretsShown = false;
};

} // namespace Postern
