#pragma once

#include "http/responsechecks.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QTableWidget;
QT_END_NAMESPACE

namespace Postern {

// The Assertions tab: checks on the answer without JavaScript (target, operator, value) and values
// captured into variables (variable, scope, target), one table each. A row's box in the first column
// turns it on or off; a new row appears under the last one as soon as it is typed into; Delete removes
// the selected row. Operators and scopes are chosen from a list.
class AssertionsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit AssertionsEditor(QWidget *parent = nullptr);

    void setChecks(const QList<ResponseAssertion> &assertions, const QList<ResponseCapture> &captures);
    QList<ResponseAssertion> assertions() const;
    QList<ResponseCapture> captures() const;

    QTableWidget *assertionsTable() const { return m_assertions; }
    QTableWidget *capturesTable() const { return m_captures; }

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addRow(QTableWidget *table, const QStringList &texts, bool enabled);
    void keepOneEmptyRow(QTableWidget *table);

    QTableWidget *m_assertions = nullptr;
    QTableWidget *m_captures = nullptr;
    bool m_loading = false;
};

} // namespace Postern
