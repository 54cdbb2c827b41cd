#include "ui/request/assertionseditor.h"

#include "ui/widgets/formrow.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// A cell edited by choosing from a fixed list.
class ChoiceDelegate : public QStyledItemDelegate
{
public:
    ChoiceDelegate(QStringList choices, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_choices(std::move(choices))
    {
    }
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        combo->addItems(m_choices);
        combo->setAccessibleName(QCoreApplication::translate("Postern::AssertionsEditor", "Choose"));
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(qMax(0, combo->findText(index.data().toString())));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText());
    }

private:
    QStringList m_choices;
};

QTableWidget *table(const QString &objectName, const QString &accessibleName, const QStringList &headers,
                    QWidget *parent)
{
    auto *widget = new QTableWidget(0, int(headers.size()), parent);
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    widget->setHorizontalHeaderLabels(headers);
    widget->horizontalHeader()->setStretchLastSection(true);
    widget->verticalHeader()->hide();
    widget->setTabKeyNavigation(false);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->setEditTriggers(QAbstractItemView::AllEditTriggers);
    return widget;
}

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

bool rowIsEmpty(const QTableWidget *table, int row, const QList<int> &typedColumns)
{
    for (int column : typedColumns) {
        if (!cell(table, row, column).isEmpty())
            return false;
    }
    return true;
}

} // namespace

AssertionsEditor::AssertionsEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"assertionsEditor"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_assertions
        = table(u"assertionsTable"_s, tr("Assertions"), { tr("Target"), tr("Operator"), tr("Value") }, this);
    m_assertions->setItemDelegateForColumn(1, new ChoiceDelegate(ResponseChecks::operators(), m_assertions));
    m_captures
        = table(u"capturesTable"_s, tr("Captures"), { tr("Variable"), tr("Scope"), tr("Target") }, this);
    m_captures->setItemDelegateForColumn(1, new ChoiceDelegate(ResponseChecks::scopes(), m_captures));
    const int unit = fontMetrics().averageCharWidth();
    m_assertions->setColumnWidth(0, 36 * unit); // targets are paths: the widest column
    m_assertions->setColumnWidth(1, 14 * unit);
    m_captures->setColumnWidth(0, 24 * unit);
    m_captures->setColumnWidth(1, 14 * unit);
    auto *hint = new QLabel(
        tr("Targets: res.status, res.statusText, res.responseTime, res.body, res.body.result[0].number "
           "(or $.result[0].number), res.headers.content-type. Values: 200, true, null, \"text\"."),
        this);
    hint->setObjectName(u"assertionsHint"_s);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(captionFor(tr("Assertions (after the scripts, reported like pm.test):"), m_assertions,
                                 tr("Assertions")));
    layout->addWidget(m_assertions, 3);
    layout->addWidget(
        captionFor(tr("Capture (a value of the answer into a variable):"), m_captures, tr("Captures")));
    layout->addWidget(m_captures, 2);
    for (QTableWidget *t : { m_assertions, m_captures }) {
        t->installEventFilter(this);
        connect(t, &QTableWidget::itemChanged, this, [this, t] {
            if (m_loading)
                return;
            keepOneEmptyRow(t);
            Q_EMIT changed();
        });
    }
    setChecks({}, {});
}

void AssertionsEditor::addRow(QTableWidget *table, const QStringList &texts, bool enabled)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int column = 0; column < texts.size(); ++column) {
        auto *item = new QTableWidgetItem(texts.at(column));
        if (column == 0) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
        }
        table->setItem(row, column, item);
    }
}

void AssertionsEditor::keepOneEmptyRow(QTableWidget *table)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const QList<int> typed = table == m_assertions ? QList<int> { 0, 2 } : QList<int> { 0, 2 };
    const int last = table->rowCount() - 1;
    if (last < 0 || !rowIsEmpty(table, last, typed))
        addRow(table,
               table == m_assertions ? QStringList { QString(), u"eq"_s, QString() }
                                     : QStringList { QString(), u"environment"_s, QString() },
               true);
    m_loading = wasLoading;
}

void AssertionsEditor::setChecks(const QList<ResponseAssertion> &assertions,
                                 const QList<ResponseCapture> &captures)
{
    m_loading = true;
    m_assertions->setRowCount(0);
    m_captures->setRowCount(0);
    for (const ResponseAssertion &a : assertions)
        addRow(m_assertions, { a.target, a.op, a.value }, a.enabled);
    for (const ResponseCapture &c : captures)
        addRow(m_captures, { c.variable, c.scope, c.target }, c.enabled);
    keepOneEmptyRow(m_assertions);
    keepOneEmptyRow(m_captures);
    m_loading = false;
}

QList<ResponseAssertion> AssertionsEditor::assertions() const
{
    QList<ResponseAssertion> rows;
    for (int row = 0; row < m_assertions->rowCount(); ++row) {
        if (rowIsEmpty(m_assertions, row, { 0, 2 }))
            continue;
        const QTableWidgetItem *first = m_assertions->item(row, 0);
        rows.append({ cell(m_assertions, row, 0), cell(m_assertions, row, 1),
                      m_assertions->item(row, 2) ? m_assertions->item(row, 2)->text() : QString(),
                      !first || first->checkState() == Qt::Checked });
    }
    return rows;
}

QList<ResponseCapture> AssertionsEditor::captures() const
{
    QList<ResponseCapture> rows;
    for (int row = 0; row < m_captures->rowCount(); ++row) {
        if (rowIsEmpty(m_captures, row, { 0, 2 }))
            continue;
        const QTableWidgetItem *first = m_captures->item(row, 0);
        rows.append({ cell(m_captures, row, 0), cell(m_captures, row, 1), cell(m_captures, row, 2),
                      !first || first->checkState() == Qt::Checked });
    }
    return rows;
}

bool AssertionsEditor::eventFilter(QObject *watched, QEvent *event)
{
    auto *t = qobject_cast<QTableWidget *>(watched);
    // While a cell is edited its editor has the keys; here Delete means the row.
    if (t && event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        const int row = t->currentRow();
        if (row >= 0 && row < t->rowCount() - 1) {
            t->removeRow(row);
            Q_EMIT changed();
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Postern
