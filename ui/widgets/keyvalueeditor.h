#pragma once

#include "ui/widgets/keyvaluemodel.h"
#include "ui/widgets/rowtableview.h"

namespace Postern {

// A table of key/value rows (Params, Headers) over a KeyValueModel. Keyboard: Tab moves between
// cells, F2 or typing edits, Space toggles a row's check box, Delete removes the current row.
class KeyValueEditor : public RowTableView
{
    Q_OBJECT

public:
    explicit KeyValueEditor(const QString &accessibleName, QWidget *parent = nullptr);
    // Over a model that outlives the table (a page made when first shown edits rows kept before it).
    KeyValueEditor(const QString &accessibleName, KeyValueModel *model, QWidget *parent = nullptr);

    KeyValueModel *keyValueModel() const { return m_model; }

protected:
    void removeCurrentRow() override;

private:
    void showContextMenu(const QPoint &pos);

    KeyValueModel *m_model;
};

} // namespace Postern
