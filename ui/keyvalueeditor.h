#pragma once

#include "keyvaluemodel.h"

#include <QTableView>

namespace Postern {

// A table of key/value rows (Params, Headers) over a KeyValueModel. Keyboard: Tab moves between
// cells, F2 or typing edits, Space toggles a row's check box, Delete removes the current row.
class KeyValueEditor : public QTableView
{
    Q_OBJECT

public:
    explicit KeyValueEditor(const QString &accessibleName, QWidget *parent = nullptr);

    KeyValueModel *keyValueModel() const { return m_model; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void removeCurrentRow();
    void showContextMenu(const QPoint &pos);

    KeyValueModel *m_model;
};

} // namespace Postern
