#include "ui/workspace/itemsettingsdialog.h"

#include "ui/oauth/oauth2pane.h"
#include "ui/request/assertionseditor.h"
#include "ui/request/autheditor.h"
#include "ui/request/scriptseditor.h"
#include "ui/widgets/formrow.h"
#include "ui/workspace/variableseditor.h"
#include "workspace/workspace.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

ItemSettingsDialog::ItemSettingsDialog(Workspace *workspace, const OAuthServices &services,
                                       const QString &collectionId, const QString &itemId, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_collectionId(collectionId)
    , m_itemId(itemId)
{
    setObjectName(u"itemSettingsDialog"_s);
    const Collection *collection = workspace->collection(collectionId);
    const CollectionItem *item = collection && !itemId.isEmpty() ? collection->find(itemId) : nullptr;
    const bool isCollection = !item;
    const bool isFolder = item && item->isFolder();
    setWindowTitle(isCollection   ? tr("Collection Settings")
                       : isFolder ? tr("Folder Settings")
                                  : tr("Request Settings"));

    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"settingsTabs"_s);
    tabs->setAccessibleName(isCollection   ? tr("Collection settings")
                                : isFolder ? tr("Folder settings")
                                           : tr("Request settings"));
    auto *general = new QWidget(tabs);
    auto *form = new QFormLayout(general);
    m_name = new QLineEdit(general);
    m_name->setObjectName(u"itemName"_s);
    addLabelledRow(form, tr("&Name:"), m_name);
    m_description = new QPlainTextEdit(general);
    m_description->setObjectName(u"itemDescription"_s);
    m_description->setTabChangesFocus(true);
    addLabelledRow(form, tr("&Description:"), m_description);
    tabs->addTab(general, tr("&General"));

    if (!item || item->isFolder()) {
        m_auth = new AuthEditor(services, tabs);
        m_auth->setObjectName(u"settingsAuthEditor"_s);
        m_auth->setInheritAvailable(isFolder);
        if (collection) {
            m_auth->setConfig(isCollection ? collection->auth : item->auth);
            QString source;
            const AuthConfig inherited = collection->inheritedAuth(itemId, &source);
            m_auth->setInheritedDescription(tr("This folder uses the authorization of “%1” (%2).")
                                                .arg(source, authTypeName(inherited.type)));
            m_auth->oauth2Pane()->setVariableContext(workspace->resolver(collectionId),
                                                     workspace->currentEnvironmentId());
        }
        tabs->addTab(m_auth, tr("&Authorization"));
    }
    if (!item || item->isFolder()) {
        // A collection's or folder's scripts run around each request in it (a request's own are in
        // its Scripts tab).
        m_scripts = new ScriptsEditor(tabs);
        m_scripts->setObjectName(u"settingsScriptsEditor"_s);
        if (collection)
            m_scripts->setScripts(isCollection ? collection->scripts : item->scripts);
        tabs->addTab(m_scripts, tr("Scr&ipts"));
        // Their Assertions and Capture rows are checked on the answer of each request in it.
        m_checks = new AssertionsEditor(tabs);
        m_checks->setObjectName(u"settingsAssertionsEditor"_s);
        if (collection) {
            m_checks->setChecks(isCollection ? collection->assertions : item->assertions,
                                isCollection ? collection->captures : item->captures);
        }
        tabs->addTab(m_checks, tr("Asse&rtions"));
    }
    if (isCollection) {
        m_variables = new VariablesEditor(tr("Collection variables"), tabs);
        if (collection)
            m_variables->setVariables(collection->variables);
        tabs->addTab(m_variables, tr("&Variables"));
    }
    layout->addWidget(tabs, 1);
    if (collection) {
        m_name->setText(isCollection ? collection->name : item->name);
        m_description->setPlainText(isCollection ? collection->description : item->description);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (const QString error = apply(); !error.isEmpty()) {
            QMessageBox::warning(this, tr("Not Saved"), error);
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Secrets read from the keychain after the dialog opened fill the fields still empty, so that
    // saving does not take them away.
    connect(workspace, &Workspace::collectionChanged, this, [this](const QString &id) {
        if (id != m_collectionId)
            return;
        const Collection *current = m_workspace->collection(m_collectionId);
        const CollectionItem *own = current && !m_itemId.isEmpty() ? current->find(m_itemId) : nullptr;
        if (!current || (!m_itemId.isEmpty() && !own))
            return;
        if (m_auth) {
            AuthConfig shown = m_auth->config();
            const AuthConfig saved = own ? own->auth : current->auth;
            WorkspaceSecrets::Map secrets;
            WorkspaceSecrets::collectAuth(saved, QString(), &secrets);
            const AuthConfig before = shown;
            WorkspaceSecrets::applyAuth(&shown, QString(), secrets);
            if (shown.toJson(OAuth2Config::Secrets::Include) != before.toJson(OAuth2Config::Secrets::Include))
                m_auth->setConfig(shown);
        }
        if (m_variables) {
            VariableList shown = m_variables->variables();
            bool filled = false;
            for (Variable &variable : shown) {
                for (const Variable &saved : current->variables) {
                    if (variable.secret && variable.value.isEmpty() && saved.key == variable.key
                        && !saved.value.isEmpty()) {
                        variable.value = saved.value;
                        filled = true;
                    }
                }
            }
            if (filled)
                m_variables->setVariables(shown);
        }
    });
    resize(640, 520);
}

QString ItemSettingsDialog::apply()
{
    const Collection *found = m_workspace->collection(m_collectionId);
    if (!found)
        return tr("The collection is gone.");
    Collection collection = *found;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("The name is empty.");
    if (m_itemId.isEmpty()) {
        collection.name = name;
        collection.description = m_description->toPlainText();
        collection.auth = m_auth->config();
        collection.variables = m_variables->variables();
        collection.scripts = m_scripts->scripts();
        collection.assertions = m_checks->assertions();
        collection.captures = m_checks->captures();
    } else {
        CollectionItem *item = collection.find(m_itemId);
        if (!item)
            return tr("The item is gone.");
        item->name = name;
        item->description = m_description->toPlainText();
        if (m_auth)
            item->auth = m_auth->config();
        if (m_scripts)
            item->scripts = m_scripts->scripts();
        if (m_checks) {
            item->assertions = m_checks->assertions();
            item->captures = m_checks->captures();
        }
    }
    return m_workspace->saveCollection(collection);
}

} // namespace Postern
