#include "ui/workspace/environmentsdialog.h"

#include "ui/widgets/formrow.h"
#include "ui/workspace/importexport.h"
#include "ui/workspace/variableseditor.h"
#include "workspace/workspace.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

EnvironmentsDialog::EnvironmentsDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setObjectName(u"environmentsDialog"_s);
    setWindowTitle(tr("Manage Environments"));
    auto *layout = new QVBoxLayout(this);
    auto *body = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(u"environmentsList"_s);
    m_list->setMinimumWidth(200);
    left->addWidget(captionFor(tr("&Environments:"), m_list));
    left->addWidget(m_list, 1);
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(u"addEnvironment"_s);
    add->setAccessibleName(tr("Add environment"));
    m_duplicate = new QPushButton(tr("D&uplicate"), this);
    m_duplicate->setObjectName(u"duplicateEnvironment"_s);
    m_duplicate->setAccessibleName(tr("Duplicate environment"));
    m_rename = new QPushButton(tr("Re&name"), this);
    m_rename->setObjectName(u"renameEnvironment"_s);
    m_rename->setAccessibleName(tr("Rename environment"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(u"deleteEnvironment"_s);
    m_delete->setAccessibleName(tr("Delete environment"));
    m_export = new QPushButton(tr("E&xport…"), this);
    m_export->setObjectName(u"exportEnvironment"_s);
    m_export->setAccessibleName(tr("Export environment to Postman"));
    connect(m_export, &QPushButton::clicked, this,
            [this] { ImportExport::exportEnvironmentInteractively(this, m_workspace, selectedId()); });
    auto *buttons = new QGridLayout;
    const QList<QPushButton *> all { add, m_duplicate, m_rename, m_delete, m_export };
    for (int i = 0; i < all.size(); ++i) {
        all.at(i)->setAutoDefault(false);
        buttons->addWidget(all.at(i), i / 3, i % 3);
    }
    left->addLayout(buttons);
    body->addLayout(left, 0);
    auto *right = new QVBoxLayout;
    m_variables = new VariablesEditor(tr("Environment variables"), this);
    right->addWidget(captionFor(tr("&Variables (referred to as {{name}}):"), m_variables->table(),
                                tr("Environment variables")));
    right->addWidget(m_variables, 1);
    body->addLayout(right, 1);
    layout->addLayout(body, 1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add Environment"), tr("Name:"),
                                                   QLineEdit::Normal, tr("New Environment"), &ok);
        if (ok && !name.trimmed().isEmpty())
            addEnvironment(name.trimmed());
    });
    connect(m_duplicate, &QPushButton::clicked, this, &EnvironmentsDialog::duplicateSelected);
    connect(m_rename, &QPushButton::clicked, this, &EnvironmentsDialog::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &EnvironmentsDialog::deleteSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &EnvironmentsDialog::showSelected);
    connect(m_variables, &VariablesEditor::changed, this, &EnvironmentsDialog::saveSelected);
    // Secret values read from the keychain after the dialog opened fill the cells still empty, so
    // that the next edit does not save them away.
    connect(m_workspace, &Workspace::environmentsChanged, this, [this] {
        if (m_loading)
            return;
        const QString id = selectedId();
        const Environment *environment = m_workspace->environment(id);
        const VariableList saved = id == m_workspace->globals().id ? m_workspace->globals().variables
            : environment                                          ? environment->variables
                                                                   : VariableList();
        VariableList shown = m_variables->variables();
        bool filled = false;
        for (Variable &variable : shown) {
            for (const Variable &stored : saved) {
                if (variable.secret && variable.value.isEmpty() && stored.key == variable.key
                    && !stored.value.isEmpty()) {
                    variable.value = stored.value;
                    filled = true;
                }
            }
        }
        if (filled) {
            m_loading = true;
            m_variables->setVariables(shown);
            m_loading = false;
        }
    });
    reload();
    m_list->setCurrentRow(0);
    resize(860, 480);
}

