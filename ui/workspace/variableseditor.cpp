#include "ui/workspace/variableseditor.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

enum Column { NameColumn, ValueColumn, SecretColumn };
constexpr int DescriptionRole = Qt::UserRole + 1;

bool isSecretRow(const QModelIndex &index)
{
    return index.sibling(index.row(), SecretColumn).data(Qt::CheckStateRole).toInt() == Qt::Checked;
}

// Masks secret values in the table and edits them in a password field.
class SecretDelegate : public QStyledItemDelegate
{
public:
    SecretDelegate(const VariablesEditor *editor, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_editor(editor)
    {
    }

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == ValueColumn && isSecretRow(index) && !m_editor->secretsShown()
            && !option->text.isEmpty())
            option->text = QString(8, QChar(0x2022));
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *widget = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(widget)) {
            line->setAccessibleName(
                index.column() == NameColumn
                    ? QCoreApplication::translate("Postern::VariablesEditor", "Variable name")
                    : QCoreApplication::translate("Postern::VariablesEditor", "Variable value"));
            if (index.column() == ValueColumn && isSecretRow(index) && !m_editor->secretsShown())
                line->setEchoMode(QLineEdit::Password);
        }
        return widget;
    }

private:
    const VariablesEditor *m_editor;
};

class VariablesTable : public QTableWidget
{
public:
    using QTableWidget::QTableWidget;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Delete && state() != EditingState && currentRow() >= 0
            && currentRow() < rowCount() - 1) {
            removeRow(currentRow());
            Q_EMIT itemChanged(nullptr);
            return;
        }
        QTableWidget::keyPressEvent(event);
    }
};

} // namespace

VariablesEditor::VariablesEditor(const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new VariablesTable(0, 3, this);
    m_table->setObjectName(u"variablesTable"_s);
    m_table->setAccessibleName(accessibleName);
    m_table->setHorizontalHeaderLabels({ tr("Variable"), tr("Value"), tr("Secret") });
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SecretColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(NameColumn, 180);
    m_table->verticalHeader()->hide();
    m_table->setTabKeyNavigation(false);
    m_table->setItemDelegate(new SecretDelegate(this, m_table));
    layout->addWidget(m_table, 1);
    m_show = new QCheckBox(tr("Show secret &values"), this);
    m_show->setObjectName(u"showSecretValues"_s);
    m_show->setAccessibleName(tr("Show secret values"));
    layout->addWidget(m_show);
    connect(m_show, &QCheckBox::toggled, m_table->viewport(), qOverload<>(&QWidget::update));
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling)
            return;
        if (item) {
            const bool filling = m_filling;
            m_filling = true; // the accessible texts are item data too
            updateAccessibleTexts(item->row());
            m_filling = filling;
        }
        ensurePlaceholder();
        m_table->viewport()->update();
        Q_EMIT changed();
    });
    ensurePlaceholder();
}

bool VariablesEditor::secretsShown() const
{
    return m_show->isChecked();
}

void VariablesEditor::addRow(const Variable &variable)
{
    const bool filling = m_filling;
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *name = new QTableWidgetItem(variable.key);
    name->setFlags(name->flags() | Qt::ItemIsUserCheckable);
    name->setCheckState(variable.enabled ? Qt::Checked : Qt::Unchecked);
    name->setData(DescriptionRole, variable.description); // not shown here, kept for files and exports
    if (!variable.description.isEmpty())
        name->setToolTip(variable.description);
    m_table->setItem(row, NameColumn, name);
    auto *value = new QTableWidgetItem(variable.value);
    m_table->setItem(row, ValueColumn, value);
    auto *secret = new QTableWidgetItem;
    secret->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    secret->setCheckState(variable.secret ? Qt::Checked : Qt::Unchecked);
    updateAccessibleTexts(row);
    secret->setToolTip(
        tr("A secret value is kept in the keychain, never in the workspace's files, and exported empty."));
    m_table->setItem(row, SecretColumn, secret);
    m_filling = filling;
}

void VariablesEditor::ensurePlaceholder()
{
    const int last = m_table->rowCount() - 1;
    if (last >= 0 && m_table->item(last, NameColumn) && m_table->item(last, NameColumn)->text().isEmpty()
        && m_table->item(last, ValueColumn) && m_table->item(last, ValueColumn)->text().isEmpty())
        return;
    addRow({});
}

void VariablesEditor::updateAccessibleTexts(int row)
{
    QTableWidgetItem *value = m_table->item(row, ValueColumn);
    QTableWidgetItem *secret = m_table->item(row, SecretColumn);
    if (!value || !secret)
        return;
    const bool isSecret = secret->checkState() == Qt::Checked;
    secret->setData(Qt::AccessibleTextRole, isSecret ? tr("Secret") : tr("Not secret"));
    // A screen reader reads the accessible text, not the value: a secret is not read aloud.
    value->setData(Qt::AccessibleTextRole,
                   isSecret && !value->text().isEmpty() ? tr("Secret value, hidden") : QVariant());
}

VariableList VariablesEditor::variables() const
{
    VariableList variables;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, NameColumn);
        const QTableWidgetItem *value = m_table->item(row, ValueColumn);
        const QTableWidgetItem *secret = m_table->item(row, SecretColumn);
        if (!name || !value || (name->text().trimmed().isEmpty() && value->text().isEmpty()))
            continue;
        Variable variable;
        variable.key = name->text().trimmed();
        variable.value = value->text();
        variable.enabled = name->checkState() == Qt::Checked;
        variable.secret = secret && secret->checkState() == Qt::Checked;
        variable.description = name->data(DescriptionRole).toString();
        variables.append(variable);
    }
    return variables;
}

void VariablesEditor::setVariables(const VariableList &variables)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (const Variable &variable : variables)
        addRow(variable);
    m_filling = false;
    ensurePlaceholder();
}

} // namespace Postern
