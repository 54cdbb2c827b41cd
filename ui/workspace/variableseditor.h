#pragma once

#include "workspace/variables.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QTableWidget;
QT_END_NAMESPACE

namespace Postern {

// A table of variables: an enabled check box with the name, the value, and "Secret". Secret values
// are shown as dots (and typed into a password field) unless "Show secret values" is on. The last,
// empty row adds a variable; Delete removes the selected one.
class VariablesEditor : public QWidget
{
    Q_OBJECT

public:
    explicit VariablesEditor(const QString &accessibleName, QWidget *parent = nullptr);

    VariableList variables() const;
    void setVariables(const VariableList &variables);
    QTableWidget *table() const { return m_table; }
    bool secretsShown() const;

Q_SIGNALS:
    void changed();

private:
    void addRow(const Variable &variable);
    void ensurePlaceholder();
    void updateAccessibleTexts(int row);

    QTableWidget *m_table = nullptr;
    QCheckBox *m_show = nullptr;
    bool m_filling = false;
};

} // namespace Postern