void EnvironmentsDialog::reload()
{
    const QString selected = selectedId();
    m_loading = true;
    m_list->clear();
    auto *globals = new QListWidgetItem(tr("Globals"), m_list);
    globals->setData(Qt::UserRole, m_workspace->globals().id);
    const QList<Environment> environments = m_workspace->environments();
    for (const Environment &environment : environments) {
        auto *item = new QListWidgetItem(environment.name, m_list);
        item->setData(Qt::UserRole, environment.id);
    }
    m_loading = false;
    select(selected);
}

void EnvironmentsDialog::select(const QString &environmentId)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == environmentId) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

QString EnvironmentsDialog::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void EnvironmentsDialog::showSelected()
{
    if (m_loading)
        return;
    const QString id = selectedId();
    const bool isGlobals = id == m_workspace->globals().id;
    m_duplicate->setEnabled(!isGlobals && !id.isEmpty());
    m_rename->setEnabled(!isGlobals && !id.isEmpty());
    m_delete->setEnabled(!isGlobals && !id.isEmpty());
    const Environment *environment = m_workspace->environment(id);
    m_loading = true;
    m_variables->setVariables(isGlobals         ? m_workspace->globals().variables
                                  : environment ? environment->variables
                                                : VariableList());
    m_loading = false;
}

void EnvironmentsDialog::saveSelected()
{
    if (m_loading)
        return;
    const QString id = selectedId();
    QString error;
    if (id == m_workspace->globals().id) {
        Environment globals = m_workspace->globals();
        globals.variables = m_variables->variables();
        error = m_workspace->saveGlobals(globals);
    } else if (const Environment *found = m_workspace->environment(id)) {
        Environment environment = *found;
        environment.variables = m_variables->variables();
        error = m_workspace->saveEnvironment(environment);
    }
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Not Saved"), error);
}

QString EnvironmentsDialog::addEnvironment(const QString &name)
{
    const Environment environment = Environment::make(name);
    if (const QString error = m_workspace->saveEnvironment(environment); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Not Saved"), error);
        return QString();
    }
    reload();
    select(environment.id);
    return environment.id;
}

void EnvironmentsDialog::duplicateSelected()
{
    const Environment *found = m_workspace->environment(selectedId());
    if (!found)
        return;
    Environment copy = *found;
    copy.id = Environment::make(QString()).id;
    copy.name = tr("%1 Copy").arg(copy.name);
    if (const QString error = m_workspace->saveEnvironment(copy); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Not Saved"), error);
        return;
    }
    reload();
    select(copy.id);
}

void EnvironmentsDialog::renameSelected()
{
    const Environment *found = m_workspace->environment(selectedId());
    if (!found)
        return;
    Environment environment = *found; // a copy: the workspace's list may change while the question is open
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Environment"), tr("Name:"), QLineEdit::Normal,
                                               environment.name, &ok);
    if (!ok || name.trimmed().isEmpty() || !m_workspace->environment(environment.id))
        return;
    environment = *m_workspace->environment(environment.id);
    environment.name = name.trimmed();
    if (const QString error = m_workspace->saveEnvironment(environment); !error.isEmpty())
        QMessageBox::warning(this, tr("Not Saved"), error);
    reload();
}

void EnvironmentsDialog::deleteSelected()
{
    const Environment *found = m_workspace->environment(selectedId());
    if (!found)
        return;
    const QString id = found->id;
    const QString name = found->name;
    if (QMessageBox::question(
            this, tr("Delete Environment"),
            tr("Delete the environment “%1” and its variables? This cannot be undone.").arg(name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    if (const QString error = m_workspace->removeEnvironment(id); !error.isEmpty())
        QMessageBox::warning(this, tr("Not Deleted"), error);
    reload();
    m_list->setCurrentRow(0);
}

} // namespace Postern
