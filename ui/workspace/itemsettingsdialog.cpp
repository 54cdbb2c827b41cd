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
    const QString kind = isCollection ? u"Collection"_s : isFolder ? u"Folder"_s : u"Request"_s;
    setWindowTitle(kind + u" Settings"_s);

    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"settingsTabs"_s);
    tabs->setAccessibleName(kind + u" settings"_s);
    auto *general = new QWidget(tabs);
    auto *form = new QFormLayout(general);
    m_name = new QLineEdit(general);
    m_name->setObjectName(u"itemName"_s);
    addLabelledRow(form, u"&Name:"_s, m_name);
    m_description = new QPlainTextEdit(general);
    m_description->setObjectName(u"itemDescription"_s);
    m_description->setTabChangesFocus(true);
    addLabelledRow(form, u"&Description:"_s, m_description);
    tabs->addTab(general, u"&General"_s);

    if (!item || item->isFolder()) {
        m_auth = new AuthEditor(services, tabs);
        m_auth->setObjectName(u"settingsAuthEditor"_s);
        m_auth->setInheritAvailable(isFolder);
        if (collection) {
            m_auth->setConfig(isCollection ? collection->auth : item->auth);
            QString source;
            const AuthConfig inherited = collection->inheritedAuth(itemId, &source);
            m_auth->setInheritedDescription(
                u"This folder uses the authorization of \u201c%1\u201d (%2)."_s.arg(
                    source, authTypeName(inherited.type)));
            m_auth->oauth2Pane()->setVariableContext(workspace->resolver(collectionId),
                                                     workspace->currentEnvironmentId());
        }
        tabs->addTab(m_auth, u"&Authorization"_s);
    }
    if (!item || item->isFolder()) {
        // A collection's or folder's scripts run around each request in it (a request's own are in
        // its Scripts tab).
        m_scripts = new ScriptsEditor(tabs);
        m_scripts->setObjectName(u"settingsScriptsEditor"_s);
        if (collection)
            m_scripts->setScripts(isCollection ? collection->scripts : item->scripts);
        tabs->addTab(m_scripts, u"Scr&ipts"_s);
        // Their Assertions and Capture rows are checked on the answer of each request in it.
        m_checks = new AssertionsEditor(tabs);
        m_checks->setObjectName(u"settingsAssertionsEditor"_s);
        if (collection) {
            m_checks->setChecks(isCollection ? collection->assertions : item->assertions,
                                isCollection ? collection->captures : item->captures);
        }
        tabs->addTab(m_checks, u"Asse&rtions"_s);
    }
    if (isCollection) {
        m_variables = new VariablesEditor(u"Collection variables"_s, tabs);
        if (collection)
            m_variables->setVariables(collection->variables);
        tabs->addTab(m_variables, u"&Variables"_s);
    }
    layout->addWidget(tabs, 1);
    if (collection) {
        m_name->setText(isCollection ? collection->name : item->name);
        m_description->setPlainText(isCollection ? collection->description : item->description);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(u"&Save"_s);
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(u"Save"_s);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(u"Cancel"_s);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (const QString error = apply(); !error.isEmpty()) {
            QMessageBox::warning(this, u"Not Saved"_s, error);
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
        return u"The collection is gone."_s;
    Collection collection = *found;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return u"The name is empty."_s;
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
            return u"The item is gone."_s;
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
