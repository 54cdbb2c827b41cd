#pragma once

#include "ui/oauth/oauthservices.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace Postern {

class AssertionsEditor;
class AuthEditor;
class ScriptsEditor;
class VariablesEditor;
class Workspace;

// The settings of a collection, a folder or a saved request: name and description; for a collection
// or a folder also its authorization (what requests set to "Inherit auth from parent" get); for a
// collection its variables. A collection or folder has a Scripts tab for what runs around its requests,
// and an Assertions tab for the checks and captures made on each of their answers. Saved to the
// workspace on OK. The workspace is not owned.
class ItemSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    ItemSettingsDialog(Workspace *workspace, const OAuthServices &services, const QString &collectionId,
                       const QString &itemId, QWidget *parent = nullptr);

    AuthEditor *authEditor() const { return m_auth; }
    VariablesEditor *variablesEditor() const { return m_variables; }
    ScriptsEditor *scriptsEditor() const { return m_scripts; } // collections and folders
    AssertionsEditor *assertionsEditor() const { return m_checks; } // collections and folders
    QLineEdit *nameEdit() const { return m_name; }

    // Writes the settings to the workspace; an error for people, empty on success.
    QString apply();

private:
    Workspace *m_workspace;
    QString m_collectionId;
    QString m_itemId;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    AuthEditor *m_auth = nullptr;
    VariablesEditor *m_variables = nullptr;
    ScriptsEditor *m_scripts = nullptr;
    AssertionsEditor *m_checks = nullptr;
};

} // namespace Postern
